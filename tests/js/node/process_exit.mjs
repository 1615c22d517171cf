// process.exit ends the program at once: no finally, no jobs, no timers.
console.log('before');
setTimeout(() => console.log('never'), 10);
Promise.resolve().then(() => console.log('job runs? no'));
try {
  process.exit(7);
} finally {
  console.log('finally never');
}
console.log('after never');
