// Source Phase Imports (stage 3): a JavaScript module has no source
// representation ([[ModuleSource]] is empty), so `import.source()` of one
// rejects with a SyntaxError and a static `import source` fails when its
// importer is linked — without the module's own imports being loaded or
// evaluated. Node 20 has no source phase imports: this output was written by
// hand from the proposal's spec text
// (../shared/reference/proposals/source-phase-imports.spec.emu) and test262's
// source-phase-imports tests, not recorded with Node.
try {
  await import.source('./defer_dep_of_dep.mjs');
  console.log('no error');
} catch (e) {
  console.log('import.source:', e.constructor.name);
}
try {
  await import('./source_importer.mjs');
  console.log('no error');
} catch (e) {
  console.log('import source:', e.constructor.name);
}
// `source` is still an identifier: `import source from` is a default import.
const source = 1;
console.log(source);
