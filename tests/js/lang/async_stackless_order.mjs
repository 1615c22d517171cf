// Job ordering of async functions whose awaits are whole statements (run
// without a coroutine) interleaved with ones that await inside expressions
// or loops, promise chains and thenables: every line says which tick it ran in.
const log = [];
let tick = 0;
const ticker = (n) => {
  if (n === 0) return;
  Promise.resolve().then(() => {
    tick++;
    ticker(n - 1);
  });
};
ticker(20);
const say = (s) => log.push(`${tick}: ${s}`);

async function statements(name, x) {
  say(`${name} start`);
  await x;
  say(`${name} after await`);
  const v = await x;
  say(`${name} const ${v}`);
  let w;
  w = await (v + 1);
  say(`${name} assigned ${w}`);
  var { a, b: [c] } = await { a: 1, b: [2] };
  say(`${name} destructured ${a} ${c}`);
  return await w;
}

async function inExpressions(name, x) {
  say(`${name} start`);
  say(`${name} sum ${(await x) + (await x)}`);
  for (const y of [1, 2]) {
    await y;
    say(`${name} loop ${y}`);
  }
  return 'done';
}

const thenable = {
  then(resolve) {
    say('thenable.then called');
    resolve('from thenable');
  },
};

async function awaitsThenable() {
  const v = await thenable;
  say(`thenable gave ${v}`);
  return v;
}

const arrow = async (x) => await x;
const concise = async (x) => x * 2;
async function empty() {}
async function noAwait(x) {
  say('noAwait runs synchronously');
  return x;
}

statements('s1', 1).then((v) => say(`s1 resolved ${v}`));
inExpressions('e1', 1).then((v) => say(`e1 resolved ${v}`));
statements('s2', Promise.resolve(5)).then((v) => say(`s2 resolved ${v}`));
awaitsThenable().then((v) => say(`thenable resolved ${v}`));
arrow(Promise.resolve('arrow')).then((v) => say(`arrow resolved ${v}`));
concise(21).then((v) => say(`concise resolved ${v}`));
empty().then((v) => say(`empty resolved ${v}`));
noAwait(Promise.resolve('p')).then((v) => say(`noAwait resolved ${v}`));
say('synchronous end');

setTimeout(() => console.log(log.join('\n')), 0);
