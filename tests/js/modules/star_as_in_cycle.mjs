// A module imported back as a namespace (`import * as`) by a module it
// imports, while its own `export * as s` names a module not yet linked when
// that namespace is first made (a module-graph fuzzer finding: the namespace
// of the `export * as` target was made while that target was still unlinked,
// against GetModuleNamespace's first assertion). The namespaces must be
// complete and live once evaluation reads them.
import { get, x, main } from './star_as_in_cycle/b.mjs';
export * as s from './star_as_in_cycle/c.mjs';
export const y = 2;
console.log(x, get());
console.log(Object.keys(main).join(), Object.keys(main.s).join(), main.s.z, main.s === main.s);
