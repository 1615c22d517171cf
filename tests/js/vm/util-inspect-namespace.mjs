// Port of Node's test/parallel/test-util-inspect-namespace.js (v20 output:
// `[Module: null prototype]`), inspecting through console.log since vmjs has
// no node:util. Left out: the `m.instantiate()` call (not in v20's API).
import vm from 'node:vm';

const { SourceTextModule } = vm;

const m = new SourceTextModule('export const a = 1; export var b = 2;');
await m.link(() => 0);
console.log(m.namespace);
await m.evaluate();
console.log(m.namespace);
