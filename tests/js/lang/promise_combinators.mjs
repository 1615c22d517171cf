// Promise.all / allSettled / any / race over promises whose `then` is the
// built-in one, beside thenables, subclasses, patched lookups and other
// jobs: the order of settlement and every observable read.
const log = [];
const tick = (name) => Promise.resolve().then(() => log.push(name));

// 1. Plain promises, in order, interleaved with other jobs.
{
  const ps = [Promise.resolve(1), new Promise((r) => setTimeout(() => r(2), 0)), 3];
  tick("a1");
  Promise.all(ps).then((v) => log.push("all " + JSON.stringify(v)));
  tick("a2");
  Promise.allSettled([Promise.reject(new Error("x")), 4]).then((v) =>
    log.push("allSettled " + JSON.stringify(v.map((r) => [r.status, String(r.value ?? r.reason)]))),
  );
  Promise.any([Promise.reject(1), Promise.reject(2)]).catch((e) =>
    log.push("any " + e.constructor.name + " " + JSON.stringify(e.errors) + " " + e.message),
  );
  Promise.any([Promise.reject(1), Promise.resolve(5)]).then((v) => log.push("any " + v));
  Promise.race([new Promise(() => {}), Promise.resolve(6)]).then((v) => log.push("race " + v));
  Promise.all([]).then((v) => log.push("all empty " + v.length));
  Promise.all([Promise.resolve(1), Promise.reject(new Error("boom")), Promise.resolve(3)]).catch(
    (e) => log.push("all rejects " + e.message),
  );
  tick("a3");
}

// 2. A promise whose `constructor` is read: once per element, as Invoke
//    of `then` and SpeciesConstructor read it.
{
  const p = Promise.resolve(7);
  let reads = 0;
  Object.defineProperty(p, "constructor", {
    get() {
      reads++;
      return Promise;
    },
  });
  Promise.all([p, p]).then((v) => log.push("constructor reads " + reads + " " + v));
}

// 3. A species that is not %Promise%: its constructor runs per element.
{
  const p = Promise.resolve(8);
  let made = 0;
  class Other extends Promise {
    constructor(exec) {
      made++;
      super(exec);
    }
  }
  p.constructor = { [Symbol.species]: Other };
  const q = Promise.resolve(p);
  Promise.all([q]).then((v) => log.push("species made " + made + " " + v));
}

// 4. A patched `then` on one promise sees element functions.
{
  const p = Promise.resolve(9);
  p.then = function (onFulfilled, onRejected) {
    log.push(`patched then ${typeof onFulfilled} ${onFulfilled.length} "${onFulfilled.name}" ${onRejected === onFulfilled}`);
    onFulfilled(90);
    onFulfilled(91);
    if (onRejected.name === "") onRejected(new Error("ignored"));
  };
  Promise.all([p, 10]).then((v) => log.push("patched all " + v), (e) => log.push("patched all rejected " + e.message));
  Promise.allSettled([p]).then((v) => log.push("patched allSettled " + v[0].status + " " + v[0].value));
}

// 5. A subclass as C: resolve and then through the subclass.
{
  let resolves = 0;
  class Sub extends Promise {
    static resolve(x) {
      resolves++;
      return super.resolve(x);
    }
  }
  Sub.all([1, Promise.resolve(2)]).then((v) => log.push("Sub.all " + resolves + " " + v));
}

// 6. A thenable that is not a promise, calling back twice.
{
  const thenable = {
    then(f) {
      f(11);
      f(12);
    },
  };
  Promise.all([thenable]).then((v) => log.push("thenable " + v));
}

// 7. Promise.prototype.then replaced for a while.
{
  const original = Promise.prototype.then;
  let calls = 0;
  Promise.prototype.then = function (...args) {
    calls++;
    return original.apply(this, args);
  };
  const all = Promise.all([Promise.resolve(13), Promise.resolve(14)]);
  Promise.prototype.then = original;
  all.then((v) => log.push("replaced then " + calls + " " + v));
}

// 8. The values array is new and ordinary; many elements.
{
  const many = Array.from({ length: 1000 }, (_, i) => Promise.resolve(i));
  Promise.all(many).then((v) => {
    log.push("many " + v.length + " " + v[999] + " " + Array.isArray(v) + " " + Object.isExtensible(v));
  });
}

setTimeout(() => {
  setTimeout(() => console.log(log.join("\n")), 0);
}, 0);
