exports.a = 1;
module.exports.b = 'two';
exports['c-d'] = 3;
Object.defineProperty(exports, 'e', { enumerable: true, get: function () { return inner.value; } });
Object.defineProperty(exports, 'f', { enumerable: true, get: function () { return 6; } });
var inner = { value: 5 };
if (false) exports.neverSet = 0;
