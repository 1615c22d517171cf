globalThis.order = (globalThis.order || []);
globalThis.order.push('order.cjs');
module.exports = 'order.cjs default';
