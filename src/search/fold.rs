//! Folding text for matching: a copy of each block with case folded, accents (combining
//! diacritics) dropped and runs of whitespace collapsed to one space, plus a map from every
//! folded byte back to the original byte it came from. Matching runs on the folded copy; the
//! map turns a hit back into a byte range of the original block text.

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

/// Append the folded form of `text` to `out`, pushing for every byte appended the offset (in
/// `text`) of the character it came from, plus `base`.
pub fn fold_into(text: &str, folding: Folding, out: &mut String, origin: &mut Vec<u32>, base: u32) {
    let mut in_space = false;
    for (at, c) in text.char_indices() {
        let at = base + at as u32;
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
                origin.push(at);
            }
            in_space = true;
            continue;
        }
        in_space = false;
        if c.is_ascii() {
            out.push(if folding.case {
                c.to_ascii_lowercase()
            } else {
                c
            });
            origin.push(at);
            continue;
        }
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
        origin.resize(out.len(), at);
    }
}

/// Fold a query the way the text is folded.
pub fn fold_str(text: &str, folding: Folding) -> String {
    let mut out = String::with_capacity(text.len());
    let mut origin = Vec::new();
    fold_into(text, folding, &mut out, &mut origin, 0);
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
    fn kana_voicing_marks_are_not_accents() {
        // が decomposes to か + U+3099; dropping the mark would make が match か.
        assert_eq!(fold_str("が", ALL), "か\u{3099}");
        assert!(has_accent("café"));
        assert!(!has_accent("cafe"));
        assert!(!has_accent("が"));
    }
}
