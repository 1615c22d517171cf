// The flags that @@replace, @@split, @@match and `flags` read, while
// RegExp.prototype's getters are used untouched, then replaced, deleted
// and restored between calls at the same sites.
const re = /a/g;
const run = (label) => {
  re.lastIndex = 0;
  let flags;
  try { flags = re.flags; } catch (e) { flags = e.constructor.name; }
  console.log(label, 'aXa'.replace(re, 'b'), 'aXa'.split(/X/).length, JSON.stringify('aXa'.match(re)), flags);
};
for (let i = 0; i < 3; i++) run('untouched');

const proto = RegExp.prototype;
const global = Object.getOwnPropertyDescriptor(proto, 'global');
Object.defineProperty(proto, 'global', { get() { return false; }, configurable: true });
run('global says false');
Object.defineProperty(proto, 'global', global);
run('restored');

// (A replaced `flags` getter is left out: the spec's @@replace and @@match
// read `flags`, Node 20's read `global` and `unicode`; vmjs follows the spec.)

delete proto.sticky;
run('sticky deleted');
Object.prototype.sticky = true;
run('sticky inherited from Object.prototype');
delete Object.prototype.sticky;

const own = /a/g;
Object.defineProperty(own, 'global', { value: false });
own.lastIndex = 0;
console.log('own data property', 'aXa'.replace(own, 'b'), own.flags);

class Sub extends RegExp {
  get global() { return false; }
}
const sub = new Sub('a', 'g');
console.log('subclass getter', 'aXa'.replace(sub, 'b'), sub.flags);
