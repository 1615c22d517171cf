import { count, bump } from 'linked';
import * as direct from './store/linked@1.0.0/index.mjs';
import * as viaSub from 'linked/index.mjs';
bump();
console.log(count, direct.count, viaSub.count, direct === viaSub);
console.log(import.meta.resolve('linked'));
