exports.name = 'cycle-a';
const b = require('./cycle-b.cjs');
exports.fromB = b.seen;
