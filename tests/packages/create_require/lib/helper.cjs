module.exports = { kind: 'helper' };
