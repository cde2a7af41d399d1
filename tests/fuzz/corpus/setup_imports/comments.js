// a comment
import A from './A' /* block
 comment */
import {
  B,
  C,
} from './tabs';
