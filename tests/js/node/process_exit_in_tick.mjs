await new Promise((r) => setTimeout(r, 5));
console.log('tla');
process.nextTick(() => { console.log('tick'); process.exit(); });
