import a from "a"
export {a}
let x = 1
class C {
  field = 1
  static other
  #p
}
switch (x) {
  case 1:
    x++

  default:
}
do x--; while (x)
x
