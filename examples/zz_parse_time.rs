fn rss() -> u64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap();
    for l in s.lines() {
        if l.starts_with("VmRSS:") {
            return l.split_whitespace().nth(1).unwrap().parse::<u64>().unwrap() * 1024;
        }
    }
    0
}
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let mut texts = Vec::new();
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        texts.push(std::fs::read_to_string(p).unwrap());
    }
    let n = texts.len() as f64;
    let r0 = rss();
    let mut asts = Vec::with_capacity(texts.len());
    for s in &texts {
        asts.push(vmjs::syntax::parse_module(s).unwrap());
    }
    let r1 = rss();
    println!(
        "AST bytes per module {:.0}; sizeof Module {}",
        (r1 - r0) as f64 / n,
        std::mem::size_of::<vmjs::syntax::ast::Module>()
    );
}
