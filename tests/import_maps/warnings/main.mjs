// Import map entries the standard ignores, each with a console warning
// (stderr here, as browsers print them on the console):
// - normalize a specifier key, step 1: the empty key;
// - sort and normalize a module specifier map, step 2.3: a non-string
//   address; step 2.5: an address that is not URL-like; step 2.6: a key
//   ending in "/" whose address does not;
// - sort and normalize scopes, step 2.3: a scope prefix that is not a URL;
// - normalize a module integrity map, step 2.3: a non-string value;
// - parse an import map string, step 9: an unknown top-level key.
// The entries of steps 2.3–2.6 become null entries, which block.
import { name } from 'good';
console.log(name);
for (const specifier of ['number', 'bare-address', 'dir/x.mjs']) {
  try {
    await import(specifier);
  } catch (e) {
    console.log(e.constructor.name, e.message);
  }
}
