import './tla.mjs';
export const z = 3;
