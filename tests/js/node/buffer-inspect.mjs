// How console.log prints Buffers: `<Buffer 01 02>`, at most 50 bytes then
// `... N more bytes`, extra own properties after the bytes, nested values,
// and subclasses by their constructor's name.
console.log(Buffer.from([1, 2]));
console.log(Buffer.alloc(0));
console.log(Buffer.alloc(50, 0xab));
console.log(Buffer.alloc(51));
console.log(Buffer.alloc(60, 7));
console.log(Buffer.from('hello world'), [Buffer.from('ab')], { b: Buffer.alloc(0), c: { d: Buffer.from('x') } });
const ex = Buffer.from([1, 2]);
ex.foo = 'bar';
ex.n = 1;
console.log(ex);
const ex0 = Buffer.alloc(0);
ex0.x = [1, { y: 2 }];
console.log(ex0);
class MyBuf extends Buffer {}
console.log(Object.setPrototypeOf(Buffer.from([3]), MyBuf.prototype));
console.log(new Map([[Buffer.from('k'), Buffer.from('v')]]), new Set([Buffer.alloc(2)]));
console.log('%s|%o|%j', Buffer.from('ab'), Buffer.from([5]), Buffer.from('z'));
console.log(String(Buffer.from('str')), Buffer.from('abc').inspect());
const big = Buffer.alloc(1000);
console.log([big, big.subarray(0, 3)]);
