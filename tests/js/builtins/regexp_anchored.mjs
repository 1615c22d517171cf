// Patterns whose every alternative starts with `^` can only match at the
// start of the input (outside multiline mode), and a sticky search looks at
// lastIndex only. These check the matches of such patterns, and of patterns
// that only look anchored, against Node.

const show = (label, value) => console.log(label, JSON.stringify(value));
const all = (re, s) => [...s.matchAll(re)].map((m) => [m.index, m[0]]);

show("anchored", [/^ab/.exec("abab")?.index, /^ab/.exec("xab")]);
show("not anchored: top-level alternative", [/^a|b/.exec("xxb")?.index, /^a|b/.exec("axb")?.index]);
show("every alternative anchored", [/^a|^b/.exec("xb"), /^a|^b/.exec("bx")?.[0]]);
show("alternation inside a group", [/^(?:a|b)c/.exec("bc")?.[0], /^(?:a|b)c/.exec("xbc")]);
show("caret inside a group", /(^a|b)/.exec("xb")?.index);
show("escaped caret", /\^a/.exec("x^a")?.index);
show("bar in a class", [/^[|]a/.exec("x|a"), /^[|]a/.exec("|a")?.[0]]);
show("escaped bar", [/^a\|b/.exec("xa|b"), /^a\|b/.exec("a|b")?.[0]]);
show("class then bar", /^[[]|b/.exec("xb")?.index);
show("v-mode nested class then bar", /^[[a]--[b]]|x/v.exec("yx")?.index);
show("multiline", [/^b/m.exec("a\nb")?.index, all(/^\w/gm, "ab\ncd\nef")]);
show("dotAll and ignoreCase", [/^A./is.exec("a\nb")?.[0], /^a/i.exec("ba")]);

// lastIndex: global and sticky anchored patterns.
const g = /^a/g;
g.lastIndex = 1;
show("global from 1", [g.exec("aa"), g.lastIndex]);
show("global from 0", [g.exec("aa")?.index, g.lastIndex]);
const y = /^a/y;
y.lastIndex = 1;
show("sticky from 1", [y.exec("aa"), y.lastIndex]);
show("matchAll anchored", all(/^a/g, "aaa"));
show("replace anchored", ["aaa".replace(/^a/g, "-"), "aaa".replace(/^a|a$/g, "-"), "aaa".replace(/^a|^a/g, "-")]);
show("split anchored", "a,b,a".split(/^a/));
show("empty anchored", ["xyz".replace(/^/g, ">"), all(/^/g, "ab")]);
show("search anchored", ["abc".search(/^b/), "abc".search(/^a/)]);

// Sticky searches with back references and legacy octal escapes.
show("sticky back reference", [/(a)\1/y.exec("aa")?.[0], /(?<x>a)\k<x>/y.exec("aa")?.[0]]);
show("forward reference", /\1(a)/y.exec("a")?.[0]);
show("legacy octal escape", [/(a)\2/y.exec("a\x02")?.[0], /^(a)\2/.exec("a\x02")?.[0]]);
show("octal in a class", /(a)[\2]/y.exec("a\x02")?.[0]);
show("escaped backslash then digit", [/(a)\\2/y.exec("a\\2")?.[0], /^\\1/.exec("\\1")?.[0]]);
show("many groups", /^(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\10/.exec("abcdefghijj")?.[0]);
show("more escapes than groups", /^(a)\12/.exec("a\n")?.[0]);

// A long input: the anchored search looks at the start only.
const long = "x".repeat(200000);
let found = 0;
for (let i = 0; i < 50; i++) if (/^ {0,3}(`{3,}|~{3,})/.exec(long)) found++;
show("long input", found);
