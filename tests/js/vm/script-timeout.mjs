// The timeout option of the run functions: a script that runs too long is
// ended with ERR_SCRIPT_EXECUTION_TIMEOUT, and the caller can go on.
// Facts from Node's test-vm-timeout.js.
import vm from 'node:vm';

function report(label, fn) {
  try {
    console.log(`${label}: returned ${fn()}`);
  } catch (e) {
    console.log(`${label}: ${String(e)} | ${e.code} | ${Object.keys(e)}`);
  }
}

report('runInThisContext', () => vm.runInThisContext('while (true) {}', { timeout: 100 }));
report('runInNewContext', () => vm.runInNewContext('while (true) {}', {}, { timeout: 300 }));
report('Script.runInContext', () => new vm.Script('for (;;) {}').runInContext(vm.createContext(), { timeout: 50 }));
report('fast script', () => vm.runInNewContext('1 + 1', {}, { timeout: 1000 }));
// The timeout also ends functions the script calls.
report('host callback', () => vm.runInNewContext('loop()', { loop() { while (true) {} } }, { timeout: 50 }));
// A catch block in the script does not stop the timeout.
report('catch', () => vm.runInNewContext('try { while (true) {} } catch (e) { "caught" }', {}, { timeout: 50 }));
report('after', () => vm.runInThisContext('"still running"'));
