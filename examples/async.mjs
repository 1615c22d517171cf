// Async functions, await, async generators and for await.
const delay = (ms, value) => new Promise((resolve) => setTimeout(() => resolve(value), ms));

export async function* countdown(from) {
  for (let i = from; i > 0; i--) {
    yield await delay(1, i);
  }
}

export async function collect(iterable) {
  const values = [];
  for await (const value of iterable) {
    values.push(value);
  }
  return values;
}

export const ready = await delay(1, 'ready');

export async function settle(...promises) {
  try {
    return await Promise.all(promises);
  } catch (error) {
    return [error?.message ?? String(error)];
  } finally {
    // Nothing to clean up; the block shows the try/catch/finally shape.
  }
}
