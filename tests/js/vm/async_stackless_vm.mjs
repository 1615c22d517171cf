// An async function made in a vm context runs in its own realm when its
// body resumes: the promises it makes and the errors it throws are that
// context's.
import vm from 'node:vm';

const context = vm.createContext({ log: [] });
vm.runInContext(
  `
  async function inContext(p) {
    const v = await p;
    log.push('resumed with ' + v);
    const arr = await [v];
    log.push('array from this realm: ' + (arr instanceof Array));
    undefinedInContext;
  }
  `,
  context,
);
const inContext = vm.runInContext('inContext', context);
const ContextPromise = vm.runInContext('Promise', context);
const ContextError = vm.runInContext('ReferenceError', context);
const p = inContext(Promise.resolve(42));
console.log('returns a context promise:', p instanceof ContextPromise, p instanceof Promise);
p.catch((e) => {
  console.log(context.log.join('\n'));
  console.log('context ReferenceError:', e instanceof ContextError, e instanceof ReferenceError);
  console.log(e.message);
});
