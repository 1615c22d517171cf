//! Tests: source text from the parser, expected messages from Node.
