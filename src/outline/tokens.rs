//! Splitting text into words for the outline: runs of letters and digits, with the marks that
//! extend a letter kept inside the word; each CJK ideograph, hiragana or Hangul syllable block a
//! word of its own, a katakana run one word. The bottom of the outline's word handling: it
//! knows no languages.

use unicode_segmentation::UnicodeSegmentation;

/// A mark that belongs to the letter before it rather than starting anything: a virama
/// ("न्याय" is one word, not "न" and "याय"), a vowel sign, a joiner. Such a character is not
/// alphanumeric, yet cuts no word: it extends the grapheme it follows.
fn extends_a_letter(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 8];
    buf[0] = b'a';
    let len = 1 + c.encode_utf8(&mut buf[1..]).len();
    std::str::from_utf8(&buf[..len]).is_ok_and(|pair| pair.graphemes(true).nth(1).is_none())
}

/// A CJK ideograph or radical: each is a word on its own. (Korean spaces its words: a run of
/// Hangul syllables is a word, see [`korean_stem`].)
pub fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF)
}

/// A Hangul syllable block.
fn is_hangul_syllable(c: char) -> bool {
    matches!(c as u32, 0xAC00..=0xD7A3)
}

/// Particles and endings that follow a Korean word inside its space-separated unit (eojeol):
/// the topic is the word before them ("헌법은" → "헌법", "선거에서" → "선거"). Longest first.
const KOREAN_ENDINGS: &[&str] = &[
    "에서는",
    "에게서",
    "으로써",
    "으로서",
    "이라는",
    "에서",
    "에게",
    "으로",
    "부터",
    "까지",
    "처럼",
    "보다",
    "라는",
    "한다",
    "된다",
    "이다",
    "하여",
    "하는",
    "하고",
    "하며",
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "의",
    "에",
    "로",
    "와",
    "과",
    "도",
    "만",
];

/// A particle or an ending standing alone ("한다", "보다"): grammar, never a topic.
pub fn is_korean_ending(word: &str) -> bool {
    KOREAN_ENDINGS.contains(&word)
}

/// A Korean word without the particle or ending after it, when at least two syllables stay.
pub fn korean_stem(word: &str) -> &str {
    if !word.chars().all(is_hangul_syllable) {
        return word;
    }
    KOREAN_ENDINGS
        .iter()
        .filter_map(|ending| word.strip_suffix(ending))
        .find(|stem| stem.chars().count() >= 2)
        .unwrap_or(word)
}

/// Katakana, with its long-vowel mark and small forms.
pub fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | '\u{30FC}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}')
}

/// Words: runs of letters and digits (inner apostrophes and hyphens kept); each CJK ideograph
/// or hiragana is a word of its own, a katakana run one word, a Korean word its stem.
pub fn tokens(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        loop {
            let start = rest
                .char_indices()
                .find(|&(_, c)| c.is_alphanumeric())
                .map(|(i, _)| i)?;
            rest = &rest[start..];
            let first = rest.chars().next()?;
            if is_katakana(first) {
                // A katakana run is one word: a name or a borrowed word ("ジョバンニ").
                let len = rest
                    .char_indices()
                    .find(|&(_, c)| !is_katakana(c))
                    .map_or(rest.len(), |(i, _)| i);
                let word = &rest[..len];
                rest = &rest[len..];
                return Some(word);
            }
            if is_wide(first) {
                let len = first.len_utf8();
                let word = &rest[..len];
                rest = &rest[len..];
                return Some(word);
            }
            let mut end = 0;
            let mut chars = rest.char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                let joiner = matches!(c, '\'' | '’' | '-')
                    && chars
                        .peek()
                        .is_some_and(|&(_, n)| n.is_alphanumeric() && !is_wide(n));
                let letter = c.is_alphanumeric() && !is_wide(c);
                if letter || joiner || (end > 0 && extends_a_letter(c)) {
                    end = i + c.len_utf8();
                } else {
                    break;
                }
            }
            let word = korean_stem(&rest[..end]);
            rest = &rest[end..];
            if !word.is_empty() {
                return Some(word);
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_words_are_whole_without_their_particles() {
        let got: Vec<&str> =
            tokens("대한민국은 민주공화국이다. 국회의원은 선거에서 국민이 뽑는다").collect();
        assert_eq!(
            got,
            [
                "대한민국",
                "민주공화국",
                "국회의원",
                "선거",
                "국민",
                "뽑는다"
            ]
        );
        // A short word keeps its last syllable: no stem of one syllable.
        assert_eq!(korean_stem("법은"), "법은");
        assert_eq!(korean_stem("word"), "word");
    }

    #[test]
    fn a_virama_or_vowel_sign_does_not_cut_a_word() {
        // Devanagari "justice" and "friendship" have a virama inside; Bengali too.
        let got: Vec<&str> = tokens("न्याय और मैत्री, স্বাধীনতা").collect();
        assert_eq!(got, vec!["न्याय", "और", "मैत्री", "স্বাধীনতা"]);
        // A mark with nothing before it starts no word.
        assert_eq!(tokens("\u{94D} word").collect::<Vec<_>>(), vec!["word"]);
        assert!(extends_a_letter('\u{94D}') && !extends_a_letter('-') && !extends_a_letter(' '));
    }

    #[test]
    fn tokens_keep_inner_apostrophes_and_split_cjk() {
        let got: Vec<&str> = tokens("China’s G20 summit — well-known; 銀河").collect();
        assert_eq!(
            got,
            vec!["China’s", "G20", "summit", "well-known", "銀", "河"]
        );
        let got: Vec<&str> = tokens("ジョバンニは銀河ステーション・ケンタウル祭").collect();
        assert_eq!(
            got,
            vec![
                "ジョバンニ",
                "は",
                "銀",
                "河",
                "ステーション",
                "ケンタウル",
                "祭"
            ]
        );
    }
}
