import outer from 'outer';
import inner from 'inner';
import deep from './app/deep/leaf.mjs';
console.log(outer, inner, deep);
