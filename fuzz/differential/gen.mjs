// A random JavaScript module generator for the differential test against
// acorn (see diff-acorn.mjs). Programs are ASCII (so acorn's UTF-16 offsets
// equal vmjs's byte offsets) and built from the grammar's productions with a
// depth bound; most are valid, some are not (both parsers must then agree
// that they are not).

export function makeRng(seed) {
  // xorshift32
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
  };
}

export function generate(seed) {
  const r = makeRng(seed);
  let names = 0;
  const ident = () => r.pick(['a', 'b', 'c', 'x', 'y', 'foo', 'bar', '$', '_u', 'of', 'get', 'set', 'async', 'let', 'static']);
  const safeIdent = () => r.pick(['a', 'b', 'c', 'x', 'y', 'foo', 'bar', '$', '_u']);
  const fresh = () => `v${names++}`;
  const ws = () => r.pick([' ', ' ', ' ', '\n', '  ', '\t', ' /*c*/ ', '\n// c\n']);

  const number = () => r.pick(['0', '1', '42', '3.14', '.5', '1e3', '1E-7', '0x1F', '0o17', '0b101', '1_000', '5n', '0xFFn', '2.', '0.0']);
  const string = () => r.pick(["'a'", '"b"', "'\\n'", '"\\x41"', "'\\u0042'", '"\\u{1F600}"', "''", '"it\\\'s"', "'\\\\'", '"\\0"']);
  const regex = () => r.pick(['/a/', '/[a-z]+/gi', '/\\d{2,}/u', '/(?<n>x)\\k<n>/', '/a|b/y', '/[/]/', '/x/s', '/./d']);
  const template = (d) => {
    if (r.chance(0.5)) return '`plain`';
    return '`a${' + expr(d + 1) + '}b${' + expr(d + 1) + '}`';
  };

  function primary(d) {
    switch (r.int(12)) {
      case 0: return number();
      case 1: return string();
      case 2: return regex();
      case 3: return template(d);
      case 4: return r.pick(['true', 'false', 'null', 'this', 'undefined']);
      case 5: return '[' + list(d, () => r.chance(0.15) ? '' : (r.chance(0.2) ? '...' : '') + expr(d + 1)) + ']';
      case 6: return '({' + list(d, () => property(d)) + '})';
      case 7: return '(' + expr(d + 1) + ')';
      case 8: return arrow(d);
      case 9: return '(function' + (r.chance(0.3) ? '*' : '') + (r.chance(0.5) ? ' ' + safeIdent() : '') + '(' + params(d) + ') {' + body(d) + '})';
      case 10: return '(class' + (r.chance(0.4) ? ' extends ' + safeIdent() : '') + ' {' + classBody(d) + '})';
      default: return safeIdent();
    }
  }
  function list(d, item) {
    const n = d > 3 ? r.int(2) : r.int(4);
    const xs = [];
    for (let i = 0; i < n; i++) xs.push(item());
    return xs.join(',' + ws());
  }
  function propertyName(d) {
    return r.pick([ident(), string(), number(), '[' + expr(d + 1) + ']', 'get', 'set', 'async', 'static']);
  }
  function property(d) {
    switch (r.int(7)) {
      case 0: return safeIdent();
      case 1: return '...' + expr(d + 1);
      case 2: return propertyName(d) + '(' + params(d) + ') {' + body(d) + '}';
      case 3: return 'get ' + propertyName(d) + '() { return ' + expr(d + 1) + '; }';
      case 4: return 'set ' + propertyName(d) + '(v) {}';
      case 5: return r.pick(['async ', '*', 'async *']) + propertyName(d) + '() {}';
      default: return propertyName(d) + ':' + ws() + expr(d + 1);
    }
  }
  function classBody(d) {
    const n = r.int(4);
    const xs = [];
    for (let i = 0; i < n; i++) {
      const stat = r.chance(0.3) ? 'static ' : '';
      switch (r.int(6)) {
        case 0: xs.push(stat + propertyName(d) + '(' + params(d) + ') {' + body(d) + '}'); break;
        case 1: xs.push(stat + '#p' + i + (r.chance(0.5) ? ' = ' + expr(d + 1) : '') + ';'); break;
        case 2: xs.push(stat + 'get ' + propertyName(d) + '() { return 1; }'); break;
        case 3: xs.push('static {' + statements(d) + '}'); break;
        case 4: xs.push(stat + 'f' + i + ' = ' + expr(d + 1) + ';'); break;
        default: xs.push(stat + 'async *m' + i + '() { yield 1; await 2; }'); break;
      }
    }
    return xs.join(ws());
  }
  function pattern(d) {
    switch (r.int(4)) {
      case 0: return '[' + list(d, () => r.chance(0.2) ? '' : fresh() + (r.chance(0.3) ? ' = ' + expr(d + 1) : '')) + ']';
      case 1: return '{' + list(d, () => r.chance(0.5) ? fresh() : safeIdent() + ': ' + fresh()) + '}';
      default: return fresh();
    }
  }
  function params(d) {
    const ps = [];
    const n = r.int(3);
    for (let i = 0; i < n; i++) ps.push(pattern(d + 1) + (r.chance(0.2) ? ' = ' + expr(d + 1) : ''));
    if (r.chance(0.15)) ps.push('...' + fresh());
    return ps.join(', ');
  }
  function arrow(d) {
    const head = r.pick(['()', 'p', '(p, q)', '({ p })', '([p])', 'async () ', 'async p']);
    const tail = r.chance(0.5) ? expr(d + 1) : '{' + body(d) + '}';
    return '(' + head + ' =>' + ws() + (tail.startsWith('{') && !tail.startsWith('{}') ? tail : tail.startsWith('{') ? '(' + tail + ')' : tail) + ')';
  }
  function postfix(d) {
    let e = primary(d);
    let optional = false;
    const n = r.int(3);
    for (let i = 0; i < n; i++) {
      let k = r.int(7);
      if (optional && (k === 5 || k === 6)) k = 0;
      if (k === 1 || k === 4) optional = true;
      switch (k) {
        case 0: e += '.' + ident(); break;
        case 1: e += '?.' + ident(); break;
        case 2: e += '[' + expr(d + 1) + ']'; break;
        case 3: e += '(' + list(d, () => expr(d + 1)) + ')'; break;
        case 4: e += '?.(' + ')'; break;
        case 5: e = 'new ' + e + '()'; break;
        default: e += template(d); break;
      }
    }
    return e;
  }
  function unary(d) {
    if (r.chance(0.2)) return r.pick(['!', '-', '+', '~', 'typeof ', 'void ']) + unary(d + 1);
    if (r.chance(0.1)) return r.pick(['++', '--']) + safeIdent();
    if (r.chance(0.1)) return safeIdent() + r.pick(['++', '--']);
    return postfix(d);
  }
  function expr(d) {
    if (d > 5) return r.pick([number(), string(), safeIdent()]);
    switch (r.int(6)) {
      case 0: return (r.chance(0.9) ? postfix(d) : unary(d)) + ws() + r.pick(['+', '-', '*', '/', '%', '**', '<<', '>>', '>>>', '<', '>', '<=', '>=', '==', '!=', '===', '!==', '&', '|', '^', '&&', '||', '??', 'in', 'instanceof']).replace('**', r.chance(0.5) ? '*' : '**') + ws() + unary(d);
      case 1: return unary(d) + ' ? ' + expr(d + 1) + ' : ' + expr(d + 1);
      case 2: return safeIdent() + ' ' + r.pick(['=', '+=', '-=', '**=', '&&=', '||=', '??=', '>>>=']) + ' ' + expr(d + 1);
      case 3: return pattern(d).startsWith('v') ? unary(d) : '(' + r.pick(['[a, b]', '{ a, b: c }']) + ' = ' + expr(d + 1) + ')';
      case 4: return '(' + unary(d) + ', ' + unary(d) + ')';
      default: return unary(d);
    }
  }
  function statement(d) {
    if (d > 4) return expr(d) + ';';
    switch (r.int(16)) {
      case 0: return r.pick(['let', 'const', 'var']) + ' ' + pattern(d) + ' = ' + expr(d + 1) + ';';
      case 1: return 'if (' + expr(d + 1) + ')' + ws() + block(d) + (r.chance(0.4) ? ' else ' + block(d) : '');
      case 2: return 'for (let ' + fresh() + ' = 0; ' + expr(d + 1) + '; ' + expr(d + 1) + ') ' + block(d);
      case 3: return 'for (const ' + pattern(d) + ' ' + r.pick(['of', 'in']) + ' ' + expr(d + 1) + ') ' + block(d);
      case 4: return 'while (' + expr(d + 1) + ') ' + block(d);
      case 5: return 'do ' + block(d) + ' while (' + expr(d + 1) + ')';
      case 6: return 'switch (' + expr(d + 1) + ') { case 1: ' + statement(d + 1) + ' default: break; }';
      case 7: return 'try ' + block(d) + ' ' + r.pick(['catch (e) {}', 'catch {}', 'finally {}', 'catch ({ message }) {} finally {}']);
      case 8: return 'function ' + fresh() + '(' + params(d) + ') {' + body(d) + '}';
      case 9: return 'class ' + fresh() + ' {' + classBody(d) + '}';
      case 10: return 'L' + d + ': for (;;) { break L' + d + '; }';
      case 11: return block(d);
      case 12: return 'async function ' + fresh() + '() { await ' + expr(d + 1) + '; for await (const q of ' + expr(d + 1) + ') {} }';
      case 13: return 'function* ' + fresh() + '() { yield ' + expr(d + 1) + '; yield* ' + expr(d + 1) + '; }';
      case 14: return expr(d + 1) + (r.chance(0.3) ? '\n' : ';');
      default: return expr(d + 1) + ';';
    }
  }
  function block(d) {
    return '{' + statements(d) + '}';
  }
  function statements(d) {
    const n = d > 3 ? r.int(2) : 1 + r.int(3);
    const xs = [];
    for (let i = 0; i < n; i++) xs.push(statement(d + 1));
    return xs.join(ws());
  }
  function body(d) {
    const n = d > 3 ? r.int(2) : 1 + r.int(3);
    const xs = [];
    for (let i = 0; i < n; i++) xs.push(statement(d + 1));
    if (r.chance(0.2)) xs.push('return ' + expr(d + 1) + ';');
    return xs.join(ws());
  }
  function moduleItem() {
    switch (r.int(10)) {
      case 0: return r.pick(["import a1 from 'm';", "import * as ns from 'm';", "import { a2, b2 as c2 } from 'm';", "import 'm';", "import d3, { e3 } from 'm' with { type: 'json' };"]);
      case 1: return 'export ' + r.pick(['let', 'const', 'var']) + ' ' + fresh() + ' = ' + expr(1) + ';';
      case 2: return r.pick(["export * from 'm';", "export * as n4 from 'm';", "export { x5 as y5 } from 'm';", "export { 'str' as s6 } from 'm';"]);
      case 3: return 'export function ' + fresh() + '() {' + body(1) + '}';
      case 4: return 'await ' + expr(1) + ';';
      default: return statement(0);
    }
  }
  const n = 1 + r.int(6);
  const items = [];
  for (let i = 0; i < n; i++) items.push(moduleItem());
  if (r.chance(0.2)) items.push('export default ' + expr(1) + ';');
  return items.join('\n') + '\n';
}
