// A real program for `benches/compare.sh`: the marked Markdown renderer
// (installed by the script into a scratch folder, beside this file's copy)
// renders a generated 185 KB document (headings, emphasis, links, lists,
// quotes, fenced code, tables, reference links) five times to HTML, and the
// program prints the size of the input and of the HTML.
import { marked } from "marked";

const section = (i) => `## Section ${i}

Some *emphasis*, **strong text**, \`inline code\` and a [link](https://example.com/${i}).
A second line with an autolink <https://example.org/${i}> and a reference [ref][r${i}].

- item one with _emphasis_
- item two
  - nested item ${i}
- item three

1. first
2. second

> A quote with **bold** text
> over two lines.

\`\`\`js
function f${i}(x) { return x * ${i}; }
\`\`\`

| a | b | c |
|---|:-:|--:|
| ${i} | two | three |

[r${i}]: https://example.net/${i}
`;

let doc = "";
for (let i = 0; i < 400; i++) doc += section(i);
let html = 0;
for (let run = 0; run < 5; run++) html += marked.parse(doc).length;
console.log(doc.length, html);
