//! No input panics, hangs or overflows: odd, truncated and huge inputs.

use super::*;

/// Runs the lexer and ignores the outcome: only a panic fails.
fn survives(src: &str) {
    let _ = tokenize(src);
}

#[test]
fn truncated_and_odd_inputs() {
    for src in [
        "",
        " ",
        "\n",
        "\\",
        "\\u",
        "\\u{",
        "\\u{110000}",
        "\\u{FFFFFFFFFFFFFFFFFFFF}",
        "\\uD800",
        "#",
        "#\\",
        "#\\u",
        "0x",
        "0b",
        "0o",
        "0x_",
        "1_",
        "1__",
        "08.5",
        "08.",
        "08e",
        "0.",
        ".",
        "..",
        "1e",
        "1e+",
        "1n",
        "0n",
        "`",
        "`${",
        "`${`",
        "`${}",
        "`\\",
        "`\\u{",
        "'",
        "'\\",
        "'\\u{",
        "'\\x",
        "\"\\u{1",
        "/",
        "/[",
        "/\\",
        "x = /",
        "/a/\\",
        "/*",
        "/**",
        "/*/",
        "//",
        "#!",
        "?.",
        "a?.",
        "a?.5",
        "}",
        "}}}",
        ")))",
        "]]]",
        "{{{",
        "(((",
        "`${}}`",
        "\u{2028}",
        "\u{FEFF}",
        "é",
        "\u{10FFFF}",
        "\u{0}",
        "'\u{0}'",
        "`\u{0}`",
        "\r",
        "\r\n",
        "a\\u0",
        "a\\u{",
        "a\\u{}",
        "x.\\u0069f",
        "{\\u0069f",
        "\u{D7FF}",
        "<!",
        "<!-",
        "-",
        "--",
        "-->",
        "0b1n",
        "0xg",
        "0b12n",
        "09n",
        "1.5e3n",
    ] {
        survives(src);
    }
}

#[test]
fn every_prefix_of_a_busy_program() {
    let program = "#!x\nlet a = `t${ {b: /re[/]\\//g} }${'s\\u{1F600}'}` / 2 ?.5 : 0x1_Fn;\n\
                   class C { #p = 1_0.5e-3; static { a?.b ?? c } } /* é \u{2028} */ a\\u0062 // x\n\
                   if (x) /r/.test(\"\\x41\\08\") else 017 + 08.5 + 1n";
    let mut boundaries: Vec<usize> = program.char_indices().map(|(i, _)| i).collect();
    boundaries.push(program.len());
    for &end in &boundaries {
        survives(&program[..end]);
        survives(&program[end..]);
    }
}

#[test]
fn pseudo_random_inputs() {
    // A small xorshift generator over an alphabet rich in JavaScript syntax.
    let alphabet: Vec<char> = "abc019_$#\\/*`'\"{}()[]<>!?.:;,=+-nexobu \n\r\t\u{2028}é😀\u{0}"
        .chars()
        .collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..3000 {
        let mut src = String::new();
        let len = (state % 40) as usize;
        for _ in 0..len {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            src.push(alphabet[(state % alphabet.len() as u64) as usize]);
        }
        survives(&src);
    }
}

#[test]
fn huge_inputs() {
    // A 10 MB single line.
    let line = "a = b + 'c' / 2; ".repeat(10 * 1024 * 1024 / 17);
    assert!(tokenize(&line).is_ok());
    // 100,000 nested substitutions.
    let depth = 100_000;
    let nested = format!("{}x{}", "`${".repeat(depth), "}`".repeat(depth));
    assert_eq!(tokenize(&nested).map(|t| t.len()).ok(), Some(2 * depth + 1));
    // Unclosed: fine for the lexer, the parser reports it.
    survives(&"`${".repeat(depth));
    survives(&"{(".repeat(depth));
    // Long literals.
    survives(&format!("'{}'", "\\u0041".repeat(100_000)));
    survives(&"9".repeat(100_000));
    survives(&format!("0x{}n", "f".repeat(10_000)));
    survives(&format!("/{}/", "[a]".repeat(100_000)));
    survives(&format!("/*{}", "*".repeat(100_000)));
}

/// Throughput on ~10 MB of ordinary JavaScript. Run with
/// `cargo test --release --lib syntax::lexer::tests::robustness::throughput -- --ignored --nocapture`.
#[test]
#[ignore]
fn throughput() {
    let sample = r#"
import { readFile } from 'node:fs/promises';
export class Queue extends Base {
  #items = [];
  static create(options = {}) { return new Queue(options.size ?? 16); }
  constructor(size) { super(); this.size = size; this.count = 0; }
  push(item) {
    if (this.#items.length >= this.size) throw new RangeError(`queue full: ${this.size}`);
    this.#items.push(item); this.count += 1;
    return this;
  }
  *[Symbol.iterator]() { for (const item of this.#items) yield item; }
}
/* Parses a header line into a key and a value. */
export function parseHeader(line, index) {
  const match = /^([\w-]+):\s*(.*)$/.exec(line);
  if (!match) { return null; }
  const [, key, value] = match;
  let total = index * 2 + 0x1F - 1.5e3 / (value.length || 1);
  // normalise the key
  return { key: key.toLowerCase(), value: value.trim(), total, ok: total > 0 && key !== "x" };
}
export const handlers = new Map([["a", (x) => x + 1], ["b", async (y) => await readFile(y, 'utf8')]]);
"#;
    let mut src = String::new();
    let mut i = 0;
    let megabytes: usize = std::env::var("VMJS_LEX_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10);
    while src.len() < megabytes * 1024 * 1024 {
        src.push_str(
            &sample
                .replace("Queue", &format!("Queue{i}"))
                .replace("parseHeader", &format!("parseHeader{}", i % 97)),
        );
        i += 1;
    }
    let mut best = f64::MAX;
    for _ in 0..5 {
        let started = std::time::Instant::now();
        let tokens = tokenize(&src).expect("valid sample");
        let elapsed = started.elapsed().as_secs_f64();
        assert!(tokens.len() > 1000);
        best = best.min(elapsed);
    }
    let mb = src.len() as f64 / (1024.0 * 1024.0);
    println!(
        "tokenize: {mb:.1} MB in {:.1} ms: {:.0} MB/s",
        best * 1000.0,
        mb / best
    );
    let mut best = f64::MAX;
    for _ in 0..5 {
        let started = std::time::Instant::now();
        let count = super::super::tokens(&src).filter(|t| t.is_ok()).count();
        let elapsed = started.elapsed().as_secs_f64();
        assert!(count > 1000);
        best = best.min(elapsed);
    }
    println!(
        "streaming: {mb:.1} MB in {:.1} ms: {:.0} MB/s",
        best * 1000.0,
        mb / best
    );
}

#[test]
fn token_size() {
    println!(
        "Token: {} bytes, Tok: {} bytes",
        std::mem::size_of::<Token>(),
        std::mem::size_of::<Tok>()
    );
}
