// delete IdentifierReference in non-strict code.
var declaredVar = 1;
function declaredFunction() {}
let lexical = 1;
globalThis.configurableProp = 1;
implicitGlobal = 2;
console.log(delete declaredVar, delete declaredFunction, delete lexical);
console.log(delete configurableProp, typeof configurableProp);
console.log(delete implicitGlobal, typeof implicitGlobal);
console.log(delete neverDeclared, delete (neverDeclared));
console.log(delete NaN, delete Math, typeof Math);
function local(param) {
  var inner = 1;
  return [delete param, delete inner, delete arguments, param, inner];
}
console.log(local(5).join());
console.log(delete 1, delete declaredVar.x);
