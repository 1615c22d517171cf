const a = require('./cycle-a.cjs');
exports.seen = 'b saw ' + a.name + ' and fromB ' + a.fromB;
