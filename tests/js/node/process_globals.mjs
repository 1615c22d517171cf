// process and performance: the fields packages read, exitCode, Node's argument errors.
process.exitCode = 4;
console.log(typeof process.env.PATH, process.argv.length, process.argv.slice(2), process.platform, typeof process.version, typeof process.versions);
console.log(typeof performance.now(), performance.now() >= 0, typeof performance.timeOrigin, Object.prototype.toString.call(process));
const [s, ns] = process.hrtime(); console.log(typeof s, ns < 1e9, process.hrtime([s, ns])[0] >= 0);
process.stdout.write('written\n');
try { process.nextTick(1); } catch (e) { console.log(String(e.stack.split('\n')[0]), e.code); }
try { process.exit('x'); } catch (e) { console.log(e.stack.split('\n')[0]); }
