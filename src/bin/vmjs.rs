fn main() {
    eprintln!("vmjs: command line not yet written");
    std::process::exit(2);
}
