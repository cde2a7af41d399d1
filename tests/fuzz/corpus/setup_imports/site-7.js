import { Tabs, TabItem } from '~/components/tabs'
import Since from '~/components/Since.astro'
