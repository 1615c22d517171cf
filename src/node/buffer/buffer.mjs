// node:buffer (also `buffer`): Buffer and its companions, from the native
// binding. `require('buffer')` returns the default export, an object with
// the same members, as Node's module object has them.
import binding from 'vmjs:buffer-binding';

export const {
  Buffer,
  SlowBuffer,
  constants,
  kMaxLength,
  kStringMaxLength,
  INSPECT_MAX_BYTES,
  atob,
  btoa,
  isUtf8,
  isAscii,
} = binding;
export default binding;
