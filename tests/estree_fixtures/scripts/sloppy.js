// Non-strict script code: what only the script goal accepts.
'directive one';
"directive\x20two"
var with1 = { a: 1 };
with (with1) { a = 2; }
with (with1) a;
var octal = 010 + 0777 - 08 + 09.5 + 019;
var escapes = ["\0", "\1", "\12", "\101", "\377", "\400", "\8", "\9", '\08'];
var let = 1, yield = 2, await = 3, static = 4, implements = 5, package = 6;
var interface = 7, private = 8, protected = 9, public = 10, async = 11, of = 12;
let = yield + await;
let
letNext = 13;
var l2 = let [0];
function args(a, a, b) { return arguments.length + a; }
function generatorsYield() { var yield = 1; return yield; }
async function asyncAwait() { var x = async; return x; }
if (octal) function inIf() {} else function inElse() {}
if (octal) function onlyIf() {}
label1: function labelled() {}
label2: label3: function labelledTwice() {}
for (var fi = 0 in with1) ;
for (var fj = (1) in with1) break;
for (var fk = function () {} in with1) continue;
delete octal;
eval("1"); arguments = 1; eval = 2;
{ function inBlock() {} }
switch (1) { case 1: function inCase() {} }
try { throw 1 } catch (e) { var e = 2; }
try { throw 1 } catch (e) { for (var e in with1); }
var o = { __proto__: null, yield, let, await };
function f(yield, let, static) { "not a directive" + 1; }
(function () { 'first'; 'second'; 0; 'not a directive'; });
(function () { "use strict"; return 1; })();
