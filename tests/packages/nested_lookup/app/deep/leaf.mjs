import local from "local"; import inner from "inner"; export default "leaf+" + local + "+" + inner;
