// One specifier, several folders: `./x.mjs` names a different module from
// each folder and the same one from every module of a folder, in a folder
// with enough files to be listed rather than asked file by file.
import { where as top, object as topObject } from './same_specifier/x.mjs';
import * as user from './same_specifier/sub/user.mjs';
import * as other from './same_specifier/sub/other.mjs';
import { sum } from './same_specifier/many.mjs';

console.log(top, user.where, user.parent, sum);
console.log(user.object === other.object, user.object === topObject);
for (const specifier of ['./same_specifier/f10.mjs', './same_specifier/sub', './same_specifier/F1.mjs']) {
  try {
    await import(specifier);
    console.log('loaded', specifier);
  } catch (e) {
    console.log(e.code);
  }
}
const again = await import('./same_specifier/sub/x.mjs');
console.log(again.object === user.object);
