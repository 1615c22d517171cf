// The entry module: imports each example and prints what they compute.
import greet, { greeting, loud } from './greet.mjs';
import * as shapes from './shapes.mjs';
import { countdown, collect, ready, settle } from './async.mjs';
import { summarize, swap, merge, port, third } from './destructuring.mjs';

console.log(greet());
console.log(loud(greet('modules')), greeting.length);

const circle = new shapes.Circle(1);
const square = new shapes.Square(2);
console.log(circle.describe());
console.log(square.describe(), [...square], shapes.Shape.count, shapes.Shape.isShape(square));

console.log(ready, await collect(countdown(3)));
console.log(await settle(Promise.resolve(1), 2));
console.log(await settle(Promise.reject(new Error('nope'))));

console.log(summarize({ name: 'x', tags: ['a', 'b', 'c'] }));
console.log(swap([1, 2]), merge({ id: 1, a: 1 }, { b: 2 }), port, third);

const { default: lazy } = await import('./greet.mjs');
console.log(lazy === greet, import.meta.url.endsWith('hello.mjs'));
