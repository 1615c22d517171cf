// Builds a module graph as a Node user does with node:vm — every module
// constructed as a vm.SourceTextModule (found through dependencySpecifiers),
// the root linked with a linker, then evaluated — and prints the time of
// each phase as one JSON line (the fields `vmjs bench --json` prints).
//
// Usage: node --experimental-vm-modules benches/node-vm-graph.mjs ENTRY
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import vm from 'node:vm';

const entry = resolve(process.argv[2]);
const modules = new Map();
let bytes = 0;
let edges = 0;
const resolvePath = (specifier, referrer) => resolve(dirname(referrer), specifier);
function construct(path) {
  const source = readFileSync(path, 'utf8');
  bytes += source.length;
  const module = new vm.SourceTextModule(source, { identifier: path });
  modules.set(path, module);
  return module;
}
const t0 = performance.now();
const root = construct(entry);
const queue = [root];
for (let i = 0; i < queue.length; i++) {
  const module = queue[i];
  for (const specifier of module.dependencySpecifiers) {
    edges++;
    const path = resolvePath(specifier, module.identifier);
    if (!modules.has(path)) queue.push(construct(path));
  }
}
const t1 = performance.now();
await root.link((specifier, referrer) => modules.get(resolvePath(specifier, referrer.identifier)));
const t2 = performance.now();
const log = console.log;
console.log = () => {};
await root.evaluate();
const t3 = performance.now();
log(JSON.stringify({
  entry: process.argv[2], via: 'node-vm', modules: modules.size, edges, bytes,
  load_ms: t1 - t0, link_ms: t2 - t1, evaluate_ms: t3 - t2, total_ms: t3 - t0,
}));
