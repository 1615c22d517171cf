// Annex B.3.3: function declarations in blocks of non-strict code also get
// a var binding in the enclosing function, script or eval code.

// B.3.3.1, in functions: the var exists (undefined) before the block runs,
// and takes the block's function when the declaration is evaluated.
function inFunction() {
  var before = typeof f;
  {
    var inside = f();
    function f() { return 'block f'; }
  }
  return [before, inside, typeof f, f()].join(' / ');
}
console.log(inFunction());

// A block that never runs leaves the var undefined.
function notRun() {
  if (false) { function g() {} }
  return typeof g + ' ' + (g === undefined);
}
console.log(notRun());

// The value is copied when the declaration is evaluated: later assignments
// to the block binding stay in the block.
function copiedAtDeclaration() {
  var seen = [];
  {
    seen.push(typeof h);
    h = 1;
    function h() {}
    h = 2;
    seen.push(h);
  }
  seen.push(typeof h);
  return seen.join(',');
}
console.log(copiedAtDeclaration());

// B.3.4: a declaration as an if clause is in a block of its own.
function ifClause(flag) {
  if (flag) function k() { return 'then'; } else function k() { return 'else'; }
  return k();
}
console.log(ifClause(true), ifClause(false));

// Switch cases.
function inSwitch(x) {
  switch (x) {
    case 1:
      function s() { return 'case 1'; }
      break;
    default:
  }
  return typeof s === 'function' ? s() : typeof s;
}
console.log(inSwitch(1), inSwitch(2));

// No hoisting where `var F` would clash: a let in an enclosing block, a
// parameter, a destructured catch parameter. (An outer block's function of
// the same name also stops it, which test262's
// annexB/language/function-code/block-decl-nested-blocks-with-fun-decl.js
// covers: Node v20 hoists the inner one there.)
function clashes(p) {
  var out = [];
  { let q = 1; { function q() {} } out.push(typeof q); }
  out.push(typeof q);
  { function p() {} }
  out.push(typeof p);
  try { throw [1]; } catch ([c]) { { function c() {} } }
  out.push(typeof c);
  try { throw 1; } catch (d) { { function d() {} } }
  out.push(typeof d);
  return out.join(',');
}
console.log(clashes('param'));

// Generators and async functions in blocks are not hoisted.
function notPlain() {
  { function* gen() {} async function af() {} }
  return typeof gen + ' ' + typeof af;
}
console.log(notPlain());

// Labelled function declarations (B.3.2) and duplicates in one block (B.3.3.4).
function labelled() {
  { lab: function lf() { return 1; } }
  { function dup() { return 1; } function dup() { return 2; } }
  return typeof lf + ' ' + dup();
}
console.log(labelled());

// Nested functions see the hoisted var.
function closures() {
  var get = function () { return typeof inner; };
  var before = get();
  { function inner() {} }
  return before + ' ' + get();
}
console.log(closures());

// B.3.3.2, in global code: a global var property.
console.log(typeof globalBlock, 'globalBlock' in this);
{ function globalBlock() { return 'global'; } }
console.log(globalBlock(), Object.getOwnPropertyDescriptor(this, 'globalBlock').configurable);

// A global let of the same name stops it.
let lexicalName = 'let';
{ function lexicalName() {} }
console.log(lexicalName);

// B.3.3.3, in eval code: in a function's variables, or global (deletable).
function viaEval() {
  eval('{ function fromEval() { return "eval in function"; } }');
  return fromEval();
}
console.log(viaEval(), typeof fromEval);
eval('{ function globalEval() { return "eval global"; } }');
console.log(globalEval(), delete globalEval, typeof globalEval);

// A binding between the eval and the function's variables stops it.
function evalBlocked() {
  let out = [];
  {
    let blocked = 'let';
    eval('{ function blocked() {} }');
    out.push(blocked);
  }
  out.push(typeof blocked);
  return out.join(',');
}
console.log(evalBlocked());
