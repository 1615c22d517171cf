let {a: [b] = 1, c, d = 2, ...rest} = obj;
const [x, , y = 3, ...[z]] = arr;
[a.b, ...c.d] = e;
({a, b: {c: d} = {}, ...f} = g);
function params(p, {q, r: s}, [t] = [], u = 1, ...v) {}
var w;
