use std::io::BufRead;
fn main() {
    for line in std::io::stdin().lock().lines() {
        let line = line.unwrap();
        let src = line.replace('⏎', "\n");
        let out = match vmjs::syntax::parse_module(&src) {
            Ok(_) => "OK".to_string(),
            Err(e) => format!("SyntaxError: {}", e.message),
        };
        println!("{:<40} => {}", line, out);
    }
}
