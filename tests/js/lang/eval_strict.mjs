// eval in module code (strict): direct eval code is strict and keeps its
// declarations; indirect eval runs non-strict global code.
const local = "module local";
function direct() {
  const inner = "inner";
  eval("var own = 1; function ownFn() {}");
  return [eval("local + ' / ' + inner"), typeof own, typeof ownFn];
}
console.log(direct());

// Closures over eval code's bindings.
const make = eval("let count = 0; () => ++count");
console.log(make(), make());

// Indirect eval: global scope, non-strict, vars become global properties.
const indirect = eval;
indirect("var fromIndirect = 'global'; function fromIndirectFn() { return this === globalThis; }");
console.log(globalThis.fromIndirect, globalThis.fromIndirectFn(),
  indirect("typeof local"), indirect("this === globalThis"));
console.log(indirect("(function () { return this === globalThis; })()"));
console.log(delete globalThis.fromIndirect, typeof globalThis.fromIndirect);

// Direct eval in strict code: this is undefined in plain functions,
// assignment to undeclared names throws.
function strictThis() { return eval("this"); }
console.log(strictThis());
try { eval("undeclaredName = 1"); } catch (e) { console.log(e.name + ": " + e.message); }
try { eval("with ({}) {}"); } catch (e) { console.log(e.name + ": " + e.message); }

// let/const of eval code do not leak.
eval("let hidden = 1; const alsoHidden = 2;");
console.log(typeof hidden, typeof alsoHidden);

// Completion values and non-string arguments.
console.log(eval("1 + 1"), eval("let z = 1; z + 2"), eval("if (false) 1;"), eval([1]).length);
console.log(eval(), eval("for (let i = 0; i < 3; i++) i * 10"));

// Methods, new.target and classes.
class A {
  static who() { return "A"; }
  m() { return eval("super.constructor === Object"); }
  static s() { return eval("this.who() + new.target"); }
}
console.log(new A().m(), A.s());
function Ctor() { this.t = eval("new.target === Ctor"); }
console.log(new Ctor().t);
const field = new (class { f = eval("this.constructor.name"); })();
console.log(field.f);
try { new (class { f = eval("arguments"); })(); } catch (e) { console.log(e.name + ": " + e.message); }

// Parse errors and errors thrown by eval code.
try { eval("}"); } catch (e) { console.log(e.name + ": " + e.message); }
try { eval("throw new RangeError('from eval')"); } catch (e) { console.log(e.name + ": " + e.message); }
try { eval("super.x"); } catch (e) { console.log(e.name + ": " + e.message); }
console.log(typeof eval, eval.length, eval.name, Object.getPrototypeOf(eval) === Function.prototype);
