const e = new Error('boom', { cause: 'why' });
console.log(e.message, e.cause, e.name, String(e), e instanceof Error, Object.prototype.toString.call(e));
for (const C of [TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError]) {
  const x = new C('m');
  console.log(x.name, x instanceof Error, Object.getPrototypeOf(C) === Error, String(x));
}
const agg = new AggregateError([new Error('a'), 2], 'many');
console.log(agg.name, agg.message, agg.errors.length);
console.log(Error('no new').message, typeof e.stack, e.stack.split('\n')[0]);
try { null.x; } catch (err) { console.log(err.constructor.name, err.message); }
try { undefinedName; } catch (err) { console.log(err.constructor.name, err.message); }
try { const k = 1; k = 2; } catch (err) { console.log(err.constructor.name, err.message); }
try { (void 0)(); } catch (err) { console.log(err.constructor.name, err.message); }
try { new (() => {})(); } catch (err) { console.log(err.constructor.name, err.message); }
try { [].reduce((a, b) => a); } catch (err) { console.log(err.constructor.name, err.message); }
try { new Array(-1); } catch (err) { console.log(err.constructor.name, err.message); }
try { x; let x = 1; } catch (err) { console.log(err.constructor.name, err.message); }
class MyError extends Error { constructor(m) { super(m); this.name = 'MyError'; } }
const mine = new MyError('custom');
console.log(String(mine), mine instanceof MyError, mine instanceof Error);
