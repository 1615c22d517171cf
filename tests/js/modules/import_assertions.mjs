// The legacy import assertions (`assert { type: 'json' }`, the syntax that
// `with` replaced), which Node 20 still parses: they reach the loader as
// import attributes. Recorded with Node v20 (it also warns on stderr that
// 'assert' is deprecated).
import data from './assertions_data.json' assert { type: 'json' };
import { data as again } from './assertions_reexport.mjs';
console.log(data.name, data.list.length, data === again);
// `assert` is only a keyword right after the specifier, on the same line.
const assert = { ok: true };
console.log(assert.ok);
