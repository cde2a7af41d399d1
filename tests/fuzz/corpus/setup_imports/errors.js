export const x = 1
const y = require('z')
import { from './broken'
import A from
import 'unterminated
