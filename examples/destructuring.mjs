// Destructuring in declarations, parameters and assignments; spread and rest.
export function summarize({ name, tags: [first, ...others] = [], meta: { size = 0 } = {} }) {
  return { name, first, others: others.length, size };
}

export function swap(pair) {
  let [a, b] = pair;
  [a, b] = [b, a];
  return [a, b];
}

export function merge(base, ...patches) {
  const { id, ...rest } = base;
  return patches.reduce((acc, patch) => ({ ...acc, ...patch }), { id, ...rest });
}

export const config = { port: 8080, host: 'localhost', nested: { deep: [1, , 3] } };
const { port, nested: { deep: [, , third] } } = config;
export { port, third };
