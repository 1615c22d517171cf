//! Random JSON-shaped values (arrays of numbers and strings of many
//! lengths, nested objects with plain and quoted keys) compared with
//! `util.inspect` output recorded from Node 20 in `differential.json`.

use super::*;

/// A parsed JSON value.
pub(crate) enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// A minimal JSON reader for the fixture (trusted, well-formed input).
pub(crate) struct Reader<'a> {
    pub text: &'a [u8],
    pub pos: usize,
}

impl Reader<'_> {
    fn skip_space(&mut self) {
        while self.pos < self.text.len() && self.text[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        self.skip_space();
        if self.text.get(self.pos) == Some(&c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn string(&mut self) -> String {
        assert!(self.eat(b'"'), "a string at {}", self.pos);
        let mut units: Vec<u16> = Vec::new();
        loop {
            let c = self.text[self.pos];
            self.pos += 1;
            match c {
                b'"' => break,
                b'\\' => {
                    let e = self.text[self.pos];
                    self.pos += 1;
                    match e {
                        b'n' => units.push(0x0A),
                        b't' => units.push(0x09),
                        b'r' => units.push(0x0D),
                        b'b' => units.push(0x08),
                        b'f' => units.push(0x0C),
                        b'u' => {
                            let hex = std::str::from_utf8(&self.text[self.pos..self.pos + 4])
                                .unwrap_or("0");
                            units.push(u16::from_str_radix(hex, 16).unwrap_or(0));
                            self.pos += 4;
                        }
                        other => units.push(u16::from(other)),
                    }
                }
                _ => {
                    // Copy one UTF-8 sequence.
                    let start = self.pos - 1;
                    let mut end = self.pos;
                    while end < self.text.len() && (self.text[end] & 0xC0) == 0x80 {
                        end += 1;
                    }
                    let s = std::str::from_utf8(&self.text[start..end]).unwrap_or("\u{FFFD}");
                    units.extend(s.encode_utf16());
                    self.pos = end;
                }
            }
        }
        String::from_utf16_lossy(&units)
    }

    pub fn value(&mut self) -> Json {
        self.skip_space();
        match self.text[self.pos] {
            b'n' => {
                self.pos += 4;
                Json::Null
            }
            b't' => {
                self.pos += 4;
                Json::Bool(true)
            }
            b'f' => {
                self.pos += 5;
                Json::Bool(false)
            }
            b'"' => Json::String(self.string()),
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value());
                        if self.eat(b']') {
                            break;
                        }
                        assert!(self.eat(b','));
                    }
                }
                Json::Array(items)
            }
            b'{' => {
                self.pos += 1;
                let mut props = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        let k = self.string();
                        assert!(self.eat(b':'));
                        props.push((k, self.value()));
                        if self.eat(b'}') {
                            break;
                        }
                        assert!(self.eat(b','));
                    }
                }
                Json::Object(props)
            }
            _ => {
                let start = self.pos;
                while self.pos < self.text.len()
                    && b"+-0123456789.eE".contains(&self.text[self.pos])
                {
                    self.pos += 1;
                }
                let text = std::str::from_utf8(&self.text[start..self.pos]).unwrap_or("0");
                Json::Number(text.parse().unwrap_or(f64::NAN))
            }
        }
    }
}

pub(crate) fn to_value(agent: &Agent, json: &Json) -> Value {
    match json {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => Value::Number(*n),
        Json::String(s) => Value::from(s.as_str()),
        Json::Array(items) => {
            let values = items.iter().map(|j| to_value(agent, j)).collect();
            Value::Object(JsObject::array_from_values(
                values,
                Some(agent.intrinsics().array_prototype.clone()),
            ))
        }
        Json::Object(props) => {
            let o = JsObject::ordinary_create(Some(agent.intrinsics().object_prototype.clone()));
            for (k, j) in props {
                let v = to_value(agent, j);
                o.define_own_property(
                    PropertyKey::from(k.as_str()),
                    PropertyDescriptor::data(v, Attributes::ALL),
                );
            }
            Value::Object(o)
        }
    }
}

#[test]
fn random_values_match_node() {
    let text = include_str!("differential.json");
    let mut reader = Reader {
        text: text.as_bytes(),
        pos: 0,
    };
    let Json::Object(fixture) = reader.value() else {
        panic!("fixture is an object");
    };
    let mut cases = None;
    let mut expected = None;
    for (k, v) in fixture {
        match (k.as_str(), v) {
            ("cases", Json::Array(c)) => cases = Some(c),
            ("expected", Json::Array(e)) => expected = Some(e),
            _ => {}
        }
    }
    let (Some(cases), Some(expected)) = (cases, expected) else {
        panic!("fixture has cases and expected");
    };
    let mut agent = agent();
    let mut failures = Vec::new();
    for (i, (case, want)) in cases.iter().zip(&expected).enumerate() {
        let Json::String(want) = want else { continue };
        let v = to_value(&agent, case);
        let got = show(&mut agent, &v);
        if &got != want {
            failures.push(format!("case {i}:\n--- node\n{want}\n--- vmjs\n{got}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        cases.len(),
        failures
            .iter()
            .take(3)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
