const ns = require('./plain.mjs');
module.exports = [ns.value, Object.keys(ns).join(',')];
