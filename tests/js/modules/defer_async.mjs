import './defer_async_tla.mjs';
console.log('defer_async evaluated');
export const ready = true;
