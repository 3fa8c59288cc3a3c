//! Bytes to text: byte-order marks, UTF-8 (with broken bytes replaced when most of it is
//! UTF-8), UTF-16 and UTF-32 with a BOM or told by their NUL bytes, legacy encodings guessed with `chardetng`
//! and decoded with `encoding_rs`, and refusing binary files ([`super::sniff`] judges the
//! opening). Nothing here looks at structure; the text it returns is not yet sanitized.

use encoding_rs::{Encoding, UTF_8};

use super::LoadError;
use super::sniff::{self, Utf8Share, Verdict, looks_binary};

/// Decoded text and the name of the encoding it came from.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// How the bytes are to be read.
#[derive(Debug, Clone, Copy, Default)]
pub struct DecodeOptions {
    /// An encoding named by the user: used as is, no detection.
    pub encoding: Option<&'static Encoding>,
    /// Show a binary file anyway (undecodable bytes and controls become visible placeholders).
    pub force: bool,
}

/// How much of a file the encoding detector reads: enough to be sure, without a second pass
/// over a 100 MB book.
const DETECT_LEN: usize = 1 << 20;
/// The name shown for UTF-8 in which some bytes were not UTF-8.
const UTF8_REPLACED: &str = "UTF-8 (invalid bytes replaced)";

/// Look up an encoding by any of its WHATWG labels ("sjis", "latin1", "koi8-r", "utf-16le"…).
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
}

pub fn decode(bytes: Vec<u8>, options: DecodeOptions) -> Result<Decoded, LoadError> {
    if let Some(encoding) = options.encoding {
        let (text, _) = encoding.decode_with_bom_removal(&bytes);
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: encoding.name(),
        });
    }
    if let Some(big_endian) = sniff::utf32_bom(&bytes) {
        return Ok(utf32(&bytes[4..], big_endian));
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(&bytes) {
        if encoding == UTF_8 {
            // Drop the BOM in place: a 100 MB book is not copied just to lose three bytes.
            let mut bytes = bytes;
            bytes.drain(..bom_len);
            // The mark says UTF-8, so nothing is guessed; but broken bytes are still replaced
            // visibly, and a binary tail is still refused.
            return utf8_lossy(bytes, options);
        }
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: encoding.name(),
        });
    }
    let verdict = sniff::judge_head(&bytes, true);
    match verdict {
        Verdict::Utf16(encoding) => return decode_as(&bytes, encoding, options),
        Verdict::Utf32 { big_endian } => return Ok(utf32(&bytes, big_endian)),
        Verdict::Binary(reason) if !options.force => return Err(LoadError::Binary(reason)),
        Verdict::Binary(_) | Verdict::Text => {}
    }
    // The common case: valid UTF-8 becomes the String without a copy.
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => {
            return Ok(Decoded {
                text,
                encoding: "UTF-8",
            });
        }
        Err(err) => err.into_bytes(),
    };
    // Forced past NUL bytes: no encoding is guessed for what is not text.
    if matches!(verdict, Verdict::Binary(reason) if reason != sniff::NOT_TEXT) {
        return Ok(Decoded {
            text: String::from_utf8_lossy(&bytes).into_owned(),
            encoding: "binary, shown with placeholders",
        });
    }
    let sample = &bytes[..bytes.len().min(DETECT_LEN)];
    if Utf8Share::count(sample).mostly_utf8() {
        return utf8_lossy(bytes, options);
    }
    let encoding = sniff::guess_encoding(sample, sample.len() == bytes.len());
    decode_as(&bytes, encoding, options)
}

/// UTF-32, which `encoding_rs` (following the web's encodings) does not read.
fn utf32(bytes: &[u8], big_endian: bool) -> Decoded {
    Decoded {
        text: sniff::utf32_chars(bytes, big_endian).collect(),
        encoding: if big_endian { "UTF-32BE" } else { "UTF-32LE" },
    }
}

/// UTF-8 with every broken sequence shown as a replacement character; refused when that makes
/// too many of them.
fn utf8_lossy(bytes: Vec<u8>, options: DecodeOptions) -> Result<Decoded, LoadError> {
    let text = match String::from_utf8(bytes) {
        Ok(text) => {
            return Ok(Decoded {
                text,
                encoding: "UTF-8",
            });
        }
        Err(err) => String::from_utf8_lossy(err.as_bytes()).into_owned(),
    };
    if !options.force && looks_binary(&text) {
        return Err(LoadError::Binary(sniff::NOT_TEXT));
    }
    Ok(Decoded {
        text,
        encoding: UTF8_REPLACED,
    })
}

/// The bytes in `encoding`, refused when what comes out is not text.
fn decode_as(
    bytes: &[u8],
    encoding: &'static Encoding,
    options: DecodeOptions,
) -> Result<Decoded, LoadError> {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    if !options.force && looks_binary(&text) {
        return Err(LoadError::Binary(sniff::NOT_TEXT));
    }
    let name = if encoding == UTF_8 {
        UTF8_REPLACED
    } else {
        encoding.name()
    };
    Ok(Decoded {
        text: text.into_owned(),
        encoding: name,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auto(bytes: &[u8]) -> Result<Decoded, LoadError> {
        decode(bytes.to_vec(), DecodeOptions::default())
    }

    #[test]
    fn bom_is_stripped() {
        let d = auto(b"\xef\xbb\xbfhello").unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("hello", "UTF-8"));
    }

    #[test]
    fn a_utf8_mark_does_not_hide_broken_bytes_or_a_binary_tail() {
        let mut broken = b"\xEF\xBB\xBFcaf\xE9 au lait".to_vec();
        broken.extend(b", and more plain words here".repeat(20));
        let decoded = auto(&broken).unwrap();
        assert_eq!(decoded.encoding, "UTF-8 (invalid bytes replaced)");
        assert!(decoded.text.starts_with("caf\u{fffd} au lait"));
        broken.extend(std::iter::repeat_n([0u8, 0xFF], 500).flatten());
        assert!(matches!(auto(&broken), Err(LoadError::Binary(_))));
    }

    #[test]
    fn utf16_with_bom() {
        let d = auto(b"\xff\xfeh\0i\0").unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("hi", "UTF-16LE"));
        let d = auto(b"\xfe\xff\0h\0i").unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("hi", "UTF-16BE"));
    }

    #[test]
    fn nul_bytes_mean_binary_unless_forced() {
        assert!(matches!(auto(b"ab\0cd"), Err(LoadError::Binary(_))));
        let forced = decode(
            b"ab\0c\xffd".to_vec(),
            DecodeOptions {
                force: true,
                ..DecodeOptions::default()
            },
        )
        .unwrap();
        assert_eq!(forced.text, "ab\0c\u{fffd}d");
    }

    #[test]
    fn random_bytes_are_binary() {
        // A fixed pseudo-random sequence: no encoding makes text of it.
        let mut x: u32 = 12345;
        let bytes: Vec<u8> = (0..4096)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                (x >> 16) as u8 | 1
            })
            .collect();
        assert!(matches!(auto(&bytes), Err(LoadError::Binary(_))));
    }

    #[test]
    fn mostly_utf8_keeps_its_characters_and_replaces_the_broken_bytes() {
        let mut bytes = "Größe, naïve café, Москва — 東京. ".repeat(20).into_bytes();
        bytes.extend(b"one stray Latin-1 byte: caf\xE9.");
        let d = auto(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-8 (invalid bytes replaced)");
        assert!(
            d.text.starts_with("Größe, naïve café, Москва — 東京."),
            "{}",
            &d.text[..40]
        );
        assert!(d.text.ends_with("caf\u{fffd}."));
    }

    fn utf32(text: &str, big_endian: bool, mark: bool) -> Vec<u8> {
        let mut bytes = Vec::new();
        for c in (mark.then_some('\u{feff}')).into_iter().chain(text.chars()) {
            let value = c as u32;
            bytes.extend(if big_endian {
                value.to_be_bytes()
            } else {
                value.to_le_bytes()
            });
        }
        bytes
    }

    #[test]
    fn utf32_is_read_with_or_without_its_mark_in_either_order() {
        let text = "Date: 2030\nRashōmon 羅生門 🙂\n";
        for big_endian in [false, true] {
            for mark in [false, true] {
                let d = auto(&utf32(text, big_endian, mark)).expect("UTF-32 is text");
                let name = if big_endian { "UTF-32BE" } else { "UTF-32LE" };
                assert_eq!((d.text.as_str(), d.encoding), (text, name), "{name} {mark}");
            }
        }
        // UTF-16 stays UTF-16: its letters sit where UTF-32 keeps NULs.
        let d = auto(&[b'h', 0, b'i', 0, b'!', 0, b'?', 0]).expect("UTF-16 is text");
        assert_eq!(d.encoding, "UTF-16LE");
        // NULs without the pattern, or values no character has, are binary.
        assert!(auto(&[0, 0, 0, 0, 1, 2, 3, 0, 0, 0x11, 0, 0]).is_err());
        assert!(auto(&[0xFF, 0xFF, 0x11, 0, b'a', 0, 0, 0]).is_err());
    }

    #[test]
    fn utf16_without_a_mark_is_read_in_its_byte_order() {
        let text = "It was the best of times, it was the worst of times. Était-ce Москва?";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let d = auto(&le).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, "UTF-16LE"));
        let d = auto(&be).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, "UTF-16BE"));
    }

    #[test]
    fn legacy_encodings_are_detected() {
        let cases: [(&str, &'static Encoding); 5] = [
            (
                "Москва — столица России, крупнейший город страны и её культурный центр.",
                encoding_rs::WINDOWS_1251,
            ),
            (
                "Ελληνικά: η γλώσσα των αρχαίων και των σύγχρονων Ελλήνων, γραμμένη με το ελληνικό αλφάβητο.",
                encoding_rs::WINDOWS_1253,
            ),
            (
                "これは日本語の文章です。漢字とひらがなとカタカナが混ざっています。",
                encoding_rs::SHIFT_JIS,
            ),
            (
                "这是一个简体中文的句子，用来测试编码检测是否正确。我们喜欢读书。",
                encoding_rs::GBK,
            ),
            (
                "Le cœur a ses raisons que la raison ne connaît point. À bientôt, garçon élevé.",
                encoding_rs::WINDOWS_1252,
            ),
        ];
        for (text, encoding) in cases {
            let (bytes, _, unmappable) = encoding.encode(text);
            assert!(!unmappable);
            let d = auto(&bytes).unwrap();
            assert_eq!(d.text, text, "{}", encoding.name());
        }
    }

    #[test]
    fn named_encoding_overrides_detection() {
        let (bytes, _, _) = encoding_rs::KOI8_R.encode("привет, мир");
        let options = DecodeOptions {
            encoding: encoding_for_label("koi8-r"),
            ..DecodeOptions::default()
        };
        let d = decode(bytes.into_owned(), options).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("привет, мир", "KOI8-R"));
        assert!(encoding_for_label("no-such-encoding").is_none());
    }
}
