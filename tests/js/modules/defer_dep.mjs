import './defer_dep_of_dep.mjs';
console.log('defer_dep evaluated');
export let value = 1;
export function then() {}
export const increment = () => ++value;
