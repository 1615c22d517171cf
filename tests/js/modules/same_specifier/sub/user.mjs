import { where, object } from './x.mjs';
import { where as up } from '../x.mjs';
export { where, object };
export const parent = up;
