import * as self from './defer_cycle.mjs';
import defer * as deferredSelf from './defer_cycle.mjs';
export const name = 'cycle';
try {
  deferredSelf.name;
} catch (e) {
  console.log('during evaluation:', e.constructor.name);
}
console.log('eager namespace during evaluation:', self.name);
