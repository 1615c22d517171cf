fn main() {
    let path = std::env::args().nth(1).unwrap();
    let src = std::fs::read_to_string(path).unwrap();
    let n = 20;
    let t = std::time::Instant::now();
    for _ in 0..n {
        let _ = vmjs::syntax::lexer::tokenize(&src).unwrap();
    }
    let lex = t.elapsed().as_secs_f64() / n as f64;
    let t = std::time::Instant::now();
    for _ in 0..n {
        let _ = vmjs::syntax::parse_module(&src).unwrap();
    }
    let all = t.elapsed().as_secs_f64() / n as f64;
    let mb = src.len() as f64 / 1e6;
    println!(
        "{:.2} MB: lex {:.1} MB/s, full {:.1} MB/s",
        mb,
        mb / lex,
        mb / all
    );
}
