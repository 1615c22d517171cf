// A real program for `benches/compare.sh`: the acorn JavaScript parser
// (installed by the script into a scratch folder, beside this file's copy)
// parses its own distribution file five times, with locations, and the
// program prints the size of the input and a count of the nodes made.
import { parse } from "acorn";
import text from "./acorn-input.mjs";

let nodes = 0;
const count = (node) => {
  nodes++;
  for (const key in node) {
    const value = node[key];
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof item.type === "string") count(item);
    } else if (value && typeof value.type === "string") {
      count(value);
    }
  }
};
for (let run = 0; run < 5; run++) {
  count(parse(text, { ecmaVersion: "latest", sourceType: "script", locations: true }));
}
console.log(text.length, nodes);
