// node:process (also `process`): the `process` global of `vmjs run` as a
// module, as Node offers it — the object as the default export (what
// `require('process')` returns) and its members as named exports.
const process = globalThis.process;
export default process;
export const { argv, env, exit, nextTick, platform, version, versions, cwd, hrtime } = process;
