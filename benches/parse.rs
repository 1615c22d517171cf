//! Lexing and parsing throughput on generated ES modules.
//!
//! Two corpora, both generated here so the benchmark needs no data files:
//! (a) 10,000 small modules (~1–2 KB each, a realistic mix of imports,
//! exports, functions, classes, loops, templates and literals), parsed one by
//! one as a module graph's loader would, and (b) one large module (~6 MB)
//! made of the same building blocks with unique top-level names.
//!
//! `cargo bench --bench parse` reports MB/s (`Throughput::Bytes`). Set
//! `VMJS_BENCH_DUMP_DIR=DIR` to also write a few of the small modules and the
//! large one to DIR (to check them with `node --check`).

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{
    criterion_group, criterion_main, BenchmarkGroup, Criterion, SamplingMode, Throughput,
};
use vmjs::syntax::{lexer::tokenize, parse_module};

const SMALL_MODULE_COUNT: usize = 10_000;
const LARGE_MODULE_BYTES: usize = 6 * 1024 * 1024;

/// xorshift64*: a tiny deterministic generator, so every run benchmarks the
/// same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Writes module source text. Every top-level name carries a suffix unique
/// within the generated text, so blocks can be concatenated into one large
/// module without duplicate declarations.
struct ModuleWriter<'a> {
    out: &'a mut String,
    rng: &'a mut Rng,
}

impl ModuleWriter<'_> {
    /// Import declarations of every form; they bind `helper_U`, `fmt_U`,
    /// `ns_U` and `fallback_U`.
    fn imports(&mut self, u: usize) {
        let k = self.rng.below(50);
        let _ = write!(
            self.out,
            "import {{ helper_{u}, format as fmt_{u} }} from \"./lib/helpers-{k}.mjs\";\n\
             import * as ns_{u} from \"../shared/base-{k}.mjs\";\n\
             import fallback_{u}, {{ VERSION as version_{u} }} from './defaults-{k}.js';\n\
             import \"./polyfills-{k}.mjs\";\n\n"
        );
    }

    /// One top-level block chosen at random; `u` is the module's suffix and
    /// `i` the block's index within it.
    fn block(&mut self, u: usize, i: usize) {
        let s = format!("{u}_{i}");
        let exported = if self.rng.below(2) == 0 {
            "export "
        } else {
            ""
        };
        let text = match self.rng.below(9) {
            0 => format!(
                "// Weighted sum over even and odd entries.\n\
                 {exported}function sumWeighted_{s}(items, factor = 2) {{\n  let total = 0;\n  \
                 for (let i = 0; i < items.length; i++) {{\n    if (items[i] % 2 === 0) {{\n      \
                 total += items[i] * factor;\n    }} else {{\n      total -= items[i] >> 1;\n    }}\n  }}\n  \
                 for (const item of items) total += item > 10 ? 1 : 0;\n  return total;\n}}\n\n"
            ),
            1 => format!(
                "/**\n * A widget with private state.\n */\n\
                 {exported}class Widget_{s} extends ns_{u}.Base {{\n  #count = 0;\n  static instances = 0;\n\n  \
                 constructor(name, options = {{}}) {{\n    super(name);\n    this.name = name;\n    \
                 this.options = {{ ...options, created: Date.now() }};\n    Widget_{s}.instances++;\n  }}\n\n  \
                 get label() {{\n    return `${{this.name}} (${{this.#count}})`;\n  }}\n\n  \
                 increment(step = 1) {{\n    this.#count += step;\n    return this;\n  }}\n\n  \
                 async load(url) {{\n    const response = await fetch(url, {{ method: \"GET\" }});\n    \
                 return response.ok ? await response.json() : null;\n  }}\n\n  \
                 *entries() {{\n    yield* Object.entries(this.options);\n  }}\n\n  \
                 static from(...args) {{\n    return new Widget_{s}(...args);\n  }}\n}}\n\n"
            ),
            2 => format!(
                "{exported}const describe_{s} = (value, {{ prefix = \"\", suffix = \"\" }} = {{}}) =>\n  \
                 `${{prefix}}${{typeof value === \"number\" ? value.toFixed(2) : String(value)}}${{suffix}}`;\n\n"
            ),
            3 => format!(
                "{exported}const settings_{s} = {{\n  name: \"settings-{s}\",\n  retries: 3,\n  timeout: 1_500,\n  \
                 ratio: 0.75,\n  flags: [true, false, null, undefined],\n  \
                 nested: {{ depth: 2, tags: [\"alpha\", \"beta\", 'gamma'], pattern: /^[a-z]+\\d*$/i }},\n  \
                 [`key_{s}`]: 0x1f,\n  method() {{\n    return this.retries * 2 / this.ratio;\n  }},\n}};\n\n"
            ),
            4 => format!(
                "{exported}function step_{s}(state, input) {{\n  let attempts = 0;\n  while (attempts < 3) {{\n    \
                 attempts++;\n    if (input == null) continue;\n    break;\n  }}\n  do {{\n    attempts--;\n  }} \
                 while (attempts > 0);\n  switch (input?.type ?? \"none\") {{\n    case \"add\":\n      \
                 return {{ ...state, value: state.value + input.amount }};\n    case \"reset\":\n      \
                 return {{ ...state, value: 0 }};\n    default:\n      break;\n  }}\n  try {{\n    \
                 return JSON.parse(input.payload);\n  }} catch (error) {{\n    \
                 return {{ error: error.message, state }};\n  }} finally {{\n    attempts = 0;\n  }}\n}}\n\n"
            ),
            5 => format!(
                "const [first_{s}, , ...rest_{s}] = [1, 2, 3, 4, 5].map((n) => n ** 2).filter((n) => n % 3 !== 0);\n\
                 {exported}const totals_{s} = rest_{s}.reduce((acc, n, index) => acc + n / (index + 1), first_{s});\n\n"
            ),
            6 => format!(
                "{exported}async function* stream_{s}(source, limit = 10) {{\n  let count = 0;\n  \
                 for await (const chunk of source) {{\n    if (count++ >= limit) return;\n    \
                 yield chunk.trim().split(/\\s+/).length;\n  }}\n}}\n\n"
            ),
            7 => format!(
                "{exported}function scan_{s}(matrix) {{\n  let found = -1;\n  \
                 outer: for (let row = 0; row < matrix.length; row++) {{\n    \
                 for (const key in matrix[row]) {{\n      if (matrix[row][key] === null) continue outer;\n      \
                 if (Object.hasOwn(matrix[row], key) && key.startsWith(\"x\")) {{\n        found = row;\n        \
                 break outer;\n      }}\n    }}\n  }}\n  return found < 0 ? undefined : matrix[found];\n}}\n\n"
            ),
            _ => format!(
                "let cache_{s} = new Map();\n\
                 {exported}const memo_{s} = (key, compute) => {{\n  if (!cache_{s}.has(key)) {{\n    \
                 cache_{s}.set(key, compute(helper_{u}(key), fmt_{u}`${{key}}:${{version_{u}}}`));\n  }}\n  \
                 return cache_{s}.get(key) ?? fallback_{u};\n}};\n\n"
            ),
        };
        self.out.push_str(&text);
    }

    /// Export statements closing a module; `default` only once per module.
    fn exports(&mut self, u: usize, with_default: bool) {
        let k = self.rng.below(50);
        let _ = write!(
            self.out,
            "export {{ helper_{u} as reexportedHelper_{u}, version_{u} }};\n\
             export * from \"./reexports-{k}.mjs\";\n"
        );
        if with_default {
            let _ = write!(
                self.out,
                "export default async function main() {{\n  \
                 const lazy = await import(\"./lazy-{k}.mjs\");\n  \
                 return lazy.run?.(import.meta.url) ?? fallback_{u};\n}}\n"
            );
        }
    }
}

/// One small module of 1–2 KB.
fn small_module(rng: &mut Rng, u: usize) -> String {
    let target = 1000 + rng.below(1000);
    let mut out = String::with_capacity(target + 1024);
    let mut writer = ModuleWriter { out: &mut out, rng };
    writer.imports(u);
    let mut i = 0;
    while writer.out.len() < target {
        writer.block(u, i);
        i += 1;
    }
    writer.exports(u, true);
    out
}

fn small_modules() -> Vec<String> {
    let mut rng = Rng(0x005E_ED0F_5A11);
    (0..SMALL_MODULE_COUNT)
        .map(|u| small_module(&mut rng, u))
        .collect()
}

/// One module of about `LARGE_MODULE_BYTES`, built from the same blocks.
fn large_module() -> String {
    let mut rng = Rng(0x1A29_E0FF_11E0);
    let mut out = String::with_capacity(LARGE_MODULE_BYTES + 4096);
    let mut writer = ModuleWriter {
        out: &mut out,
        rng: &mut rng,
    };
    let mut u = 0;
    while writer.out.len() < LARGE_MODULE_BYTES {
        writer.imports(u);
        for i in 0..4 {
            writer.block(u, i);
        }
        writer.exports(u, u == 0);
        u += 1;
    }
    out
}

/// Parses every generated text once and reports the first that fails, so a
/// benchmark never silently measures the error path.
fn check_corpus(name: &str, texts: &[&str]) {
    let failures: Vec<String> = texts
        .iter()
        .enumerate()
        .filter_map(|(n, text)| parse_module(text).err().map(|e| format!("#{n}: {e}")))
        .collect();
    if let Some(first) = failures.first() {
        eprintln!(
            "warning: {} of {} {name} texts fail to parse (first: {first}); the numbers measure errors",
            failures.len(),
            texts.len()
        );
    }
}

fn dump_if_requested(large: &str) {
    let Ok(dir) = std::env::var("VMJS_BENCH_DUMP_DIR") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    let small = small_modules();
    let written = std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::write(dir.join("large.mjs"), large))
        .and_then(|()| {
            small.iter().take(20).enumerate().try_for_each(|(n, text)| {
                std::fs::write(dir.join(format!("small-{n:02}.mjs")), text)
            })
        });
    if let Err(error) = written {
        eprintln!("warning: writing the corpus to {}: {error}", dir.display());
    }
}

/// Short measurements: each iteration covers megabytes of text, so ten flat
/// samples after a one-second warm-up are stable enough and keep the whole
/// run to about a minute.
fn configure(group: &mut BenchmarkGroup<'_, WallTime>, bytes: usize) {
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::Bytes(bytes as u64));
}

fn bench_small_modules(c: &mut Criterion) {
    let modules = small_modules();
    let texts: Vec<&str> = modules.iter().map(String::as_str).collect();
    check_corpus("small module", &texts);
    let bytes: usize = texts.iter().map(|t| t.len()).sum();

    let mut group = c.benchmark_group("small-modules");
    configure(&mut group, bytes);
    group.bench_function("lex", |b| {
        b.iter(|| {
            for text in &texts {
                let _ = black_box(tokenize(black_box(text)));
            }
        })
    });
    group.bench_function("parse", |b| {
        b.iter(|| {
            for text in &texts {
                let _ = black_box(parse_module(black_box(text)));
            }
        })
    });
    group.finish();
}

fn bench_large_module(c: &mut Criterion) {
    let text = large_module();
    check_corpus("large module", &[&text]);
    dump_if_requested(&text);

    let mut group = c.benchmark_group("large-module");
    configure(&mut group, text.len());
    group.bench_function("lex", |b| b.iter(|| black_box(tokenize(black_box(&text)))));
    group.bench_function("parse", |b| {
        b.iter(|| black_box(parse_module(black_box(&text))))
    });
    group.finish();
}

criterion_group!(benches, bench_small_modules, bench_large_module);
criterion_main!(benches);
