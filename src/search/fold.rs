//! Folding text for matching: a copy of each block with case folded, accents (combining
//! diacritics) dropped and runs of whitespace collapsed to one space, plus a map from every
//! folded byte back to the original byte it came from (made only when it is needed). Matching
//! runs on the folded copy; the map turns a hit back into a byte range of the original block
//! text.

use unicode_normalization::char::decompose_canonical;

/// Which differences a search ignores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Folding {
    /// Upper and lower case match each other.
    pub case: bool,
    /// "e" matches "é", "è", "e\u{301}" …
    pub accents: bool,
}

/// A combining diacritic of the kind readers treat as an accent on a letter. Only the
/// diacritic blocks: marks that are letters' vowels in other scripts (Devanagari signs,
/// Japanese voicing marks) change the word and are kept.
pub fn is_accent(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// True when a query asks for accents by containing one (composed or not).
pub fn has_accent(text: &str) -> bool {
    let mut found = false;
    for c in text.chars().filter(|c| !c.is_ascii()) {
        decompose_canonical(c, |d| found |= is_accent(d));
    }
    found
}

/// True when a query has an upper-case letter, which makes the search case-sensitive.
pub fn has_upper(text: &str) -> bool {
    text.chars().any(char::is_uppercase)
}

/// Where folding records, for every byte it appends, the byte of the source it came from. A
/// search folds each block once without it (most blocks have no hit), and again with it only
/// for a block whose hits must be turned back into ranges of the original text.
pub trait Origins {
    /// The folded text has grown to `len` bytes, all of them from the source byte `at`.
    fn extend_to(&mut self, len: usize, at: u32);
}

impl Origins for Vec<u32> {
    fn extend_to(&mut self, len: usize, at: u32) {
        self.resize(len, at);
    }
}

/// Folding without the map back: matching alone needs none.
pub struct NoOrigins;

impl Origins for NoOrigins {
    fn extend_to(&mut self, _len: usize, _at: u32) {}
}

/// Append the folded form of `text` to `out`, pushing for every byte appended the offset (in
/// `text`) of the character it came from, plus `base`.
pub fn fold_into(text: &str, folding: Folding, out: &mut String, origin: &mut Vec<u32>, base: u32) {
    fold_with(text, folding, out, origin, base);
}

/// Append the folded form of `text` to `out`, without the map back.
pub fn fold_text(text: &str, folding: Folding, out: &mut String) {
    fold_with(text, folding, out, &mut NoOrigins, 0);
}

/// The folding itself. ASCII, most of most texts, is taken a byte at a time without decoding;
/// only other characters go through the Unicode tables.
pub fn fold_with<O: Origins>(
    text: &str,
    folding: Folding,
    out: &mut String,
    origin: &mut O,
    base: u32,
) {
    let mut in_space = false;
    let mut at = 0;
    let bytes = text.as_bytes();
    while let Some(&byte) = bytes.get(at) {
        let source = base + at as u32;
        if byte.is_ascii() {
            at += 1;
            if is_ascii_space(byte) {
                if !in_space {
                    out.push(' ');
                    origin.extend_to(out.len(), source);
                }
                in_space = true;
                continue;
            }
            in_space = false;
            let byte = if folding.case {
                byte.to_ascii_lowercase()
            } else {
                byte
            };
            out.push(char::from(byte));
            origin.extend_to(out.len(), source);
            continue;
        }
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        at += c.len_utf8();
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
                origin.extend_to(out.len(), source);
            }
            in_space = true;
            continue;
        }
        if is_invisible_in_a_word(c) {
            continue;
        }
        in_space = false;
        if is_plain_ideograph(c) {
            out.push(c);
        } else {
            // Canonical decomposition on both sides makes "é" and "e\u{301}" the same text.
            decompose_canonical(c, |d| {
                if folding.accents && is_accent(d) {
                    return;
                }
                if folding.case {
                    push_case_folded(d, out);
                } else {
                    out.push(d);
                }
            });
        }
        origin.extend_to(out.len(), source);
    }
}

/// Marks set inside words that show nothing there: the soft hyphen (a place a word may break:
/// German and Dutch pages set one in most long words), the zero-width space and word joiner,
/// and a byte-order mark left inside the text. "Während" must find "Wäh\u{ad}rend". They are
/// left out of the folded text, so a match may span them.
fn is_invisible_in_a_word(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}' | '\u{2060}' | '\u{feff}')
}

/// The ASCII characters `char::is_whitespace` counts: tab, line feed, vertical tab, form feed,
/// carriage return and space.
fn is_ascii_space(byte: u8) -> bool {
    matches!(byte, b'\t'..=b'\r' | b' ')
}

/// Fold a query the way the text is folded.
pub fn fold_str(text: &str, folding: Folding) -> String {
    let mut out = String::with_capacity(text.len());
    fold_text(text, folding, &mut out);
    out
}

/// Ideographs have no case and no decomposition: skip the table lookups (most of a CJK text).
fn is_plain_ideograph(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{3001}'..='\u{303F}')
}

/// Unicode case folding: lower case, plus the full foldings where lower case is not enough
/// (ß and ẞ are "ss", final sigma is sigma, long s is s, the Latin ligatures spell out).
fn push_case_folded(c: char, out: &mut String) {
    let special = match c {
        'ß' | 'ẞ' => "ss",
        'ς' => "σ",
        'ſ' => "s",
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        'ϐ' => "β",
        'ϑ' => "θ",
        'ϕ' => "φ",
        'ϖ' => "π",
        'ϰ' => "κ",
        'ϱ' => "ρ",
        'ϵ' => "ε",
        'ẛ' => "ṡ",
        '\u{1FBE}' => "ι",
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push_str(special);
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: Folding = Folding {
        case: true,
        accents: true,
    };

    #[test]
    fn folds_case_accents_and_space() {
        assert_eq!(fold_str("Café  au\nLAIT", ALL), "cafe au lait");
        assert_eq!(fold_str("Cafe\u{301}", ALL), "cafe");
        assert_eq!(fold_str("Straße", ALL), "strasse");
        assert_eq!(fold_str("ΣΟΦΟΣ σοφος", ALL), "σοφοσ σοφοσ");
        let keep = Folding {
            case: false,
            accents: false,
        };
        assert_eq!(fold_str("Café", keep), "Cafe\u{301}");
    }

    #[test]
    fn origin_points_at_source_characters() {
        let mut out = String::new();
        let mut origin = Vec::new();
        fold_into("aé ß", ALL, &mut out, &mut origin, 10);
        assert_eq!(out, "ae ss");
        assert_eq!(origin, vec![10, 11, 13, 14, 14]);
    }

    #[test]
    fn soft_hyphens_and_zero_width_spaces_are_left_out() {
        assert_eq!(fold_str("Wäh\u{ad}rend", ALL), "wahrend");
        assert_eq!(fold_str("Straßen\u{200b}bahn\u{2060}", ALL), "strassenbahn");
        let mut out = String::new();
        let mut origin = Vec::new();
        fold_into("a\u{ad}b", ALL, &mut out, &mut origin, 0);
        assert_eq!((out.as_str(), origin), ("ab", vec![0, 3]));
    }

    #[test]
    fn kana_voicing_marks_are_not_accents() {
        // が decomposes to か + U+3099; dropping the mark would make が match か.
        assert_eq!(fold_str("が", ALL), "か\u{3099}");
        assert!(has_accent("café"));
        assert!(!has_accent("cafe"));
        assert!(!has_accent("が"));
    }

    /// Folding a character at a time, every one through the Unicode tables: the plain way the
    /// byte-at-a-time ASCII path must agree with.
    fn fold_by_char(text: &str, folding: Folding) -> (String, Vec<u32>) {
        let (mut out, mut origin) = (String::new(), Vec::new());
        let mut in_space = false;
        for (at, c) in text.char_indices() {
            if c.is_whitespace() {
                if !in_space {
                    out.push(' ');
                }
                in_space = true;
            } else if is_invisible_in_a_word(c) {
                continue;
            } else {
                in_space = false;
                decompose_canonical(c, |d| {
                    if !(folding.accents && is_accent(d)) {
                        if folding.case {
                            push_case_folded(d, &mut out);
                        } else {
                            out.push(d);
                        }
                    }
                });
            }
            origin.resize(out.len(), at as u32);
        }
        (out, origin)
    }

    proptest::proptest! {
    // Failures are kept with the tests, not at the top of the repository.
    #![proptest_config(proptest::prelude::ProptestConfig {
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::SourceParallel(
                "tests/proptest-regressions"
            )
        )),
        ..proptest::prelude::ProptestConfig::default()
    })]

        #[test]
        fn the_ascii_path_agrees_with_folding_by_character(
            text in "[a-zA-Z \\t\\n\\r\\x0b\\x0céÉßΣς行\u{a0}\u{3000}\u{301}\u{ad}\u{200b}]{0,40}",
            case: bool,
            accents: bool,
        ) {
            let folding = Folding { case, accents };
            let (mut out, mut origin) = (String::new(), Vec::new());
            fold_into(&text, folding, &mut out, &mut origin, 0);
            proptest::prop_assert_eq!((out.clone(), origin), fold_by_char(&text, folding));
            proptest::prop_assert_eq!(fold_str(&text, folding), out);
        }
    }
}
