// Awaits as whole statements inside blocks and if/else branches: block
// scoping across the await (shadowing, closures over block bindings, TDZ),
// function declarations in blocks, branches taken and not taken, throws
// unwinding out of blocks, and the job ordering of it all.
const log = [];
let tick = 0;
const ticker = (n) => {
  if (n > 0) {
    Promise.resolve().then(() => {
      tick++;
      ticker(n - 1);
    });
  }
};
ticker(30);
const say = (s) => log.push(`${tick}: ${s}`);

async function blocks(x) {
  const outer = 'outer';
  let captured;
  {
    const outer = await `inner ${x}`;
    say(`in block: ${outer}`);
    captured = () => outer;
    {
      let deeper = await 'deeper';
      await null;
      say(`nested: ${deeper} ${outer}`);
    }
    say(`after nested: ${typeof deeper}`);
  }
  say(`after block: ${outer}, closure sees ${captured()}`);
  {
    await 1;
    say(`hoisted in block: ${inBlock()}`);
    function inBlock() {
      return 'block function';
    }
  }
  return outer;
}

async function branches(flag) {
  if (flag) {
    const v = await 'then-branch';
    say(`${flag}: ${v}`);
  } else if (flag === 0) {
    await 'zero';
    say(`${flag}: zero branch`);
    return await 'zero result';
  } else {
    say(`${flag}: else branch`);
  }
  if (flag) await 'single statement branch';
  else return 'else returned';
  say(`${flag}: after ifs`);
  return 'end';
}

async function awaitInTest(flag) {
  if ((await flag) === undefined) {
    say('await in a test');
  }
  {
    await 'block after';
    say('awaitInTest block');
  }
}

async function unwinding() {
  const before = 'before';
  {
    let inside = 'inside';
    await Promise.reject(new Error('thrown inside a block'));
    say(inside);
  }
  return before;
}

async function tdzInBlock() {
  {
    await 1;
    say(`typeof later: ${(() => { try { return later; } catch (e) { return e.constructor.name; } })()}`);
    let later = await 'initialised';
    say(later);
  }
}

async function mixedWithLoops(items) {
  let total = 0;
  for (const item of items) {
    total += item;
  }
  if (total > 2) {
    total = await (total * 10);
  }
  return total;
}

blocks('x').then((v) => say(`blocks resolved ${v}`));
branches(true).then((v) => say(`branches(true) resolved ${v}`));
branches(0).then((v) => say(`branches(0) resolved ${v}`));
branches(false).then((v) => say(`branches(false) resolved ${v}`));
awaitInTest().then(() => say('awaitInTest resolved'));
unwinding().catch((e) => say(`unwinding rejected: ${e.message}`));
tdzInBlock().then(() => say('tdzInBlock resolved'));
mixedWithLoops([1, 2, 3]).then((v) => say(`mixedWithLoops resolved ${v}`));
say('synchronous end');

setTimeout(() => console.log(log.join('\n')), 0);
