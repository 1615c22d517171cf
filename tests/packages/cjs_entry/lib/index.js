module.exports = { index: 'lib/index.js' };
