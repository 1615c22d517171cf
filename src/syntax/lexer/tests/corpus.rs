//! Runs the lexer over a directory of JavaScript files (test262's tests, for
//! instance): files not marked as negative tests must lex without error.
//! Run with `VMJS_LEX_CORPUS=/path/to/test262/test cargo test --lib
//! syntax::lexer::tests::corpus -- --ignored --nocapture`.

use super::*;

fn js_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            js_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "js" || e == "mjs") {
            out.push(path);
        }
    }
}

#[test]
#[ignore]
fn corpus() {
    let Ok(root) = std::env::var("VMJS_LEX_CORPUS") else {
        return;
    };
    let mut files = Vec::new();
    js_files(std::path::Path::new(&root), &mut files);
    files.sort();
    let mut failures = 0;
    for path in &files {
        let Ok(source) = std::fs::read_to_string(path) else {
            continue;
        };
        let negative = source.contains("negative:");
        match tokenize(&source) {
            Err(e) if !negative => {
                failures += 1;
                println!("{}: {} at {:?}", path.display(), e.message, e.span);
            }
            Ok(tokens) if std::env::var_os("VMJS_LEX_REGEX_STARTS").is_some() => {
                // For comparison with another tokenizer: where regexes start.
                let starts: Vec<String> = tokens
                    .iter()
                    .filter(|t| matches!(t.tok, Tok::Regex { .. }))
                    .map(|t| t.start.to_string())
                    .collect();
                println!("REGEX {} {}", path.display(), starts.join(","));
                let all: Vec<String> = tokens.iter().map(|t| t.start.to_string()).collect();
                println!("ALL {} {}", path.display(), all.join(","));
            }
            _ => {}
        }
    }
    println!(
        "{} files, {failures} unexpected lexical errors",
        files.len()
    );
}

/// Prints the lexer's verdict on each line of the file named by
/// `VMJS_LEX_SNIPPETS` (with `\n` escapes), for comparison with Node.
#[test]
#[ignore]
fn snippets() {
    let Ok(path) = std::env::var("VMJS_LEX_SNIPPETS") else {
        return;
    };
    let Ok(text) = std::fs::read_to_string(path) else {
        return;
    };
    for line in text.lines() {
        let source = line.replace("\\n", "\n");
        let verdict = match tokenize(&source) {
            Ok(_) => "OK".to_string(),
            Err(e) => e.message,
        };
        println!("SNIPPET\t{line}\t{verdict}");
    }
}
