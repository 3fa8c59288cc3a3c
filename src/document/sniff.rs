//! What the first bytes of a file say about the rest: text or binary, UTF-16 without a
//! byte-order mark (told by its NUL bytes, one in every other byte), UTF-32 with or without one
//! (two or three NULs in every four bytes), or mostly UTF-8 with a few broken bytes. Decided on the opening block alone, so an endless or huge binary stream is
//! refused before the rest of it is read, and the decoder makes the same decision.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

/// How much of the start decides whether a file is binary: the block a reader looks at before
/// reading on.
pub const HEAD_LEN: usize = 32 * 1024;
/// How much of the start is searched for NUL bytes.
const NUL_SNIFF_LEN: usize = 8192;
/// The share of characters (in thousandths) that may be replacement characters or stray
/// control characters before a text counts as binary.
const BINARY_PER_MILLE: usize = 20;

/// The reasons a file is refused as binary, as [`super::LoadError::Binary`] words them.
pub const NUL_BYTES: &str = "contains NUL bytes";
pub const NOT_TEXT: &str = "not text in any encoding quire reads";
const NUL_BYTES_UTF16LE: &str =
    "contains NUL bytes; if it is UTF-16 text, --encoding utf-16le reads it";
const NUL_BYTES_UTF16BE: &str =
    "contains NUL bytes; if it is UTF-16 text, --encoding utf-16be reads it";

/// What the opening block says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Text, or at least not known to be anything else.
    Text,
    /// UTF-16 without a byte-order mark, in this byte order.
    Utf16(&'static Encoding),
    /// UTF-32, big-endian or not, with or without a byte-order mark.
    Utf32 { big_endian: bool },
    /// Not text, for this reason.
    Binary(&'static str),
}

/// Judge the opening of a file (at most [`HEAD_LEN`] of it is looked at). `at_end` says the
/// block is the whole file, so a character cut at its end is an error and not the cut.
pub fn judge_head(bytes: &[u8], at_end: bool) -> Verdict {
    let head = &bytes[..bytes.len().min(HEAD_LEN)];
    let at_end = at_end && head.len() == bytes.len();
    // UTF-32's little-endian mark starts with UTF-16's, so it is looked for first.
    if let Some(big_endian) = utf32_bom(head) {
        return Verdict::Utf32 { big_endian };
    }
    // Small numbers stored four bytes each have the same NULs: what they spell must read as
    // text too.
    if let Some(big_endian) = utf32_order(head)
        && !looks_binary(&utf32_chars(head, big_endian).collect::<String>())
    {
        return Verdict::Utf32 { big_endian };
    }
    if Encoding::for_bom(head).is_some() {
        return Verdict::Text;
    }
    if head[..head.len().min(NUL_SNIFF_LEN)].contains(&0) {
        return match utf16_order(head) {
            Some(order) if !looks_binary(&order.decode_without_bom_handling(head).0) => {
                Verdict::Utf16(order)
            }
            Some(order) if order == UTF_16BE => Verdict::Binary(NUL_BYTES_UTF16BE),
            Some(_) => Verdict::Binary(NUL_BYTES_UTF16LE),
            None => Verdict::Binary(NUL_BYTES),
        };
    }
    let share = Utf8Share::count(head);
    if share.invalid == 0 && (share.cut_at_end == 0 || !at_end) {
        return Verdict::Text;
    }
    let text = if share.mostly_utf8() {
        String::from_utf8_lossy(head)
    } else {
        guess_encoding(head, at_end)
            .decode_without_bom_handling(head)
            .0
    };
    if looks_binary(&text) {
        Verdict::Binary(NOT_TEXT)
    } else {
        Verdict::Text
    }
}

/// The encoding `chardetng` guesses for `sample`; `whole` says it is all of the text.
pub fn guess_encoding(sample: &[u8], whole: bool) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(sample, whole);
    detector.guess(None, Utf8Detection::Allow)
}

/// The byte order of UTF-16 text without a byte-order mark, told by where its NUL bytes fall:
/// text in UTF-16 has a NUL as the high byte of every Latin character (and of spaces, digits
/// and punctuation in any script), while a NUL low byte is rare (U+0100, U+4E00…). Binary
/// files have NULs on both sides.
pub fn utf16_order(sample: &[u8]) -> Option<&'static Encoding> {
    let pairs = sample.len() / 2;
    if pairs == 0 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    // At least a tenth of the characters (and two) have a NUL on one side, and at most one in
    // a hundred on the other: a stray NUL in a few bytes of text says nothing.
    let one_sided = |many: usize, few: usize| many >= 2 && many * 10 >= pairs && few * 100 <= pairs;
    if one_sided(odd, even) {
        Some(UTF_16LE)
    } else if one_sided(even, odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The byte order a UTF-32 byte-order mark says (true for big-endian), if the sample opens
/// with one.
pub fn utf32_bom(sample: &[u8]) -> Option<bool> {
    match sample.get(..4)? {
        [0xFF, 0xFE, 0, 0] => Some(false),
        [0, 0, 0xFE, 0xFF] => Some(true),
        _ => None,
    }
}

/// The byte order of UTF-32 text without a byte-order mark (true for big-endian): every group
/// of four bytes is a character, nine in ten of them in the first plane (their two high bytes
/// NUL). Text in UTF-16 has a letter where UTF-32 keeps its NULs; a binary
/// file has NULs without the pattern or values no character has.
pub fn utf32_order(sample: &[u8]) -> Option<bool> {
    if sample.len() < 8 {
        return None;
    }
    // Text is mostly in the first plane (emoji and rare ideographs aside); two UTF-16
    // characters read as one value land past it.
    let text_in = |big_endian: bool| {
        let (mut units, mut first_plane) = (0usize, 0usize);
        let all_characters = sample.chunks_exact(4).all(|u| {
            units += 1;
            let value = unit_value(u, big_endian).unwrap_or(0);
            first_plane += usize::from(value <= 0xFFFF);
            value != 0 && char::from_u32(value).is_some()
        });
        all_characters && first_plane * 10 >= units * 9
    };
    if text_in(false) {
        Some(false)
    } else if text_in(true) {
        Some(true)
    } else {
        None
    }
}

/// The characters of UTF-32 bytes, a value that is no character and a cut last group as
/// U+FFFD.
pub fn utf32_chars(bytes: &[u8], big_endian: bool) -> impl Iterator<Item = char> + '_ {
    bytes.chunks(4).map(move |unit| {
        unit_value(unit, big_endian)
            .and_then(char::from_u32)
            .unwrap_or(char::REPLACEMENT_CHARACTER)
    })
}

/// Four bytes as a number in the byte order given; None for fewer.
fn unit_value(unit: &[u8], big_endian: bool) -> Option<u32> {
    let bytes: [u8; 4] = unit.try_into().ok()?;
    Some(if big_endian {
        u32::from_be_bytes(bytes)
    } else {
        u32::from_le_bytes(bytes)
    })
}

/// How much of a sample is UTF-8: its valid non-ASCII characters and its invalid sequences.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Utf8Share {
    /// Characters of two bytes or more that are valid UTF-8.
    pub multibyte: usize,
    /// Sequences that are not UTF-8 (each counted once, however many bytes).
    pub invalid: usize,
    /// Bytes at the very end that begin a character but stop short of finishing it.
    pub cut_at_end: usize,
}

impl Utf8Share {
    pub fn count(sample: &[u8]) -> Utf8Share {
        let mut share = Utf8Share::default();
        let mut rest = sample;
        loop {
            match std::str::from_utf8(rest) {
                Ok(valid) => {
                    share.multibyte += lead_bytes(valid.as_bytes());
                    return share;
                }
                Err(err) => {
                    let (valid, after) = rest.split_at(err.valid_up_to());
                    share.multibyte += lead_bytes(valid);
                    match err.error_len() {
                        Some(len) => {
                            share.invalid += 1;
                            rest = &after[len..];
                        }
                        None => {
                            share.cut_at_end = after.len();
                            return share;
                        }
                    }
                }
            }
        }
    }

    /// More of the non-ASCII characters are valid UTF-8 than not: the text is UTF-8 with some
    /// broken bytes, not a legacy encoding (whose accented letters are almost never valid
    /// UTF-8 by chance).
    pub fn mostly_utf8(&self) -> bool {
        self.multibyte > self.invalid
    }
}

/// The characters of two bytes or more in valid UTF-8: its lead bytes.
fn lead_bytes(valid: &[u8]) -> usize {
    valid.iter().filter(|&&b| b >= 0xC0).count()
}

/// True when too many characters are replacement characters or controls no text uses.
/// ESC and BEL are not counted: a text full of escape sequences is hostile, not binary, and is
/// shown sanitized.
pub fn looks_binary(text: &str) -> bool {
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

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|unit| {
                if big_endian {
                    unit.to_be_bytes()
                } else {
                    unit.to_le_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn utf16_is_told_by_its_nul_bytes_in_either_order() {
        let text = "Call me Ishmael. Some years ago — never mind how long — Москва, 東京.";
        assert_eq!(utf16_order(&utf16(text, false)), Some(UTF_16LE));
        assert_eq!(utf16_order(&utf16(text, true)), Some(UTF_16BE));
        assert_eq!(
            judge_head(&utf16(text, false), true),
            Verdict::Utf16(UTF_16LE)
        );
        assert_eq!(
            judge_head(&utf16(text, true), true),
            Verdict::Utf16(UTF_16BE)
        );
    }

    #[test]
    fn nuls_on_both_sides_are_binary() {
        let mut bytes = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00".to_vec();
        bytes.extend((0..=255u8).cycle().take(4096));
        assert_eq!(utf16_order(&bytes), None);
        assert_eq!(judge_head(&bytes, true), Verdict::Binary(NUL_BYTES));
        assert_eq!(judge_head(&[0; 4096], false), Verdict::Binary(NUL_BYTES));
    }

    #[test]
    fn utf16_shaped_controls_are_refused_with_the_flag_that_would_read_them() {
        // NULs one side, and on the other bytes that make only control characters.
        let bytes: Vec<u8> = (0..2000u32).flat_map(|i| [(i % 8 + 1) as u8, 0]).collect();
        assert_eq!(judge_head(&bytes, true), Verdict::Binary(NUL_BYTES_UTF16LE));
        let swapped: Vec<u8> = bytes.chunks(2).flat_map(|p| [p[1], p[0]]).collect();
        assert_eq!(
            judge_head(&swapped, true),
            Verdict::Binary(NUL_BYTES_UTF16BE)
        );
    }

    #[test]
    fn utf8_shares_count_characters_and_broken_sequences() {
        let share = Utf8Share::count("café déjà".as_bytes());
        assert_eq!(
            share,
            Utf8Share {
                multibyte: 3,
                invalid: 0,
                cut_at_end: 0
            }
        );
        let share = Utf8Share::count(b"caf\xE9 d\xC3\xA9j\xC3\xA0 \xE2\x82");
        assert_eq!(
            share,
            Utf8Share {
                multibyte: 2,
                invalid: 1,
                cut_at_end: 2
            }
        );
        assert!(share.mostly_utf8());
        // Latin-1: every accented letter is a broken sequence.
        assert!(!Utf8Share::count(b"caf\xE9 d\xE9j\xE0").mostly_utf8());
    }

    #[test]
    fn a_character_cut_by_the_block_is_not_an_error_unless_the_file_ends_there() {
        let mut bytes = "naïve ".repeat(10).into_bytes();
        bytes.extend(b"\xE2\x82");
        assert_eq!(judge_head(&bytes, false), Verdict::Text);
    }

    #[test]
    fn noise_is_binary_and_prose_is_not() {
        let noise: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8 | 0x80)
            .collect();
        assert_eq!(judge_head(&noise, true), Verdict::Binary(NOT_TEXT));
        let (latin, _, _) = encoding_rs::WINDOWS_1252.encode("Le cœur a ses raisons à lui.");
        assert_eq!(judge_head(&latin, true), Verdict::Text);
        assert_eq!(judge_head(b"", true), Verdict::Text);
    }
}
