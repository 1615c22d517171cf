// The with statement: an object environment between the body and the
// enclosing scopes.
var o = { a: 1, b: 2 };
var a = "outer a", c = "outer c";
with (o) {
  console.log(a, b, c);
  a = 10;        // the object's property
  c = "set c";   // not on the object: the outer binding
  var b = 20;    // a var declaration's initialiser writes through the object
  d = "implicit";
}
console.log(JSON.stringify(o), a, b, c, d);

// Functions created inside see the object; calls get it as `this`.
var counter = {
  n: 0,
  inc() { this.n++; return this === counter; },
};
with (counter) {
  console.log(inc(), inc(), n);
  var read = function () { return n; };
}
counter.n = 42;
console.log(read());

// Properties added or deleted later are seen at each lookup.
var late = {};
function probe() {
  with (late) { return typeof x === "undefined" ? "none" : x; }
}
var x = "global x";
console.log(probe());
late.x = "from object";
console.log(probe());
delete late.x;
console.log(probe());

// Inherited properties count; @@unscopables hides names.
var proto = { inherited: "yes" };
var child = Object.create(proto);
with (child) console.log(inherited);
var values = "outer values";
with ([1, 2, 3]) {
  console.log(values, typeof keys, typeof includes, length, join("-"));
}
var hidden = { shown: 1, secret: 2, [Symbol.unscopables]: { secret: true } };
var secret = "outer secret";
with (hidden) console.log(shown, secret);

// Primitives are boxed; null and undefined throw.
with ("str") console.log(length, charAt(1));
try { with (null) {} } catch (e) { console.log(e.name + ": " + e.message); }
try { with (undefined) {} } catch (e) { console.log(e.name + ": " + e.message); }

// Nested with statements and local bindings.
function nestedWith(p) {
  var local = "local";
  with ({ p: "inner p", local: "object local" }) {
    with ({ q: "q" }) {
      return [p, local, q];
    }
  }
}
console.log(nestedWith("param"));
function letInside() {
  with ({ v: 1 }) {
    let v = 2;
    return v;
  }
}
console.log(letInside());

// Compound assignment and update keep the reference they resolved.
var cnt = { k: 1 };
with (cnt) { k += 5; k++; }
console.log(cnt.k);

// delete and typeof inside with.
var deletable = { gone: 1 };
with (deletable) {
  console.log(typeof gone, delete gone, typeof gone);
}

// Completion value of a with statement.
console.log(eval("1; with ({}) {}"), eval("with ({ z: 3 }) z"));

// Strict code rejects with.
try { eval("'use strict'; with ({}) {}"); } catch (e) { console.log(e.name + ": " + e.message); }
try { Function("'use strict'; with (a) b;"); } catch (e) { console.log(e.name + ": " + e.message); }

// eval inside with sees the object.
with ({ fromWith: "w" }) {
  console.log(eval("fromWith"));
  eval("var declaredInWith = fromWith + '!'");
}
console.log(declaredInWith);
