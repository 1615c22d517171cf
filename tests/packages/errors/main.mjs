// Every resolution error, as `code: message` (paths start at this folder).
const here = import.meta.url.slice('file://'.length, import.meta.url.lastIndexOf('/'));
const show = (s) => s.split(here).join('<dir>');
const cases = [
  'no-such-package',
  './missing.mjs',
  './a-directory',
  './a%2Fb.mjs',
  './a%5Cb.mjs',
  './a%2fb.mjs',
  './a%5cb.mjs',
  './data.txt',
  'exp/not-exported',
  'exp/null-target',
  'exp/features/x.mjs',
  'subpath-only',
  'bad-target/no-dot-slash',
  'bad-target/escapes',
  'bad-target/node-modules',
  'bad-target/number',
  'bad-target/pattern/../x',
  'bad-target/pattern/node_modules/x',
  'bad-target/main-number',
  'mixed-keys',
  'numeric-keys',
  'malformed',
  '@scope',
  '.hidden',
  'pkg\\name',
  'pkg%name',
  'exp/',
  '#not-defined',
  '#',
  'node:nope',
  'http://example.com/x.mjs',
  'legacy-missing',
];
for (const s of cases) {
  try {
    await import(s);
    console.log('loaded', s);
  } catch (e) {
    let message = show(e.message);
    // V8's JSON.parse wording is not part of the contract: cut it.
    if (e.code === 'ERR_INVALID_PACKAGE_CONFIG' && s === 'malformed') message = message.slice(0, message.indexOf('. ') + 1) + ' …';
    console.log(`${s}\n  ${e.constructor.name} ${e.code}: ${message}`);
  }
}
