import a, {b as c, "d" as e, f} from "./m.mjs" with {type: "json"};
import * as ns from 'x';
import 'side-effect';
import {} from "./empty.mjs";
export {a as dflt, c, f as "string name"};
export * as q from "y";
export * from "z" with {type: 'json'};
export {x as y} from "w";
export const one = 1, two = 2;
export function fn() {}
export default class K extends a {}
