// this, arguments, new.target, super and closures of async functions whose
// awaits are whole statements, before and after their awaits.
const log = [];

async function usesThis(a, b) {
  log.push(`this before: ${this?.name}, arguments: ${arguments.length} ${a} ${b}`);
  await null;
  log.push(`this after: ${this?.name}, arguments: ${[...arguments].join(',')}`);
  return arguments[0];
}

function sloppyThis() {
  return (async function () {
    await 0;
    return typeof this;
  })();
}

class Base {
  greet() {
    return 'base greet';
  }
}
class Derived extends Base {
  constructor() {
    super();
    this.name = 'derived';
  }
  async method() {
    const s = await super.greet();
    const arrow = async () => {
      await 1;
      return `${this.name} via arrow, new.target in method: ${typeof new.target}`;
    };
    return `${s} / ${await arrow()}`;
  }
}

async function closures() {
  const fns = [];
  const a = await 'first';
  fns.push(() => a);
  let b = await 'second';
  fns.push(() => b);
  b = await 'changed';
  return fns.map((f) => f()).join(' ');
}

async function recursive(n) {
  if (n === 0) return 0;
  const rest = await recursive(n - 1);
  return rest + n;
}

async function shadowing(x) {
  var x = await x;
  return x;
}

async function functionDeclarations() {
  const v = await hoisted();
  return v;
  function hoisted() {
    return 'hoisted';
  }
}

(async () => {
  log.push(await usesThis.call({ name: 'receiver' }, 1, 2));
  log.push(await sloppyThis());
  log.push(await new Derived().method());
  log.push(await closures());
  log.push(await recursive(100));
  log.push(await shadowing(Promise.resolve('shadowed')));
  log.push(await functionDeclarations());
  log.push(Object.prototype.toString.call(usesThis), usesThis.length, usesThis.name);
  console.log(log.join('\n'));
})();
