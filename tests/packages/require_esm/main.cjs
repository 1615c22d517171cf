// require() of ES modules: a synchronous graph gives its namespace; a graph
// with top-level await is ERR_REQUIRE_ASYNC_MODULE (Node 20.19+ behaviour).
// (A module with a default export gets a facade with `__esModule` in
// Node; vmjs returns the namespace itself, so this case has none.)
try {
  require('./tla.mjs');
} catch (e) {
  console.log(e.code, e.message.split('\n')[0]);
}
const ns = require('./plain.mjs');
console.log(ns.y, ns.w, Object.keys(ns).join(","), require("./plain.mjs") === ns);
try {
  require('./deep.mjs');
} catch (e) {
  console.log(e.code);
}
