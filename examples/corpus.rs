fn main() {
    let list = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let mut total = 0usize;
    let start = std::time::Instant::now();
    for line in list.lines() {
        let (f, _) = line.split_once('\t').unwrap();
        let src = match std::fs::read_to_string(f) { Ok(s) => s, Err(_) => { println!("{f}\tUNREADABLE"); continue } };
        total += src.len();
        let r = match vmjs::syntax::parse_module(&src) { Ok(_) => "OK".to_string(), Err(e) => format!("SyntaxError: {}", e.message) };
        println!("{f}\t{r}");
    }
    eprintln!("{} bytes in {:?}", total, start.elapsed());
}
