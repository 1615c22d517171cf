use std::path::Path;
fn walk(p: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(p).unwrap() {
        let e = e.unwrap().path();
        if e.is_dir() { walk(&e, out) } else if e.extension().is_some_and(|x| x == "js") && !e.to_string_lossy().contains("_FIXTURE") { out.push(e) }
    }
}
fn main() {
    let root = std::env::args().nth(1).unwrap();
    let mut files = vec![];
    walk(Path::new(&root), &mut files);
    files.sort();
    let (mut pass, mut fail) = (0, 0);
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap();
        let meta = src.split("/*---").nth(1).and_then(|s| s.split("---*/").next()).unwrap_or("");
        let module = meta.contains("module") && meta.lines().any(|l| l.contains("flags") && l.contains("module"));
        let negative_parse = meta.contains("negative:") && meta.contains("phase: parse");
        let skip = ["import-defer", "source-phase-imports", "decorators", "import-text", "import-bytes"].iter().any(|k| meta.contains(k));
        if skip { continue; }
        let r = if module { vmjs::syntax::parse_module(&src).map(|_| ()) } else { vmjs::syntax::parse_script(&src).map(|_| ()) };
        let good = r.is_ok() != negative_parse;
        if good { pass += 1 } else {
            fail += 1;
            println!("FAIL {} {} {:?}", f.display(), if negative_parse {"(should fail)"} else {""}, r.err().map(|e| e.message));
        }
    }
    println!("pass {pass} fail {fail}");
}
