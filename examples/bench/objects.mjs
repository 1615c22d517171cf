// Object allocation and method calls: 1,000,000 points, each asked its length.
class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
  lengthSquared() {
    return this.x * this.x + this.y * this.y;
  }
}
let total = 0;
for (let i = 0; i < 1_000_000; i++) {
  const p = new Point(i % 100, i % 7);
  total += p.lengthSquared();
}
console.log(total);
