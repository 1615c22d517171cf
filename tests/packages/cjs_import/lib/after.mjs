globalThis.order.push('after.mjs');
