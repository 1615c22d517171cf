//! `TextEncoder` and `TextDecoder` (the WHATWG Encoding standard as Node
//! provides it): UTF-8 encoding into a `Uint8Array`, and decoding of
//! UTF-8 or UTF-16LE bytes from an ArrayBuffer, a typed array or a
//! DataView (`fatal`, `ignoreBOM`, and `stream` for split sequences).

use std::cell::RefCell;

use gc::{Finalize, Gc, Trace};

use super::arguments::invalid_arg_type;
use crate::host::errors::coded_error;
use crate::interp::agent::Agent;
use crate::interp::builtins::array_buffer::{buffer_store, ByteStore};
use crate::interp::builtins::data_view::DataViewData;
use crate::interp::builtins::typed_array::TypedArrayData;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::native::define_value;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::ops::conversion::to_boolean;
use crate::interp::ops::errors::ErrorKind;
use crate::interp::property::{Attributes, PropertyKey};
use crate::interp::string::JsStr;
use crate::interp::value::Value;

/// The encodings a TextDecoder reads.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Utf16Le,
}

impl Encoding {
    /// The encoding a label names (the Encoding standard's labels for the
    /// encodings supported here), or None.
    fn from_label(label: &str) -> Option<Encoding> {
        match label.trim().to_ascii_lowercase().as_str() {
            "unicode-1-1-utf-8" | "unicode11utf8" | "unicode20utf8" | "utf-8" | "utf8"
            | "x-unicode20utf8" => Some(Encoding::Utf8),
            "csunicode" | "iso-10646-ucs-2" | "ucs-2" | "unicode" | "unicodefeff" | "utf-16"
            | "utf-16le" => Some(Encoding::Utf16Le),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
        }
    }
}

/// A TextDecoder's state.
#[derive(Trace, Finalize)]
struct DecoderData {
    #[unsafe_ignore_trace]
    encoding: Encoding,
    #[unsafe_ignore_trace]
    fatal: bool,
    #[unsafe_ignore_trace]
    ignore_bom: bool,
    /// Bytes of an incomplete sequence kept by a `stream: true` decode,
    /// and whether the BOM check is still to come.
    #[unsafe_ignore_trace]
    pending: RefCell<(Vec<u8>, bool)>,
}

impl ObjectData for DecoderData {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "TextDecoder"
    }
}

/// How many code units or bytes the codecs below handle between two polls
/// of the interrupt (a `vm` timeout, `--max-heap-size`).
const POLL_EVERY: usize = 1 << 16;

/// The UTF-8 bytes of whole characters of `units` (lone surrogates become
/// U+FFFD), as many as fit in `limit` bytes; the interrupt is polled as
/// the input is read.
pub(crate) fn encode_utf8(agent: &mut Agent, units: &[u16], limit: usize) -> JsResult<Vec<u8>> {
    let mut out = Vec::with_capacity(units.len().min(limit));
    let mut next_poll = POLL_EVERY;
    let mut i = 0;
    while i < units.len() {
        if i >= next_poll {
            agent.poll_interrupt()?;
            next_poll = i + POLL_EVERY;
        }
        let unit = units[i];
        if unit < 0x80 {
            if out.len() == limit {
                break;
            }
            out.push(unit as u8);
            i += 1;
            continue;
        }
        let next = units.get(i + 1).copied().unwrap_or(0);
        let (code_point, width) = match unit {
            0xD800..=0xDBFF if (0xDC00..=0xDFFF).contains(&next) => (
                0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(next) - 0xDC00),
                2,
            ),
            0xD800..=0xDFFF => (0xFFFD, 1),
            _ => (u32::from(unit), 1),
        };
        let c = char::from_u32(code_point).expect("not a surrogate");
        let mut buffer = [0u8; 4];
        let encoded = c.encode_utf8(&mut buffer);
        if out.len() + encoded.len() > limit {
            break;
        }
        out.extend_from_slice(encoded.as_bytes());
        i += width;
    }
    Ok(out)
}

/// The UTF-16 code units of UTF-8 `bytes`, each maximal invalid
/// subsequence replaced by U+FFFD (the Encoding standard's decoder, which
/// V8 and Rust's lossy conversion both follow); the interrupt is polled as
/// the input is read.
pub(crate) fn decode_utf8_lossy(agent: &mut Agent, bytes: &[u8]) -> JsResult<Vec<u16>> {
    let mut out: Vec<u16> = Vec::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        let mut valid = chunk.valid();
        while !valid.is_empty() {
            let mut cut = valid.len().min(POLL_EVERY);
            while !valid.is_char_boundary(cut) {
                cut -= 1;
            }
            out.extend(valid[..cut].encode_utf16());
            valid = &valid[cut..];
            agent.poll_interrupt()?;
        }
        if !chunk.invalid().is_empty() {
            out.push(0xFFFD);
        }
    }
    Ok(out)
}

/// A new Uint8Array holding `bytes`.
pub(crate) fn new_uint8_array(agent: &mut Agent, bytes: &[u8]) -> JsResult<Value> {
    let ctor = agent.intrinsics().get("Uint8Array");
    let array = agent.construct(&ctor, &[Value::Number(bytes.len() as f64)], None)?;
    if let Value::Object(o) = &array {
        if let Some(data) = o.data::<TypedArrayData>() {
            let offset = data.byte_offset;
            data.store
                .with_bytes_mut(|b| b[offset..offset + bytes.len()].copy_from_slice(bytes));
        }
    }
    Ok(array)
}

/// TextEncoder ( )
fn encoder_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let Some(new_target) = args.new_target else {
        return agent
            .throw_type_error("Class constructor TextEncoder cannot be invoked without 'new'");
    };
    let default = agent.intrinsics().get("TextEncoder.prototype");
    let o = agent.ordinary_create_from_constructor(new_target, default, ObjectKind::Ordinary)?;
    Ok(Value::Object(o))
}

/// TextEncoder.prototype.encode ( [ input ] )
fn encode(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let input = match args.arg(0) {
        Value::Undefined => JsStr::from(""),
        v => agent.to_string(&v)?,
    };
    let bytes = encode_utf8(agent, input.units(), usize::MAX)?;
    new_uint8_array(agent, &bytes)
}

/// TextEncoder.prototype.encodeInto ( source, destination ): as many whole
/// characters of `source` as fit; `{ read, written }`.
fn encode_into(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let source = agent.to_string(&args.arg(0))?;
    let destination = args.arg(1);
    let target = match &destination {
        Value::Object(o) => o
            .data::<TypedArrayData>()
            .filter(|d| d.element.constructor_name() == "Uint8Array")
            .map(|d| (d.store.clone(), d.byte_offset, d.length().unwrap_or(0))),
        _ => None,
    };
    let Some((store, offset, capacity)) = target else {
        return Err(invalid_arg_type(
            agent,
            "dest",
            "an instance of Uint8Array",
            &destination,
        ));
    };
    let (mut read, mut written) = (0usize, 0usize);
    let mut buffer = [0u8; 4];
    store.with_bytes_mut(|bytes| {
        for c in char::decode_utf16(source.units().iter().copied()) {
            let (c, units) = match c {
                Ok(c) => (c, c.len_utf16()),
                Err(_) => ('\u{FFFD}', 1),
            };
            let encoded = c.encode_utf8(&mut buffer);
            if written + encoded.len() > capacity {
                break;
            }
            bytes[offset + written..offset + written + encoded.len()]
                .copy_from_slice(encoded.as_bytes());
            written += encoded.len();
            read += units;
        }
    });
    let proto = agent.intrinsics().object_prototype.clone();
    let result = JsObject::ordinary_create(Some(proto));
    define_value(&result, "read", Value::Number(read as f64), Attributes::ALL);
    define_value(
        &result,
        "written",
        Value::Number(written as f64),
        Attributes::ALL,
    );
    Ok(Value::Object(result))
}

/// `encoding` of a TextEncoder: always "utf-8".
fn encoder_encoding(_: &mut Agent, _: &CallArgs) -> JsResult<Value> {
    Ok(Value::from("utf-8"))
}

/// TextDecoder ( [ label [ , options ] ] )
fn decoder_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let Some(new_target) = args.new_target else {
        return agent
            .throw_type_error("Class constructor TextDecoder cannot be invoked without 'new'");
    };
    let label = match args.arg(0) {
        Value::Undefined => "utf-8".to_string(),
        v => agent.to_string(&v)?.to_rust_string(),
    };
    let Some(encoding) = Encoding::from_label(&label) else {
        return Err(coded_error(
            agent,
            ErrorKind::RangeError,
            "ERR_ENCODING_NOT_SUPPORTED",
            format!("The \"{label}\" encoding is not supported"),
        ));
    };
    let (mut fatal, mut ignore_bom) = (false, false);
    if let Value::Object(options) = args.arg(1) {
        let f = agent.get(&options, &PropertyKey::from("fatal"))?;
        fatal = to_boolean(&f);
        let i = agent.get(&options, &PropertyKey::from("ignoreBOM"))?;
        ignore_bom = to_boolean(&i);
    }
    let default = agent.intrinsics().get("TextDecoder.prototype");
    let kind = ObjectKind::Other(Box::new(DecoderData {
        encoding,
        fatal,
        ignore_bom,
        pending: RefCell::new((Vec::new(), true)),
    }));
    let o = agent.ordinary_create_from_constructor(new_target, default, kind)?;
    Ok(Value::Object(o))
}

/// The bytes an ArrayBuffer, typed array or DataView views.
pub(crate) fn viewed_bytes(agent: &mut Agent, input: &Value) -> JsResult<Vec<u8>> {
    let range = |store: &ByteStore, start: usize, len: usize| {
        if store.is_detached() {
            Vec::new()
        } else {
            store.copy_range(start, len)
        }
    };
    if let Value::Object(o) = input {
        if let Some(store) = buffer_store(input) {
            let len = store.len();
            return Ok(range(&store, 0, len));
        }
        if let Some(ta) = o.data::<TypedArrayData>() {
            let len = ta.length().unwrap_or(0) * ta.element.size();
            return Ok(range(&ta.store, ta.byte_offset, len));
        }
        if let Some(dv) = o.data::<DataViewData>() {
            let len = dv
                .byte_length
                .unwrap_or_else(|| dv.store.len().saturating_sub(dv.byte_offset));
            return Ok(range(&dv.store, dv.byte_offset, len));
        }
    }
    Err(plain_coded_type_error(
        agent,
        "ERR_INVALID_ARG_TYPE",
        "The \"input\" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.",
    ))
}

/// A TypeError with Node's `code` whose `String(e)` has no `[CODE]` part
/// (the errors Node's C++ encoding layer makes).
fn plain_coded_type_error(
    agent: &mut Agent,
    code: &str,
    message: &str,
) -> crate::interp::completion::Throw {
    let error = agent.type_error(message);
    if let Value::Object(o) = &*error.0 {
        define_value(o, "code", Value::from(code), Attributes::ALL);
    }
    error
}

/// How many bytes at the end of `bytes` start a UTF-8 sequence they do not finish.
fn incomplete_utf8_tail(bytes: &[u8]) -> usize {
    for back in 1..=bytes.len().min(3) {
        let b = bytes[bytes.len() - back];
        if b & 0xC0 == 0x80 {
            continue;
        }
        let needed = match b {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => return 0,
        };
        return if needed > back { back } else { 0 };
    }
    0
}

/// TextDecoder.prototype.decode ( [ input [ , options ] ] )
fn decode(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let decoder = match args.this {
        Value::Object(o) if o.data::<DecoderData>().is_some() => o.clone(),
        other => {
            return Err(invalid_arg_type(
                agent,
                "this",
                "an instance of TextDecoder",
                other,
            ))
        }
    };
    let data = decoder.data::<DecoderData>().expect("checked above");
    let mut bytes = match args.arg(0) {
        Value::Undefined => Vec::new(),
        input => viewed_bytes(agent, &input)?,
    };
    let stream = match args.arg(1) {
        Value::Object(options) => {
            let s = agent.get(&options, &PropertyKey::from("stream"))?;
            to_boolean(&s)
        }
        _ => false,
    };
    let (mut pending, mut bom_check) = data.pending.borrow().clone();
    pending.append(&mut bytes);
    let mut bytes = pending;
    let keep = if stream {
        match data.encoding {
            Encoding::Utf8 => incomplete_utf8_tail(&bytes),
            Encoding::Utf16Le => bytes.len() % 2,
        }
    } else {
        0
    };
    let rest = bytes.split_off(bytes.len() - keep);
    let mut units: Vec<u16> = match data.encoding {
        Encoding::Utf8 => {
            if data.fatal && std::str::from_utf8(&bytes).is_err() {
                *data.pending.borrow_mut() = (Vec::new(), true);
                return Err(plain_coded_type_error(
                    agent,
                    "ERR_ENCODING_INVALID_ENCODED_DATA",
                    "The encoded data was not valid for encoding utf-8",
                ));
            }
            decode_utf8_lossy(agent, &bytes)?
        }
        Encoding::Utf16Le => {
            let mut units: Vec<u16> = bytes
                .chunks(2)
                .map(|pair| u16::from_le_bytes([pair[0], *pair.get(1).unwrap_or(&0)]))
                .collect();
            if bytes.len() % 2 == 1 {
                units.pop();
                units.push(0xFFFD);
            }
            units
        }
    };
    // A byte order mark at the start of the stream is dropped unless ignoreBOM.
    if bom_check && !units.is_empty() {
        if !data.ignore_bom && units[0] == 0xFEFF {
            units.remove(0);
        }
        bom_check = false;
    }
    *data.pending.borrow_mut() = if stream {
        (rest, bom_check)
    } else {
        (Vec::new(), true)
    };
    Ok(Value::String(JsStr::from_units(units)))
}

fn decoder_field(agent: &mut Agent, this: &Value) -> JsResult<Gc<JsObject>> {
    match this {
        Value::Object(o) if o.data::<DecoderData>().is_some() => Ok(o.clone()),
        other => Err(invalid_arg_type(
            agent,
            "this",
            "an instance of TextDecoder",
            other,
        )),
    }
}

fn decoder_encoding(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = decoder_field(agent, args.this)?;
    let name = o.data::<DecoderData>().expect("checked").encoding.name();
    Ok(Value::from(name))
}

fn decoder_fatal(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = decoder_field(agent, args.this)?;
    Ok(Value::Bool(o.data::<DecoderData>().expect("checked").fatal))
}

fn decoder_ignore_bom(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = decoder_field(agent, args.this)?;
    Ok(Value::Bool(
        o.data::<DecoderData>().expect("checked").ignore_bom,
    ))
}

pub(super) fn install(agent: &mut Agent) {
    let object_prototype = agent.intrinsics().object_prototype.clone();
    let global = agent.global_object();

    let encoder_proto = JsObject::ordinary_create(Some(object_prototype.clone()));
    let encoder = agent.native_constructor("TextEncoder", 0, encoder_constructor, &encoder_proto);
    agent.define_method(&encoder_proto, "encode", 0, encode);
    agent.define_method(&encoder_proto, "encodeInto", 2, encode_into);
    agent.define_accessor(
        &encoder_proto,
        PropertyKey::from("encoding"),
        Some(encoder_encoding),
        None,
    );
    agent.define_to_string_tag(&encoder_proto, "TextEncoder");
    agent
        .intrinsics()
        .register("TextEncoder.prototype", encoder_proto);
    define_value(
        &global,
        "TextEncoder",
        Value::Object(encoder),
        Attributes::METHOD,
    );

    let decoder_proto = JsObject::ordinary_create(Some(object_prototype));
    let decoder = agent.native_constructor("TextDecoder", 0, decoder_constructor, &decoder_proto);
    agent.define_method(&decoder_proto, "decode", 0, decode);
    for (name, getter) in [
        (
            "encoding",
            decoder_encoding as crate::interp::function::NativeFn,
        ),
        ("fatal", decoder_fatal),
        ("ignoreBOM", decoder_ignore_bom),
    ] {
        agent.define_accessor(&decoder_proto, PropertyKey::from(name), Some(getter), None);
    }
    agent.define_to_string_tag(&decoder_proto, "TextDecoder");
    agent
        .intrinsics()
        .register("TextDecoder.prototype", decoder_proto);
    define_value(
        &global,
        "TextDecoder",
        Value::Object(decoder),
        Attributes::METHOD,
    );
}
