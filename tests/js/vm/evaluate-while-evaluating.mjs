// Port of Node's test/parallel/test-vm-module-evaluate-while-evaluating.js
// with v20's behaviour: evaluate() on a module that is evaluating returns a
// rejected promise (newer Node throws synchronously). Left out: nothing.
import vm from 'node:vm';

const { SourceTextModule, SyntheticModule } = vm;

function report(label, e) {
  console.log(`${label}: ${String(e)} | code ${e && e.code}`);
}

// A source text module evaluating itself from its own body.
{
  const mod = new SourceTextModule(`
    let result;
    try {
      result = globalThis.selfModule.evaluate();
    } catch (e) {
      result = 'threw synchronously';
    }
    globalThis.innerResult = result;
  `);
  globalThis.selfModule = mod;
  await mod.link(() => {});
  await mod.evaluate();
  const inner = globalThis.innerResult;
  console.log('source text: inner is a promise', inner instanceof Promise);
  try {
    await inner;
    console.log('source text: inner fulfilled');
  } catch (e) {
    report('source text inner', e);
  }
  console.log('source text: status', mod.status);
}

// A synthetic module evaluating itself from its callback.
{
  let inner;
  const mod = new SyntheticModule(['a'], () => {
    try {
      inner = mod.evaluate();
    } catch (e) {
      inner = 'threw synchronously';
    }
    mod.setExport('a', 1);
  });
  await mod.link(() => {});
  await mod.evaluate();
  console.log('synthetic: inner is a promise', inner instanceof Promise);
  try {
    await inner;
    console.log('synthetic: inner fulfilled');
  } catch (e) {
    report('synthetic inner', e);
  }
  console.log('synthetic: status', mod.status, 'a', mod.namespace.a);
}
delete globalThis.selfModule;
delete globalThis.innerResult;
