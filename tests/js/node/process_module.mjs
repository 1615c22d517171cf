// node:process as a module: the default export is the process global, the
// named exports its members.
import process, { argv, env, nextTick, platform, version, exit } from 'node:process';
import bare from 'process';
console.log(process === globalThis.process, bare === process);
console.log(argv === process.argv, env === process.env, nextTick === process.nextTick);
console.log(platform === process.platform, version === process.version, exit === process.exit);
console.log(typeof argv[0], Array.isArray(argv));
