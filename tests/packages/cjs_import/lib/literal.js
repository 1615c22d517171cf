const x = 1, y = { z: 2 };
function fn() {}
module.exports = { x, renamed: y.z, 'quoted': x, ...require('./spread.cjs'), fn, stops: fn(), after: x };
