exports.name = 'a';
exports.done = false;
const b = require('./b');
exports.fromB = b.name;
exports.done = true;
