const a = require('./a');
exports.name = 'b';
exports.sawA = [a.name, a.done];
