//! Bytes to text: byte-order marks, UTF-8, UTF-16 with a BOM, legacy encodings guessed with
//! `chardetng` and decoded with `encoding_rs`, and refusing binary files. Nothing here looks at
//! structure; the text it returns is not yet sanitized.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8};

use super::LoadError;

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

/// How much of the start of a file is inspected to decide whether it is binary.
const SNIFF_LEN: usize = 8192;
/// How much of a file the encoding detector reads: enough to be sure, without a second pass
/// over a 100 MB book.
const DETECT_LEN: usize = 1 << 20;
/// The share of characters (in thousandths) that may be replacement characters or stray
/// control characters before a text counts as binary.
const BINARY_PER_MILLE: usize = 20;

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
    if let Some((encoding, bom_len)) = Encoding::for_bom(&bytes) {
        if encoding == UTF_8 {
            // Drop the BOM in place: a 100 MB book is not copied just to lose three bytes.
            let mut bytes = bytes;
            bytes.drain(..bom_len);
            return match String::from_utf8(bytes) {
                Ok(text) => Ok(Decoded {
                    text,
                    encoding: "UTF-8",
                }),
                // The mark says UTF-8, so nothing is guessed; but broken bytes are still
                // replaced visibly, and a binary tail is still refused.
                Err(err) => {
                    let text = String::from_utf8_lossy(err.as_bytes()).into_owned();
                    if !options.force && looks_binary(&text) {
                        return Err(LoadError::Binary("not text in any encoding quire reads"));
                    }
                    Ok(Decoded {
                        text,
                        encoding: "UTF-8 (invalid bytes replaced)",
                    })
                }
            };
        }
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: encoding.name(),
        });
    }
    let has_nul = bytes[..bytes.len().min(SNIFF_LEN)].contains(&0);
    if has_nul && !options.force {
        return Err(LoadError::Binary("contains NUL bytes"));
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
    if has_nul {
        return Ok(Decoded {
            text: String::from_utf8_lossy(&bytes).into_owned(),
            encoding: "binary, shown with placeholders",
        });
    }
    let sample = &bytes[..bytes.len().min(DETECT_LEN)];
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(sample, sample.len() == bytes.len());
    let encoding = detector.guess(None, Utf8Detection::Allow);
    let (text, _) = encoding.decode_without_bom_handling(&bytes);
    let name = if encoding == UTF_8 {
        "UTF-8 (invalid bytes replaced)"
    } else {
        encoding.name()
    };
    if !options.force && looks_binary(&text) {
        return Err(LoadError::Binary("not text in any encoding quire reads"));
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: name,
    })
}

/// True when too many characters are replacement characters or controls no text uses.
/// ESC and BEL are not counted: a text full of escape sequences is hostile, not binary, and is
/// shown sanitized.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in text.chars() {
        total += 1;
        let stray_control =
            c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0c}' | '\u{1b}' | '\u{07}');
        if c == '\u{fffd}' || stray_control {
            bad += 1;
        }
    }
    bad * 1000 > total.max(1) * BINARY_PER_MILLE
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
