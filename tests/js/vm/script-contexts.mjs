// Scripts run in contexts: the contextified object receives the script's
// global var and function declarations and its assignments; top-level
// let/const persist across runs in the same context; each context has its
// own built-ins. Facts from Node's test-vm-basic.js, test-vm-context.js,
// test-vm-global-define-property.js and test-vm-function-declaration.js.
import vm from 'node:vm';

// runInNewContext writes to the sandbox it is given.
{
  const sandbox = {};
  const result = vm.runInNewContext('foo = "bar"; this.typeofProcess = typeof process; typeof Object;', sandbox);
  console.log(JSON.stringify(sandbox), result);
}

// runInContext reads and writes the contextified object.
{
  const sandbox = { foo: 'bar' };
  const context = vm.createContext(sandbox);
  console.log(context === sandbox);
  const result = vm.runInContext('baz = foo; this.typeofProcess = typeof process; typeof Object;', context);
  console.log(JSON.stringify(sandbox), result);
}

// runInThisContext writes this realm's globals.
{
  const result = vm.runInThisContext('vmResult = "foo"; typeof vmResult;');
  console.log(globalThis.vmResult, result);
  delete globalThis.vmResult;
}

// A new context without an object: nothing leaks to this realm.
{
  const result = vm.runInNewContext('vmResult2 = "foo"; typeof Object;');
  console.log(globalThis.vmResult2, result);
}

// Declarations become properties of the contextified object (functions first).
{
  const context = vm.createContext({});
  console.log(vm.runInContext('var a = 1; function f() { return 2; } let b = 2; const q = 3; a + b', context));
  console.log(Object.keys(context), typeof context.f, context.b, context.q);
  console.log(vm.runInContext('b + q + f()', context));
  console.log(vm.runInContext('b = 10; b', context), context.b);
  try {
    vm.runInContext('let b = 1;', context);
  } catch (e) {
    console.log(`${e.name}: ${e.message}`);
  }
  try {
    vm.runInContext('q = 4;', context);
  } catch (e) {
    console.log(`${e.name}: ${e.message}`);
  }
}

// A var declaration with an initialiser defines a writable, enumerable property.
{
  const context = vm.createContext({});
  vm.runInContext('var x = undefined;', context);
  console.log('x' in context, context.x);
  const d = Object.getOwnPropertyDescriptor(context, 'x');
  console.log(d.writable, d.enumerable);
}

// Each context has its own intrinsics.
{
  const context = vm.createContext({});
  const arr = vm.runInContext('[1, 2]', context);
  console.log(arr instanceof Array, Array.isArray(arr));
  console.log(vm.runInContext('Object', context) === Object);
  console.log(vm.runInContext('this', context) === context);
}

// Functions made in a context keep seeing its globals.
{
  const context = vm.createContext({ n: 1 });
  const get = vm.runInContext('(function () { return n; })', context);
  context.n = 5;
  console.log(get());
}

// Scripts can be run repeatedly and in several contexts.
{
  const script = new vm.Script('count = (typeof count === "number" ? count : 0) + 1');
  const c1 = vm.createContext({});
  const c2 = vm.createContext({ count: 10 });
  script.runInContext(c1);
  script.runInContext(c1);
  script.runInContext(c2);
  console.log(c1.count, c2.count);
}

// vm.isContext
{
  const context = vm.createContext();
  console.log(vm.isContext(context), vm.isContext({}), vm.isContext([]));
}
