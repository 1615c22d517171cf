//! Tests: source text from the parser, expected messages from Node.

/// Compares against a table of Node's results: `EARLY_CASES=file.tsv cargo
/// test -- --ignored compare_with_table`; each line is
/// `source<TAB>message or OK<TAB>column`.
#[test]
#[ignore]
fn compare_with_table() {
    let Ok(path) = std::env::var("EARLY_CASES") else {
        return;
    };
    let table = std::fs::read_to_string(path).expect("readable table");
    let (mut same, mut differ) = (0, 0);
    for line in table.lines() {
        let mut fields = line.split('\t');
        let (Some(source), Some(message), Some(column)) =
            (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let got = match crate::syntax::parse_module(source) {
            Ok(_) => ("OK".to_string(), -1),
            Err(e) => (e.message, e.span.start as i64),
        };
        let want_column: i64 = column.parse().unwrap_or(-1);
        if got.0 == message && (message == "OK" || got.1 == want_column) {
            same += 1;
        } else {
            differ += 1;
            println!(
                "{source}\n    node: {message} @{want_column}\n    ours: {} @{}",
                got.0, got.1
            );
        }
    }
    println!("{same} same, {differ} differ");
}
