// Default module identifiers count separately in the main context and in each
// vm context; explicit identifiers do not advance the counters; the context
// getter gives back the contextified object.
import vm from 'node:vm';

const { SourceTextModule, SyntheticModule, createContext, isContext } = vm;

function check(label, actual, expected) {
  if (Object.is(actual, expected)) console.log(`ok ${label}`);
  else console.log(`FAIL ${label}: got ${String(actual)}, expected ${String(expected)}`);
}
function throws(label, fn) {
  try { fn(); console.log(`FAIL ${label}: no exception`); } catch (e) {
    console.log(`${label}: ${String(e)} | code ${e && e.code}`);
  }
}

const a = createContext({});
const b = createContext({});
console.log('main', new SourceTextModule('').identifier, new SyntheticModule([], () => {}).identifier);
console.log('a', new SourceTextModule('', { context: a }).identifier,
  new SyntheticModule([], () => {}, { context: a }).identifier);
console.log('named in a', new SourceTextModule('', { context: a, identifier: 'custom:a' }).identifier);
console.log('a again', new SourceTextModule('', { context: a }).identifier);
console.log('b', new SourceTextModule('', { context: b }).identifier);
console.log('main again', new SourceTextModule('').identifier);

const inA = new SourceTextModule('', { context: a });
check('context getter', inA.context, a);
check('main-context module has no context', new SourceTextModule('').context, undefined);
check('synthetic context getter', new SyntheticModule([], () => {}, { context: b }).context, b);
console.log('context keys after modules:', Object.keys(a).length);

check('isContext(context)', isContext(a), true);
check('isContext({})', isContext({}), false);
check('createContext twice is the same object', createContext(a), a);
check('createContext() makes a context', isContext(createContext()), true);
throws('isContext(1)', () => isContext(1));
throws('isContext(null)', () => isContext(null));
throws('createContext(1)', () => createContext(1));
