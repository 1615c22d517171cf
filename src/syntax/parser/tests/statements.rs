use super::*;

#[test]
fn smoke() {
    ok("let a = 1; const {b, c: [d]} = x; var e;");
    ok("function f(a, b = 1, ...c) { return a + b * c; }");
    ok("class A extends B { constructor() { super(); } static x = 1; #p; get y() { return this.#p; } }");
    ok("if (a) b; else if (c) d; else { e }");
    ok("for (let i = 0; i < n; i++) {} for (const x of y) {} for (k in o) ;");
}
