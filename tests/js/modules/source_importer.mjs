import source js from './defer_dep_of_dep.mjs';
export { js };
