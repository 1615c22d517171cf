// CommonJS side of buffer-module.mjs: require('buffer') and require('node:buffer').
const buffer = require('buffer');
const { Buffer: B } = require('node:buffer');
module.exports = {
  same: buffer.Buffer === B && B === Buffer,
  requireSame: require('buffer') === require('node:buffer'),
  bytes: buffer.Buffer.from('cjs').toString('hex'),
  kMaxLength: buffer.kMaxLength,
  constants: buffer.constants,
  inspectMax: buffer.INSPECT_MAX_BYTES,
};
