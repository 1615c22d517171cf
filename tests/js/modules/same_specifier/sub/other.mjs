import { object } from './x.mjs';
export { object };
