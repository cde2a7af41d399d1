import A from './A.astro'
import { B, C as D } from "~/components/tabs"
import E, { F } from '../E'
import * as NS from '@astrojs/starlight/components';
import './style.css'
import type { T } from './types'
