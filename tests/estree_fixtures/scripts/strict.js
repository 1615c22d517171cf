'use strict';
// A script with a Use Strict Directive: strict code throughout.
var x = 0o17 + 0x1F + 0b11;
function strictFunction(a, b) { return a + b; }
let y = x;
const z = class { static #p = 1; static m() { return this.#p; } };
label: for (;;) { break label; }
