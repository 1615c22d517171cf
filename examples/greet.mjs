// Named, default and renamed exports.
export const greeting = 'Hello';

export function greet(name = 'world') {
  return `${greeting}, ${name}!`;
}

function shout(text) {
  return text.toUpperCase();
}

export { shout as loud };
export default greet;
