// import.defer() and import.source() inside a vm.SourceTextModule (Deferring Module Evaluation,
// Source Phase Imports, stage 3). Node has no `import defer` (neither v20 nor newer releases): this
// output was written by hand from the proposal's spec text
// (../shared/reference/proposals/import-defer.spec.emu: EvaluateImportCall
// with phase defer, ContinueDynamicImport, GetModuleExportsList,
// EvaluateModuleSync), not recorded with Node. The host hook gets the phase:
// importModuleDynamically's 4th argument for import.source() and
// import.defer(), as newer Node passes 'source' there, and 'defer' as
// `moduleRequests` names it (a plain import() passes three, as Node v20)
// (spec-notes/18-import-phases.md).
import vm from 'node:vm';

const { SourceTextModule } = vm;

function report(label, e) {
  console.log(`${label}: ${String(e)} | code ${e && e.code}`);
}

async function linked(source, linker = () => {}) {
  const m = new SourceTextModule(source);
  await m.link(linker);
  return m;
}

// A linked module that has not run: import.defer() resolves with its
// deferred namespace and does not evaluate it; the first string-keyed read
// does (GetModuleExportsList → EvaluateModuleSync).
{
  const dep = await linked('console.log("dep runs"); export const a = 1;');
  globalThis.depStatus = () => dep.status;
  const m = new SourceTextModule(`
    const ns = await import.defer('dep');
    console.log('resolved', Object.prototype.toString.call(ns));
    console.log('then', typeof ns.then, 'status', depStatus());
    console.log('a =', ns.a, 'status', depStatus());
    export { ns };`, {
    importModuleDynamically(specifier, referrer, attributes, phase) {
      console.log('callback', specifier, phase, referrer === m);
      return dep;
    },
  });
  await m.link(() => {});
  await m.evaluate();
  // The deferred namespace is not the module's (eager) namespace.
  console.log('same as namespace', m.namespace.ns === dep.namespace);
}

// The deferred module's asynchronous dependencies are evaluated before the
// promise resolves (GatherAsynchronousTransitiveDependencies); the module
// itself waits for its first use.
{
  const tla = await linked('console.log("tla starts"); await 0; console.log("tla done");');
  const lazy = await linked('import "tla"; console.log("lazy runs"); export const b = 2;', () => tla);
  const m = new SourceTextModule(`
    const ns = await import.defer('lazy');
    console.log('resolved');
    console.log('b =', ns.b);`, {
    importModuleDynamically: () => lazy,
  });
  await m.link(() => {});
  await m.evaluate();
}

// import() passes three arguments, as Node v20 does.
{
  const dep = await linked('export const c = 3;');
  await dep.evaluate();
  const m = new SourceTextModule('const ns = await import("dep"); console.log("c =", ns.c);', {
    importModuleDynamically(specifier, referrer, attributes, phase) {
      console.log('callback', specifier, phase, arguments.length);
      return dep;
    },
  });
  await m.link(() => {});
  await m.evaluate();
}

// A module whose evaluation threw: import.defer() resolves (the module is
// evaluated), and reading the namespace throws its error.
{
  const bad = await linked('throw new RangeError("bad module");');
  await bad.evaluate().catch((e) => report('evaluate', e));
  const m = new SourceTextModule(`
    const ns = await import.defer('bad');
    console.log('resolved');
    try { ns.x; } catch (e) { console.log('read:', String(e)); }`, {
    importModuleDynamically: () => bad,
  });
  await m.link(() => {});
  await m.evaluate();
}

// The hook must return a linked Module: a namespace or an unlinked module
// rejects.
for (const [label, result] of [
  ['a namespace', async () => { const d = await linked('export const d = 4;'); await d.evaluate(); return d.namespace; }],
  ['an unlinked module', async () => new SourceTextModule('export const e = 5;')],
]) {
  const m = new SourceTextModule(`
    try { await import.defer('x'); console.log('FAIL resolved'); }
    catch (e) { console.log(${JSON.stringify(label)} + ':', String(e), '| code', e.code); }`, {
    importModuleDynamically: result,
  });
  await m.link(() => {});
  await m.evaluate();
}

// import.source() gets the phase 'source'; a source text module has no
// source representation (the proposal's SyntaxError).
{
  const dep = await linked('export const f = 6;');
  const m = new SourceTextModule(`
    try { await import.source('dep'); console.log('FAIL resolved'); }
    catch (e) { console.log('source:', e.name); }`, {
    importModuleDynamically(specifier, referrer, attributes, phase) {
      console.log('callback', specifier, phase);
      return dep;
    },
  });
  await m.link(() => {});
  await m.evaluate();
}
