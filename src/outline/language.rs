//! The languages the outline knows: each one's stop words, the words that may join a key
//! phrase, the verbs that never make a label, its Snowball stemmer, and how a text's language
//! is told (by which list of stop words covers most of a sample of it).

use rust_stemmers::Algorithm;

use super::tokens::tokens;

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
    /// The language's hyphenation patterns, for breaking words at their syllables; `None` for
    /// languages without any here (or whose script is not hyphenated with a visible mark).
    pub fn hyphenation(self) -> Option<hypher::Lang> {
        match self {
            Language::English => Some(hypher::Lang::English),
            Language::German => Some(hypher::Lang::German),
            Language::French => Some(hypher::Lang::French),
            Language::Spanish => Some(hypher::Lang::Spanish),
            Language::Italian => Some(hypher::Lang::Italian),
            Language::Portuguese => Some(hypher::Lang::Portuguese),
            Language::Russian => Some(hypher::Lang::Russian),
            Language::Indonesian | Language::Hindi | Language::Urdu | Language::Other => None,
        }
    }

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

    pub(super) fn algorithm(self) -> Option<Algorithm> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hindi_and_urdu_are_told_by_their_postpositions() {
        let hindi = "प्रत्येक व्यक्ति को जीवन, स्वाधीनता और वैयक्तिक सुरक्षा का अधिकार है।";
        assert_eq!(Language::detect(hindi), Language::Hindi);
        let urdu = "ہر شخص کو اپنی جان، آزادی اور ذاتی تحفظ کا حق ہے۔";
        assert_eq!(Language::detect(urdu), Language::Urdu);
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
}
