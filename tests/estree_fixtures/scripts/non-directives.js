// Strings that are not directives, and directives that come after them.
("use strict");
"use strict" + 1;
'use strict'.length;
function a() {
  'use\x20strict';
  "other";
  with ({}) {}
}
function b() {
  1;
  'not a directive';
}
() => { 'arrow directive'; return 1; };
class C { m() { 'method directive'; } }
