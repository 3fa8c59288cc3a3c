//! Words for the outline's statistics: tokens, content words and Snowball stems, for the
//! language told by [`super::language`]. A [`Vocabulary`] gives each distinct stem an id once,
//! so segmenting and labelling a whole book stays cheap.

use rust_stemmers::Stemmer;
use rustc_hash::FxHashMap;

pub use super::language::Language;
pub use super::tokens::{is_katakana, is_wide, tokens};

/// Stems of the content words of a text (stop words, numbers and one-letter words left out).
pub fn content_stems(text: &str, lang: Language) -> Vec<String> {
    let stemmer = lang.algorithm().map(Stemmer::create);
    tokens(text)
        .filter_map(|w| {
            if is_jumbled(w) {
                return None;
            }
            let lower = without_possessive(w).to_lowercase();
            if !is_content(&lower, lang) {
                return None;
            }
            Some(
                stemmer
                    .as_ref()
                    .map_or(lower.clone(), |s| s.stem(&lower).into_owned()),
            )
        })
        .collect()
}

fn is_content(lower: &str, lang: Language) -> bool {
    let first = lower.chars().next().unwrap_or(' ');
    let chars = lower.chars().count();
    (chars >= 2 || is_wide(first) && !is_kana_ending(first))
        && chars <= 24
        && lower.chars().any(char::is_alphabetic)
        && !lang.stopwords().contains(&lower)
        && !contracts_a_stop_word(lower, lang)
        && !super::tokens::is_korean_ending(lower)
}

/// Hiragana carry Japanese grammar (particles, endings); the topic is in kanji and katakana.
fn is_kana_ending(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x309F)
}

/// "I'm", "don't", "you're", "it'll": a stop word with a contraction is still one.
fn contracts_a_stop_word(lower: &str, lang: Language) -> bool {
    let lower = lower.replace('’', "'");
    ["n't", "'m", "'re", "'ll", "'ve", "'d", "'s"]
        .iter()
        .filter_map(|ending| lower.strip_suffix(ending))
        .any(|base| lang.stopwords().contains(&base) || matches!(base, "ca" | "wo" | "sha" | "i"))
}

/// A word without its possessive ending: "whale’s" → "whale", "Jones'" → "Jones".
fn without_possessive(word: &str) -> &str {
    for ending in ["'s", "’s", "'", "’"] {
        if let Some(stem) = word.strip_suffix(ending)
            && !stem.is_empty()
        {
            return stem;
        }
    }
    word
}

/// Letters that switch from lower to upper case inside a word twice or more ("VHrgOxzdQGG"): an encoded
/// string or an identifier, not a word.
fn is_jumbled(word: &str) -> bool {
    let mut switches = 0;
    let mut previous_lower = None;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        let lower = c.is_lowercase();
        if previous_lower.is_some_and(|p| p && !lower) {
            switches += 1;
        }
        previous_lower = Some(lower);
    }
    switches >= 2
}

/// Stem ids for a document: each lower-cased word is stemmed once and given an id. Words are
/// looked up as they are written, with a fast hash (the keys are the document's own words, not
/// chosen to collide): a token costs one lookup, no allocation and no lower-casing.
pub struct Vocabulary {
    lang: Language,
    stemmer: Option<Stemmer>,
    by_word: FxHashMap<String, Word>,
    by_stem: FxHashMap<String, u32>,
}

/// What is known of a word as written.
#[derive(Debug, Clone, Copy)]
struct Word {
    /// Its stem id, None for a stop word.
    id: Option<u32>,
    /// It may weigh in the statistics but never makes a label ([`Language::is_label_filler`]).
    filler: bool,
}

impl Vocabulary {
    pub fn new(lang: Language) -> Self {
        Vocabulary {
            lang,
            stemmer: lang.algorithm().map(Stemmer::create),
            by_word: FxHashMap::default(),
            by_stem: FxHashMap::default(),
        }
    }

    pub fn language(&self) -> Language {
        self.lang
    }

    pub fn len(&self) -> usize {
        self.by_stem.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_stem.is_empty()
    }

    /// The stem id of a word already met by [`Vocabulary::id`], without adding anything.
    pub fn known(&self, word: &str) -> Option<u32> {
        self.by_word.get(word).and_then(|w| w.id)
    }

    /// The stem id of a word already met, unless it is a word that never makes a label.
    pub fn known_for_label(&self, word: &str) -> Option<u32> {
        self.by_word
            .get(word)
            .and_then(|w| if w.filler { None } else { w.id })
    }

    /// The stem id of a word, or None for a stop word.
    pub fn id(&mut self, word: &str) -> Option<u32> {
        if let Some(known) = self.by_word.get(word) {
            return known.id;
        }
        let lower = without_possessive(word).to_lowercase();
        let id = if !is_jumbled(word) && is_content(&lower, self.lang) {
            let stem = self
                .stemmer
                .as_ref()
                .map_or(lower.clone(), |s| s.stem(&lower).into_owned());
            let next = self.by_stem.len() as u32;
            Some(*self.by_stem.entry(stem).or_insert(next))
        } else {
            None
        };
        let filler = self.lang.is_label_filler(word);
        self.by_word.insert(word.to_string(), Word { id, filler });
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hindi_content_words_leave_out_its_postpositions() {
        let hindi = "प्रत्येक व्यक्ति को जीवन, स्वाधीनता और वैयक्तिक सुरक्षा का अधिकार है।";
        assert_eq!(
            content_stems(hindi, Language::Hindi),
            ["व्यक्ति", "जीवन", "स्वाधीनता", "वैयक्तिक", "सुरक्षा", "अधिकार"]
        );
    }

    #[test]
    fn possessives_numbers_and_codes_are_no_content_words() {
        assert_eq!(
            content_stems(
                "the blacksmith’s forge, Listing 2-5, VHrgOxzdQGGCZzi",
                Language::English
            ),
            vec!["blacksmith", "forg", "list"]
        );
    }

    #[test]
    fn contractions_of_stop_words_and_kana_endings_are_no_content_words() {
        assert!(
            content_stems("I’m sure you're right, don't go", Language::English)
                .iter()
                .all(|s| ["sure", "right"].contains(&s.as_str()))
        );
        assert_eq!(
            content_stems("鳥を捕る人", Language::Other),
            vec!["鳥", "捕", "人"]
        );
    }

    #[test]
    fn stems_join_inflections() {
        let a = content_stems("Building trust", Language::English);
        let b = content_stems("builds the trusted", Language::English);
        assert_eq!(a, b);
    }

    #[test]
    fn a_filler_keeps_its_stem_id_but_names_nothing() {
        let mut vocab = Vocabulary::new(Language::English);
        let came = vocab.id("Came");
        let whale = vocab.id("whale");
        assert!(came.is_some() && whale.is_some());
        assert_eq!(vocab.known("Came"), came);
        assert_eq!(vocab.known_for_label("Came"), None);
        assert_eq!(vocab.known_for_label("whale"), whale);
        assert_eq!(vocab.known_for_label("unseen"), None);
        assert_eq!(vocab.id("the"), None);
    }
}
