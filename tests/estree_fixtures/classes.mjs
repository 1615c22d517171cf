class A { static async *m () {} get [x] () {} constructor(){} #p; q = 1; static s; 'str'() {} 1() {} static { this.#p; #p in this; } }
class B extends A { constructor(a, ...rest) { super(a); super.m(); super["n"]; } set v(x) {} static get static() {} async async() {} get() {} }
export default class { #x = 1; static #y() {} }
(class Named {});
