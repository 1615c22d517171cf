import util from '@me/self/util';
import idx from '@me/self';
console.log(util, idx);
try { await import('@me/self/lib/util.js'); } catch (e) { console.log(e.code, e.message); }
