//! Words for the outline's statistics: tokens, the text's language (by its stop words), stop
//! word lists and Snowball stems. A [`Vocabulary`] gives each distinct stem an id once, so
//! segmenting and labelling a whole book stays cheap.

use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    English,
    German,
    French,
    Spanish,
    Italian,
    Portuguese,
    Russian,
    Indonesian,
    Hindi,
    Urdu,
    /// No list matched (or a script without spaces): no stop words, no stemming.
    Other,
}

const ENGLISH: &[&str] = &[
    "a",
    "about",
    "after",
    "all",
    "also",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "may",
    "me",
    "more",
    "most",
    "must",
    "my",
    "no",
    "not",
    "of",
    "on",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "said",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "to",
    "up",
    "upon",
    "us",
    "was",
    "we",
    "were",
    "what",
    "when",
    "which",
    "who",
    "will",
    "with",
    "would",
    "you",
    "your",
    "very",
    "now",
    "just",
    "like",
    "well",
    "even",
    "both",
    "each",
    "many",
    "much",
    "new",
    "two",
    "first",
    "made",
    "make",
    "way",
    "where",
    "while",
    "why",
    "being",
    "because",
    "before",
    "between",
    "through",
    "under",
    "again",
    "own",
    "same",
    "here",
    "still",
    "yet",
    "see",
    "say",
    "says",
    "get",
    "go",
    "going",
    "know",
    "time",
    "thing",
    "things",
    "us",
    "per",
    "via",
    "use",
    "used",
    "using",
    "must",
    "shall",
    "also",
    "however",
    "thus",
    "therefore",
    "among",
    "within",
    "without",
    // Words of dialogue and narration that say nothing of a topic.
    "cried",
    "replied",
    "asked",
    "seemed",
    "oh",
    "ah",
    "aye",
    "yes",
    "ye",
    "thee",
    "thou",
    "thy",
    "sir",
    "mr",
    "mrs",
    "almost",
    "quite",
    "rather",
    "perhaps",
    "indeed",
    "though",
    "never",
    "ever",
    "every",
    "nothing",
    "something",
    "anything",
    "another",
    "whose",
    "whom",
    "might",
    "till",
    "until",
    "cannot",
    "toward",
    "towards",
    "already",
    "during",
    "since",
    "against",
    "across",
    "around",
    "behind",
    "beyond",
    "whether",
    "although",
    "unless",
    "else",
    "too",
];
const GERMAN: &[&str] = &[
    "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "den", "dem", "des", "mit",
    "sich", "auf", "für", "von", "im", "auch", "es", "an", "als", "wie", "bei", "oder", "nach",
    "aus", "wir", "sie", "er", "ich", "sind",
];
const FRENCH: &[&str] = &[
    "le", "la", "les", "de", "des", "du", "un", "une", "et", "est", "en", "que", "qui", "dans",
    "pour", "pas", "sur", "au", "aux", "avec", "ce", "il", "elle", "ne", "se", "par", "plus",
    "sont", "nous", "vous", "ou", "mais",
];
const SPANISH: &[&str] = &[
    "el", "la", "los", "las", "de", "del", "y", "en", "que", "un", "una", "es", "por", "con",
    "para", "se", "no", "al", "lo", "como", "más", "su", "sus", "pero", "este", "esta", "ha",
    "son", "ya", "o", "fue", "muy",
];
const ITALIAN: &[&str] = &[
    "il", "lo", "la", "gli", "le", "di", "del", "della", "e", "che", "un", "una", "per", "non",
    "con", "sono", "nel", "alla", "si", "da", "in", "è", "anche", "come", "più", "ma", "dei",
    "delle", "al", "questo", "essere", "ha",
];
const PORTUGUESE: &[&str] = &[
    "o", "a", "os", "as", "de", "do", "da", "dos", "das", "e", "que", "em", "um", "uma", "para",
    "com", "não", "no", "na", "por", "se", "mais", "é", "ao", "como", "seu", "sua", "mas", "ou",
    "foi", "são", "também",
];
const RUSSIAN: &[&str] = &[
    "и", "в", "не", "на", "что", "с", "по", "это", "как", "к", "а", "но", "из", "у", "за", "о",
    "от", "же", "для", "так", "она", "он", "они", "все", "то", "бы", "ее", "её", "его", "был",
    "была", "уже",
];
/// Postpositions, pronouns and auxiliaries, which Hindi writes as words of their own.
const HINDI: &[&str] = &[
    "के",
    "की",
    "का",
    "को",
    "में",
    "से",
    "है",
    "हैं",
    "और",
    "या",
    "ने",
    "पर",
    "कि",
    "यह",
    "वह",
    "ये",
    "वे",
    "एक",
    "भी",
    "तो",
    "ही",
    "लिए",
    "था",
    "थे",
    "थी",
    "हो",
    "होगा",
    "होगी",
    "होंगे",
    "हों",
    "होने",
    "होता",
    "होती",
    "करने",
    "करना",
    "किया",
    "किये",
    "किए",
    "कर",
    "करता",
    "करती",
    "करते",
    "गया",
    "गयी",
    "गई",
    "गए",
    "द्वारा",
    "साथ",
    "तथा",
    "इस",
    "उस",
    "इन",
    "उन",
    "जो",
    "जिस",
    "जिन",
    "अपने",
    "अपनी",
    "अपना",
    "सभी",
    "कोई",
    "किसी",
    "प्रत्येक",
    "हर",
    "न",
    "नहीं",
    "बिना",
    "अन्य",
    "जा",
    "सकता",
    "सकती",
    "सकते",
    "रहा",
    "रही",
    "रहे",
    "अथवा",
    "एवं",
    "व",
    "जब",
    "तक",
    "यदि",
    "क्योंकि",
    "इसलिए",
    "उसके",
    "उसकी",
    "उसका",
    "इसके",
    "इसकी",
    "इसका",
    "उनके",
    "उनकी",
    "उनका",
];

/// The same for Urdu.
const URDU: &[&str] = &[
    "کے",
    "کی",
    "کا",
    "کو",
    "میں",
    "سے",
    "ہے",
    "ہیں",
    "اور",
    "یا",
    "نے",
    "پر",
    "کہ",
    "یہ",
    "وہ",
    "ایک",
    "بھی",
    "تو",
    "ہی",
    "لئے",
    "لیے",
    "تھا",
    "تھے",
    "تھی",
    "ہو",
    "ہوگا",
    "ہوگی",
    "ہوں",
    "ہونے",
    "ہوتا",
    "ہوتی",
    "کرنے",
    "کرنا",
    "کیا",
    "کئے",
    "کیے",
    "کر",
    "کرتا",
    "کرتی",
    "کرتے",
    "گیا",
    "گئی",
    "گئے",
    "ذریعے",
    "ساتھ",
    "اس",
    "ان",
    "جو",
    "جس",
    "جن",
    "اپنے",
    "اپنی",
    "اپنا",
    "سب",
    "کوئی",
    "کسی",
    "ہر",
    "نہ",
    "نہیں",
    "بغیر",
    "جا",
    "سکتا",
    "سکتی",
    "سکتے",
    "رہا",
    "رہی",
    "رہے",
    "اگر",
    "کیونکہ",
    "جب",
    "تک",
    "اسے",
    "انہیں",
];

const INDONESIAN: &[&str] = &[
    "dan", "yang", "di", "ke", "dari", "ini", "itu", "dengan", "untuk", "tidak", "dalam", "pada",
    "adalah", "akan", "juga", "ada", "atau", "oleh", "karena", "mereka", "kita", "sebagai",
    "telah", "bahwa", "saat", "lebih",
];

const ALL: &[Language] = &[
    Language::English,
    Language::German,
    Language::French,
    Language::Spanish,
    Language::Italian,
    Language::Portuguese,
    Language::Russian,
    Language::Indonesian,
    Language::Hindi,
    Language::Urdu,
];

/// See [`Language::is_label_filler`].
const ENGLISH_LABEL_FILLERS: &[&str] = &[
    "came",
    "come",
    "comes",
    "coming",
    "went",
    "goes",
    "gone",
    "got",
    "gets",
    "took",
    "take",
    "takes",
    "taking",
    "saw",
    "seen",
    "looked",
    "look",
    "looks",
    "looking",
    "thought",
    "think",
    "knew",
    "told",
    "tell",
    "gave",
    "give",
    "given",
    "put",
    "let",
    "began",
    "felt",
    "kept",
    "turned",
    "answered",
    "seem",
    "seems",
    "found",
    "left",
    "stood",
    "sat",
    "heard",
    "means",
    "mean",
    "shows",
    "show",
    "provides",
    "describes",
    "contain",
    "contains",
    "include",
    "includes",
    "specifies",
    "needs",
    "need",
];

impl Language {
    pub fn stopwords(self) -> &'static [&'static str] {
        match self {
            Language::English => ENGLISH,
            Language::German => GERMAN,
            Language::French => FRENCH,
            Language::Spanish => SPANISH,
            Language::Italian => ITALIAN,
            Language::Portuguese => PORTUGUESE,
            Language::Russian => RUSSIAN,
            Language::Indonesian => INDONESIAN,
            Language::Hindi => HINDI,
            Language::Urdu => URDU,
            Language::Other => &[],
        }
    }

    /// Stop words that may join the content words of a name or key phrase: prepositions and
    /// conjunctions ("lack of trust", "Fast-Fish and Loose-Fish"), then the articles that may
    /// follow one of them ("Queen of the Night"). Other stop words (verbs, pronouns, articles
    /// elsewhere) end a phrase: "shows a complete" is a clause, not a name.
    pub fn connectors(self) -> (&'static [&'static str], &'static [&'static str]) {
        match self {
            Language::English => (
                &[
                    "of", "and", "or", "for", "in", "on", "with", "at", "by", "from", "into",
                    "over", "under", "per", "without", "between", "against", "upon",
                ],
                &["a", "an", "the"],
            ),
            Language::German => (
                &[
                    "und", "oder", "für", "mit", "von", "vom", "zum", "zur", "im", "in", "auf",
                    "aus", "bei", "nach", "über", "unter", "ohne", "gegen", "an", "am",
                ],
                &[
                    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines",
                    "einem", "einen",
                ],
            ),
            Language::French => (
                &[
                    "de", "du", "des", "et", "ou", "à", "au", "aux", "en", "pour", "sur", "sans",
                    "avec", "par", "dans", "sous", "entre", "contre",
                ],
                &["la", "le", "les", "l", "un", "une"],
            ),
            Language::Spanish => (
                &[
                    "de", "del", "y", "o", "en", "para", "con", "sin", "por", "sobre", "entre",
                    "contra", "a", "al",
                ],
                &["la", "el", "los", "las", "un", "una"],
            ),
            Language::Italian => (
                &[
                    "di", "del", "della", "dello", "dei", "degli", "delle", "e", "o", "in", "per",
                    "con", "senza", "su", "sul", "sulla", "tra", "fra", "a", "al", "alla", "da",
                    "dal", "dalla", "nel", "nella",
                ],
                &["il", "lo", "la", "i", "gli", "le", "l", "un", "una", "uno"],
            ),
            Language::Portuguese => (
                &[
                    "de", "do", "da", "dos", "das", "e", "ou", "em", "no", "na", "nos", "nas",
                    "para", "com", "sem", "por", "pelo", "pela", "sobre", "entre", "a", "ao", "à",
                ],
                &["o", "os", "as", "um", "uma"],
            ),
            Language::Russian => (
                &[
                    "и",
                    "или",
                    "в",
                    "во",
                    "на",
                    "для",
                    "с",
                    "со",
                    "без",
                    "по",
                    "о",
                    "об",
                    "от",
                    "до",
                    "из",
                    "к",
                    "при",
                    "под",
                    "над",
                    "между",
                    "против",
                ],
                &[],
            ),
            Language::Indonesian => (
                &[
                    "dan", "atau", "di", "ke", "dari", "untuk", "dengan", "tanpa", "pada", "oleh",
                    "dalam", "antara", "tentang",
                ],
                &[],
            ),
            // "X के Y" is "Y of X": the postpositions of the genitive join a phrase.
            Language::Hindi => (&["और", "या", "के", "की", "का"], &[]),
            Language::Urdu => (&["اور", "یا", "کے", "کی", "کا"], &[]),
            Language::Other => (&[], &[]),
        }
    }

    /// A word that may weigh in the statistics but never makes a label: the verbs of telling
    /// and doing ("came", "thought", "shows", "provides"), which say what happens or what a text
    /// does, not what it is about. English only so far. Kept out of the stop words because
    /// segmentation measures cohesion with them, and is tuned on that.
    pub fn is_label_filler(self, word: &str) -> bool {
        self == Language::English && {
            let lower = word.to_lowercase();
            ENGLISH_LABEL_FILLERS.contains(&lower.as_str())
        }
    }

    fn algorithm(self) -> Option<Algorithm> {
        Some(match self {
            Language::English => Algorithm::English,
            Language::German => Algorithm::German,
            Language::French => Algorithm::French,
            Language::Spanish => Algorithm::Spanish,
            Language::Italian => Algorithm::Italian,
            Language::Portuguese => Algorithm::Portuguese,
            Language::Russian => Algorithm::Russian,
            Language::Indonesian | Language::Hindi | Language::Urdu | Language::Other => {
                return None;
            }
        })
    }

    /// The language whose stop words cover most of a sample of the text (at least 8 %).
    pub fn detect(text: &str) -> Language {
        Language::detect_in([text])
    }

    /// [`Language::detect`] over texts read one after another, as if joined by spaces, without
    /// joining them: the first paragraphs of a text may be one huge paragraph.
    pub fn detect_in<'t>(texts: impl IntoIterator<Item = &'t str>) -> Language {
        let mut counts = [0usize; ALL.len()];
        let mut total = 0usize;
        for word in texts.into_iter().flat_map(tokens).take(5000) {
            total += 1;
            let lower = word.to_lowercase();
            for (i, lang) in ALL.iter().enumerate() {
                if lang.stopwords().contains(&lower.as_str()) {
                    counts[i] += 1;
                }
            }
        }
        let best = (0..ALL.len()).max_by_key(|&i| counts[i]).unwrap_or(0);
        if total > 0 && counts[best] * 100 >= total * 8 {
            ALL[best]
        } else {
            Language::Other
        }
    }
}

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

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// Katakana, with its long-vowel mark and small forms.
pub fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | '\u{30FC}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}')
}

/// Words: runs of letters and digits (inner apostrophes and hyphens kept); each CJK ideograph,
/// hiragana or Hangul syllable block is a word of its own, a katakana run one word.
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
            let word = &rest[..end];
            rest = &rest[end..];
            if !word.is_empty() {
                return Some(word);
            }
        }
    })
}

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

/// Stem ids for a document: each lower-cased word is stemmed once and given an id.
pub struct Vocabulary {
    lang: Language,
    stemmer: Option<Stemmer>,
    by_word: HashMap<String, Option<u32>>,
    by_stem: HashMap<String, u32>,
}

impl Vocabulary {
    pub fn new(lang: Language) -> Self {
        Vocabulary {
            lang,
            stemmer: lang.algorithm().map(Stemmer::create),
            by_word: HashMap::new(),
            by_stem: HashMap::new(),
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

    /// The stem id of a word, or None for a stop word.
    /// The stem id of a word already met by [`Vocabulary::id`], without adding anything.
    pub fn known(&self, word: &str) -> Option<u32> {
        self.by_word.get(word).copied().flatten()
    }

    pub fn id(&mut self, word: &str) -> Option<u32> {
        if let Some(&id) = self.by_word.get(word) {
            return id;
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
        self.by_word.insert(word.to_string(), id);
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hindi_and_urdu_are_told_by_their_postpositions() {
        let hindi = "प्रत्येक व्यक्ति को जीवन, स्वाधीनता और वैयक्तिक सुरक्षा का अधिकार है।";
        assert_eq!(Language::detect(hindi), Language::Hindi);
        assert_eq!(
            content_stems(hindi, Language::Hindi),
            ["व्यक्ति", "जीवन", "स्वाधीनता", "वैयक्तिक", "सुरक्षा", "अधिकार"]
        );
        let urdu = "ہر شخص کو اپنی جان، آزادی اور ذاتی تحفظ کا حق ہے۔";
        assert_eq!(Language::detect(urdu), Language::Urdu);
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

    #[test]
    fn language_by_stop_words() {
        assert_eq!(
            Language::detect("The cat sat on the mat and it was happy with the sun."),
            Language::English
        );
        assert_eq!(
            Language::detect("Der Hund ist nicht auf dem Sofa und die Katze auch nicht."),
            Language::German
        );
        assert_eq!(Language::detect("銀河鉄道の夜"), Language::Other);
    }

    #[test]
    fn language_over_several_texts_reads_them_as_one_sample() {
        let german = [
            "Der Hund ist nicht",
            "auf dem Sofa und die Katze auch nicht.",
        ];
        assert_eq!(Language::detect_in(german), Language::German);
        // The sample ends after its first 5000 words, wherever the texts divide them.
        let names = "Zyx ".repeat(5000);
        let english = "The cat sat on the mat and it was happy with the sun.";
        assert_eq!(
            Language::detect_in([names.as_str(), english]),
            Language::detect(&format!("{names} {english}"))
        );
        assert_eq!(
            Language::detect_in([names.as_str(), english]),
            Language::Other
        );
        assert_eq!(Language::detect_in([english]), Language::English);
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
}
