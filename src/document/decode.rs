//! Bytes to text: byte-order marks, UTF-16, and refusing binary files. Nothing here looks at
//! structure; the text it returns is not yet sanitized.

use super::LoadError;

/// Decoded text and the name of the encoding it came from.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// How much of the start of a file is inspected to decide whether it is binary.
const SNIFF_LEN: usize = 8192;

pub fn decode(bytes: &[u8]) -> Result<Decoded, LoadError> {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return Ok(Decoded {
            text: String::from_utf8_lossy(rest).into_owned(),
            encoding: "UTF-8",
        });
    }
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        return Ok(Decoded {
            text: utf16(rest, u16::from_le_bytes),
            encoding: "UTF-16LE",
        });
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return Ok(Decoded {
            text: utf16(rest, u16::from_be_bytes),
            encoding: "UTF-16BE",
        });
    }
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if head.contains(&0) {
        return Err(LoadError::Binary("contains NUL bytes"));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_string(),
            encoding: "UTF-8",
        }),
        Err(_) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let bad = text.chars().filter(|&c| c == '\u{fffd}').count();
            // Mostly-invalid bytes are not a text in any encoding we read.
            if bad * 10 > text.chars().count().max(1) {
                return Err(LoadError::Binary("not valid text"));
            }
            Ok(Decoded {
                text,
                encoding: "UTF-8 (with invalid bytes replaced)",
            })
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|pair| unit([pair[0], pair[1]]))
        .collect();
    String::from_utf16_lossy(&units)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_stripped() {
        let d = decode(b"\xef\xbb\xbfhello").unwrap();
        assert_eq!(d.text, "hello");
    }

    #[test]
    fn utf16_with_bom() {
        let d = decode(b"\xff\xfeh\0i\0").unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("hi", "UTF-16LE"));
        let d = decode(b"\xfe\xff\0h\0i").unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("hi", "UTF-16BE"));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert!(matches!(decode(b"ab\0cd"), Err(LoadError::Binary(_))));
    }

    #[test]
    fn mostly_invalid_is_binary() {
        assert!(matches!(
            decode(&[0xff, 0xfe - 1, 0x80, 0x81, b'a']),
            Err(LoadError::Binary(_))
        ));
    }
}
