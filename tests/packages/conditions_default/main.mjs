import cond from 'cond';
import custom from 'map-exports/custom';
console.log(cond, custom);
