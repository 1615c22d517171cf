import esm from 'esm-pkg';
import mjs from 'cjs-pkg/entry.mjs';
import data from 'esm-pkg/data.json' with { type: 'json' };
import noext from 'esm-pkg/bin/tool';
console.log(esm, mjs, data.value, noext);
