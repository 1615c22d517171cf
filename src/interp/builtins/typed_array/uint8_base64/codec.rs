//! The base64 and hex codecs of the Uint8Array methods (ECMA-262 2026
//! §23.3.x, the "Uint8Array to/from base64" proposal's abstract
//! operations): FromBase64, DecodeBase64Chunk, SkipAsciiWhitespace,
//! FromHex and the two encoders. They read a string's code units.

/// The base64 alphabet an operation uses.
#[derive(Copy, Clone, PartialEq, Eq)]
pub enum Alphabet {
    Base64,
    Base64Url,
}

/// The lastChunkHandling option of fromBase64 and setFromBase64.
#[derive(Copy, Clone, PartialEq, Eq)]
pub enum LastChunkHandling {
    Loose,
    Strict,
    StopBeforePartial,
}

/// Why decoding stopped with a SyntaxError (V8's three messages).
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum DecodeError {
    /// An incomplete final chunk, or padding after fewer than two characters.
    IncompleteChunk,
    /// A character outside the alphabet, or text after the padding.
    InvalidCharacter,
    /// Non-zero bits in a final partial chunk (strict handling).
    NonZeroPaddingBits,
    /// A hex string of odd length or with a non-hex character.
    InvalidHex,
}

impl DecodeError {
    /// The SyntaxError message V8 gives.
    pub fn message(self) -> &'static str {
        match self {
            DecodeError::IncompleteChunk => {
                "The base64 input terminates with a single character, excluding padding (=)."
            }
            DecodeError::InvalidCharacter => {
                "Found a character that cannot be part of a valid base64 string."
            }
            DecodeError::NonZeroPaddingBits => {
                "The base64 input terminates with non-zero padding bits."
            }
            DecodeError::InvalidHex => "Input string must contain hex characters in even length",
        }
    }
}

/// A decoding's Record { [[Read]], [[Bytes]], [[Error]] }.
pub struct Decoded {
    pub read: usize,
    pub bytes: Vec<u8>,
    pub error: Option<DecodeError>,
}

fn finished(read: usize, bytes: Vec<u8>) -> Decoded {
    Decoded {
        read,
        bytes,
        error: None,
    }
}

fn failed(read: usize, bytes: Vec<u8>, error: DecodeError) -> Decoded {
    Decoded {
        read,
        bytes,
        error: Some(error),
    }
}

/// SkipAsciiWhitespace ( string, index )
fn skip_ascii_whitespace(string: &[u16], mut index: usize) -> usize {
    // 2. Repeat, while index < length: if char is not 0x0009, 0x000A,
    //    0x000C, 0x000D or 0x0020, return index; set index to index + 1.
    while index < string.len() && matches!(string[index], 0x09 | 0x0A | 0x0C | 0x0D | 0x20) {
        index += 1;
    }
    // 3. Return index.
    index
}

/// The 6-bit value of a standard-alphabet base64 character.
fn base64_value(c: u16) -> Option<u32> {
    let c = u8::try_from(c).ok()?;
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    } as u32)
}

/// DecodeBase64Chunk ( chunk [ , throwOnExtraBits ] ): the bytes of a
/// chunk of 2–4 six-bit values.
fn decode_base64_chunk(chunk: &[u32], throw_on_extra_bits: bool) -> Result<Vec<u8>, DecodeError> {
    // 1–3. Pad a 2- or 3-character chunk with "A"s (zero bits).
    let chunk_length = chunk.len();
    let mut values = [0u32; 4];
    values[..chunk_length].copy_from_slice(chunk);
    // 4–5. The 24 bits, as three bytes.
    let bits = (values[0] << 18) | (values[1] << 12) | (values[2] << 6) | values[3];
    let bytes = [(bits >> 16) as u8, (bits >> 8) as u8, bits as u8];
    match chunk_length {
        // 6. If chunkLength = 2: with throwOnExtraBits, bytes[1] must be 0.
        2 => {
            if throw_on_extra_bits && bytes[1] != 0 {
                return Err(DecodeError::NonZeroPaddingBits);
            }
            Ok(vec![bytes[0]])
        }
        // 7. Else if chunkLength = 3: with throwOnExtraBits, bytes[2] must be 0.
        3 => {
            if throw_on_extra_bits && bytes[2] != 0 {
                return Err(DecodeError::NonZeroPaddingBits);
            }
            Ok(vec![bytes[0], bytes[1]])
        }
        // 8. Else, return byteSequence.
        _ => Ok(bytes.to_vec()),
    }
}

/// FromBase64 ( string, alphabet, lastChunkHandling [ , maxLength ] )
pub fn from_base64(
    string: &[u16],
    alphabet: Alphabet,
    last_chunk_handling: LastChunkHandling,
    max_length: Option<usize>,
) -> Decoded {
    // 1. If maxLength is not present, let maxLength be 2^53 - 1.
    let max_length = max_length.unwrap_or(usize::MAX);
    // 2. If maxLength = 0, return { [[Read]]: 0, [[Bytes]]: « », [[Error]]: none }.
    if max_length == 0 {
        return finished(0, Vec::new());
    }
    // 3–8.
    let mut read = 0;
    let mut bytes: Vec<u8> = Vec::new();
    let mut chunk: Vec<u32> = Vec::with_capacity(4);
    let mut index = 0;
    let length = string.len();
    // 9. Repeat,
    loop {
        // a. Set index to SkipAsciiWhitespace(string, index).
        index = skip_ascii_whitespace(string, index);
        // b. If index = length, then
        if index == length {
            // i. If chunkLength > 0, then
            if !chunk.is_empty() {
                match last_chunk_handling {
                    // 1. "stop-before-partial": return what was read.
                    LastChunkHandling::StopBeforePartial => return finished(read, bytes),
                    // 2. "loose": a single character is an error; else decode.
                    LastChunkHandling::Loose => {
                        if chunk.len() == 1 {
                            return failed(read, bytes, DecodeError::IncompleteChunk);
                        }
                        let decoded = decode_base64_chunk(&chunk, false)
                            .expect("no extra-bit check without throwOnExtraBits");
                        bytes.extend(decoded);
                    }
                    // 3. "strict": a SyntaxError.
                    LastChunkHandling::Strict => {
                        return failed(read, bytes, DecodeError::IncompleteChunk)
                    }
                }
            }
            // ii. Return { [[Read]]: length, [[Bytes]]: bytes, [[Error]]: none }.
            return finished(length, bytes);
        }
        // c–d. Let char be the code unit at index; set index to index + 1.
        let mut char = string[index];
        index += 1;
        // e. If char is "=", then
        if char == u16::from(b'=') {
            // i. If chunkLength < 2, a SyntaxError.
            if chunk.len() < 2 {
                return failed(read, bytes, DecodeError::IncompleteChunk);
            }
            // ii. Set index to SkipAsciiWhitespace(string, index).
            index = skip_ascii_whitespace(string, index);
            // iii. If chunkLength = 2, then
            if chunk.len() == 2 {
                // 1. If index = length: "stop-before-partial" returns; otherwise a SyntaxError.
                if index == length {
                    if last_chunk_handling == LastChunkHandling::StopBeforePartial {
                        return finished(read, bytes);
                    }
                    return failed(read, bytes, DecodeError::InvalidCharacter);
                }
                // 2–3. If the next code unit is "=", skip whitespace after it.
                if string[index] == u16::from(b'=') {
                    index = skip_ascii_whitespace(string, index + 1);
                }
            }
            // iv. If index < length, a SyntaxError.
            if index < length {
                return failed(read, bytes, DecodeError::InvalidCharacter);
            }
            // v. throwOnExtraBits is true for "strict".
            let throw_on_extra_bits = last_chunk_handling == LastChunkHandling::Strict;
            // vi. Set bytes to bytes + ? DecodeBase64Chunk(chunk, throwOnExtraBits).
            match decode_base64_chunk(&chunk, throw_on_extra_bits) {
                Ok(decoded) => bytes.extend(decoded),
                Err(e) => return failed(read, bytes, e),
            }
            // vii. Return { [[Read]]: length, [[Bytes]]: bytes, [[Error]]: none }.
            return finished(length, bytes);
        }
        // f. If alphabet is "base64url": "+" and "/" are errors; "-" is "+", "_" is "/".
        if alphabet == Alphabet::Base64Url {
            if char == u16::from(b'+') || char == u16::from(b'/') {
                return failed(read, bytes, DecodeError::InvalidCharacter);
            } else if char == u16::from(b'-') {
                char = u16::from(b'+');
            } else if char == u16::from(b'_') {
                char = u16::from(b'/');
            }
        }
        // g. If char is not an element of the standard base64 alphabet, a SyntaxError.
        let Some(value) = base64_value(char) else {
            return failed(read, bytes, DecodeError::InvalidCharacter);
        };
        // h–i. Stop before a chunk whose bytes would not all fit.
        let remaining = max_length - bytes.len();
        if (remaining == 1 && chunk.len() == 2) || (remaining == 2 && chunk.len() == 3) {
            return finished(read, bytes);
        }
        // j–k. Append char to chunk.
        chunk.push(value);
        // l. If chunkLength = 4, then
        if chunk.len() == 4 {
            // i–iv. Decode it, start a new chunk, and note how far was read.
            bytes.extend(decode_base64_chunk(&chunk, false).expect("a whole chunk"));
            chunk.clear();
            read = index;
            // v. If the length of bytes = maxLength, return.
            if bytes.len() == max_length {
                return finished(read, bytes);
            }
        }
    }
}

/// FromHex ( string [ , maxLength ] )
pub fn from_hex(string: &[u16], max_length: Option<usize>) -> Decoded {
    // 1. If maxLength is not present, let maxLength be 2^53 - 1.
    let max_length = max_length.unwrap_or(usize::MAX);
    // 2–4.
    let length = string.len();
    let mut bytes = Vec::new();
    let mut read = 0;
    // 5. If length modulo 2 is not 0, a SyntaxError.
    if length % 2 != 0 {
        return failed(read, bytes, DecodeError::InvalidHex);
    }
    // 6. Repeat, while read < length and the length of bytes < maxLength,
    while read < length && bytes.len() < max_length {
        // a–b. Let hexits be the two code units at read; both must be hex digits.
        let high = hex_value(string[read]);
        let low = hex_value(string[read + 1]);
        let (Some(high), Some(low)) = (high, low) else {
            return failed(read, bytes, DecodeError::InvalidHex);
        };
        // c–e. Set read to read + 2; append the byte.
        read += 2;
        bytes.push((high << 4) | low);
    }
    // 7. Return { [[Read]]: read, [[Bytes]]: bytes, [[Error]]: none }.
    finished(read, bytes)
}

fn hex_value(c: u16) -> Option<u8> {
    char::from_u32(u32::from(c))?.to_digit(16).map(|d| d as u8)
}

/// The base64 encoding of `bytes` (toBase64 step 8–10): with the alphabet,
/// padded with "=" unless `omit_padding`.
pub fn encode_base64(bytes: &[u8], alphabet: Alphabet, omit_padding: bool) -> String {
    let table: &[u8; 64] = match alphabet {
        Alphabet::Base64 => b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
        Alphabet::Base64Url => b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
    };
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for group in bytes.chunks(3) {
        let b = [
            group[0],
            *group.get(1).unwrap_or(&0),
            *group.get(2).unwrap_or(&0),
        ];
        let bits = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let characters = group.len() + 1;
        for i in 0..4 {
            if i < characters {
                out.push(table[((bits >> (18 - 6 * i)) & 63) as usize] as char);
            } else if !omit_padding {
                out.push('=');
            }
        }
    }
    out
}

/// The lowercase hex encoding of `bytes` (toHex).
pub fn encode_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn decodes_with_each_last_chunk_handling() {
        let d = from_base64(
            &units("aGk"),
            Alphabet::Base64,
            LastChunkHandling::Loose,
            None,
        );
        assert_eq!((d.read, d.bytes, d.error), (3, b"hi".to_vec(), None));
        let d = from_base64(
            &units("aGVsbG8gd29y"),
            Alphabet::Base64,
            LastChunkHandling::StopBeforePartial,
            Some(4),
        );
        assert_eq!((d.read, d.bytes), (4, b"hel".to_vec()));
        let d = from_base64(
            &units("aGl="),
            Alphabet::Base64,
            LastChunkHandling::Strict,
            None,
        );
        assert_eq!(d.error, Some(DecodeError::NonZeroPaddingBits));
    }

    #[test]
    fn encodes_base64_and_hex() {
        assert_eq!(encode_base64(b"hi", Alphabet::Base64, false), "aGk=");
        assert_eq!(
            encode_base64(&[0xfb, 0xff], Alphabet::Base64Url, true),
            "-_8"
        );
        assert_eq!(encode_hex(&[0, 0xab]), "00ab");
        assert_eq!(from_hex(&units("0aFf"), None).bytes, vec![10, 255]);
    }
}
