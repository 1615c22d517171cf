// node:module (also `module`): createRequire, isBuiltin and
// builtinModules, from the file host's CommonJS loader.
import binding from 'vmjs:module-binding';

export const { createRequire, isBuiltin, builtinModules } = binding;
// Deviation: Node's default export is the Module class (with these as
// static members); here it is an object holding the same members.
export default binding;
