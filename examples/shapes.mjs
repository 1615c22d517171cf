// Classes: inheritance, private members, accessors, static members and a static block.
export class Shape {
  #name;
  static count = 0;

  static {
    Shape.kinds = ['circle', 'square'];
  }

  constructor(name) {
    this.#name = name;
    Shape.count++;
  }

  get name() {
    return this.#name;
  }

  static isShape(value) {
    return #name in value;
  }

  describe() {
    return `${this.name} with area ${this.area().toFixed(2)}`;
  }
}

export class Circle extends Shape {
  constructor(radius) {
    super('circle');
    this.radius = radius;
  }

  area() {
    return Math.PI * this.radius ** 2;
  }
}

export class Square extends Shape {
  side = 1;

  constructor(side) {
    super('square');
    this.side = side;
  }

  area() {
    return this.side * this.side;
  }

  *[Symbol.iterator]() {
    yield this.side;
    yield this.side;
  }
}
