// Port of the parts of Node's test/parallel/test-vm-module-cached-data.js that
// need no Buffer. Creating cached data and feeding it back, and the
// ERR_VM_MODULE_CACHED_DATA_REJECTED cases, are in code-cache-module.mjs.
import vm from 'node:vm';

const { SourceTextModule } = vm;

// createCachedData() once evaluate() has started.
{
  const m = new SourceTextModule('const a = 1;');
  await m.link(() => {});
  const evaluation = m.evaluate();
  try {
    m.createCachedData();
    console.log('FAIL createCachedData after evaluate: no exception');
  } catch (e) {
    console.log(`createCachedData after evaluate: ${String(e)} | code ${e.code}`);
  }
  await evaluation;
}

// cachedData must be an ArrayBufferView.
for (const invalid of ['string', 1, {}, null]) {
  try {
    new SourceTextModule('const a = 1;', { cachedData: invalid });
    console.log('FAIL no exception');
  } catch (e) {
    console.log(`cachedData ${invalid === null ? 'null' : typeof invalid}: ${String(e)} | code ${e.code}`);
  }
}
