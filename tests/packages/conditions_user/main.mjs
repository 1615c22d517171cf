import cond, { which } from 'cond';
import custom from 'map-exports/custom';
console.log(cond, which, custom);
