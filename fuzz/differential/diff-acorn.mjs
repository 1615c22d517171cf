// Differential test of vmjs's ESTree output against acorn's.
//
//   node fuzz/differential/diff-acorn.mjs [COUNT] [FIRST_SEED]
//
// Generates COUNT modules (gen.mjs), parses each with acorn
// (ecmaVersion "latest", sourceType "module", locations) and with
// `vmjs parse --json`, and compares: both must accept or both reject, and an
// accepted program must give the same JSON (acorn's tree serialized as
// tests/estree_fixtures/README.md says: BigInt and RegExp values as null).
// Where acorn and vmjs disagree on validity, `node --check` breaks the tie:
// a program on which vmjs agrees with Node is counted (vmjsAgreesWithNode)
// and not reported. Other mismatches are written to
// fuzz/differential/out/SEED.mjs with both outputs (SEED.txt).
// Environment: ACORN (default /tmp/acorn-scratch/node_modules/acorn, from
// `npm i acorn@8` in a scratch folder), VMJS (default target/release/vmjs).
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './gen.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const acorn = require(process.env.ACORN ?? '/tmp/acorn-scratch/node_modules/acorn');
const vmjs = process.env.VMJS ?? join(here, '../../target/release/vmjs');
const count = Number(process.argv[2] ?? 1000);
const first = Number(process.argv[3] ?? 1);
const out = join(here, 'out');
const tmp = join(out, 'tmp.mjs');
mkdirSync(out, { recursive: true });

const replacer = (key, value) => (typeof value === 'bigint' || value instanceof RegExp ? null : value);
const stats = { programs: 0, bothAccept: 0, bothReject: 0, mismatch: 0, onlyAcorn: 0, onlyVmjs: 0, vmjsAgreesWithNode: 0 };
const started = Date.now();
for (let seed = first; seed < first + count; seed++) {
  const src = generate(seed);
  stats.programs++;
  let expected = null;
  let acornError = null;
  try {
    expected = JSON.stringify(acorn.parse(src, { ecmaVersion: 'latest', sourceType: 'module', locations: true }), replacer);
  } catch (e) {
    acornError = e.message;
  }
  writeFileSync(tmp, src);
  const run = spawnSync(vmjs, ['parse', '--json', tmp], { encoding: 'utf8' });
  const actual = run.status === 0 ? JSON.stringify(JSON.parse(run.stdout)) : null;
  let verdict;
  if (expected === null && actual === null) verdict = 'bothReject';
  else if (expected === null) verdict = 'onlyVmjs';
  else if (actual === null) verdict = 'onlyAcorn';
  else verdict = expected === actual ? 'bothAccept' : 'mismatch';
  stats[verdict]++;
  // Where the two disagree on validity, Node (V8) decides which one follows
  // the engine vmjs imitates: V8 accepts `++f()` and `f() = 1` in modules
  // (a ReferenceError at run time), which acorn rejects as the spec says.
  if (verdict === 'onlyAcorn' || verdict === 'onlyVmjs') {
    const node = spawnSync(process.execPath, ['--check', tmp]);
    if ((node.status === 0) === (verdict === 'onlyVmjs')) {
      stats.vmjsAgreesWithNode++;
      continue;
    }
  }
  if (verdict !== 'bothAccept' && verdict !== 'bothReject') {
    writeFileSync(join(out, `${seed}.mjs`), src);
    writeFileSync(join(out, `${seed}.txt`), `${verdict}\nacorn: ${acornError ?? expected}\nvmjs (${run.status}): ${run.stderr || actual}\n`);
  }
}
stats.seconds = (Date.now() - started) / 1000;
console.log(JSON.stringify(stats));
