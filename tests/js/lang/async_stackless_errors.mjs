// Throws and rejections at whole-statement awaits, caught and uncaught,
// and errors raised while completing the statement after the await.
const log = [];

async function rejects() {
  await Promise.reject(new RangeError('rejected'));
  log.push('not reached');
}

async function caughtInside() {
  try {
    await Promise.reject(new Error('inner'));
  } catch (e) {
    log.push(`caught inside: ${e.message}`);
  }
  return 'recovered';
}

async function throwsBeforeAwait() {
  const x = await undefinedName;
  return x;
}

async function throwsAfterAwait() {
  await null;
  throw new TypeError('after await');
}

async function constAssignment() {
  const c = 1;
  log.push('before');
  // eslint-disable-next-line no-const-assign
  c = await 2;
  log.push('not reached');
}

async function tdz() {
  const v = await 1;
  return v + later;
  // eslint-disable-next-line no-unreachable
  let later = 1;
}

async function destructureNull() {
  const { a } = await null;
  return a;
}

async function parameterDefaultThrows(x = missing) {
  await 1;
  return x;
}

const badConstructor = Promise.resolve(1);
Object.defineProperty(badConstructor, 'constructor', {
  get() {
    log.push('constructor getter');
    throw new Error('constructor getter threw');
  },
});
async function promiseResolveThrows() {
  try {
    await badConstructor;
  } catch (e) {
    log.push(`caught: ${e.message}`);
  }
  const v = await badConstructor;
  return v;
}

const thenThrows = {
  then() {
    throw new SyntaxError('then threw');
  },
};
async function awaitThenThrows() {
  await thenThrows;
}

const settle = (name, p, withMessage = true) =>
  p.then(
    (v) => log.push(`${name} fulfilled: ${v}`),
    (e) =>
      log.push(`${name} rejected: ${e?.constructor?.name} ${withMessage ? e?.message : ''}`),
  );

settle('rejects', rejects());
settle('caughtInside', caughtInside());
settle('throwsBeforeAwait', throwsBeforeAwait());
settle('throwsAfterAwait', throwsAfterAwait());
settle('constAssignment', constAssignment());
settle('tdz', tdz());
settle('destructureNull', destructureNull(), false);
settle('parameterDefaultThrows', parameterDefaultThrows());
settle('promiseResolveThrows', promiseResolveThrows());
settle('awaitThenThrows', awaitThenThrows());

setTimeout(() => console.log(log.join('\n')), 0);
