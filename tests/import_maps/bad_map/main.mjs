// Parse an import map string, step 4.1: "imports" must be a JSON object;
// the TypeError ends the run before anything loads (a usage error: 2).
console.log('not reached');
