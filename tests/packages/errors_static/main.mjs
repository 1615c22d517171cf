import { x } from 'exp/not-exported';
console.log(x);
