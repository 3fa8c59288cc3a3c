//! Stretches that say what they are by their form rather than by their words: a table of
//! contents (titles run out to page numbers), a list of references (entries under citation
//! keys), acknowledgements (people thanked) and a contact address. Their words are names,
//! titles and page numbers, which make a poor key phrase ("Processing Standards · FIPS"), while
//! an editor would call them by their kind. Each kind is recognised by general rules of form,
//! never by a list of documents, and is named in the document's language.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::document::{BlockKind, Document};

use super::words::Language;

/// A kind of stretch that is named for what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StretchKind {
    Contents,
    References,
    Acknowledgements,
    /// A postal or e-mail address; `true` when there are several.
    Address(bool),
}

impl StretchKind {
    /// What the outline calls the stretch, in the document's language (English when no list of
    /// stop words matched it).
    pub fn name(self, lang: Language) -> &'static str {
        use Language::*;
        match (self, lang) {
            (StretchKind::Contents, German) => "Inhalt",
            (StretchKind::Contents, French) => "Table des matières",
            (StretchKind::Contents, Spanish | Portuguese) => "Índice",
            (StretchKind::Contents, Italian) => "Indice",
            (StretchKind::Contents, Russian) => "Содержание",
            (StretchKind::Contents, Indonesian) => "Daftar isi",
            (StretchKind::Contents, Hindi) => "विषय-सूची",
            (StretchKind::Contents, Urdu) => "فہرست",
            (StretchKind::Contents, English | Other) => "Contents",
            (StretchKind::References, German) => "Literatur",
            (StretchKind::References, French) => "Références",
            (StretchKind::References, Spanish) => "Referencias",
            (StretchKind::References, Italian) => "Riferimenti",
            (StretchKind::References, Portuguese) => "Referências",
            (StretchKind::References, Russian) => "Литература",
            (StretchKind::References, Indonesian) => "Referensi",
            (StretchKind::References, Hindi) => "संदर्भ",
            (StretchKind::References, Urdu) => "حوالہ جات",
            (StretchKind::References, English | Other) => "References",
            (StretchKind::Acknowledgements, German) => "Danksagung",
            (StretchKind::Acknowledgements, French) => "Remerciements",
            (StretchKind::Acknowledgements, Spanish) => "Agradecimientos",
            (StretchKind::Acknowledgements, Portuguese) => "Agradecimentos",
            (StretchKind::Acknowledgements, Italian) => "Ringraziamenti",
            (StretchKind::Acknowledgements, Russian) => "Благодарности",
            (StretchKind::Acknowledgements, Indonesian) => "Ucapan terima kasih",
            (StretchKind::Acknowledgements, Hindi) => "आभार",
            (StretchKind::Acknowledgements, Urdu) => "اظہار تشکر",
            (StretchKind::Acknowledgements, English | Other) => "Acknowledgements",
            (StretchKind::Address(false), German) => "Adresse",
            (StretchKind::Address(true), German) => "Adressen",
            (StretchKind::Address(false), French) => "Adresse",
            (StretchKind::Address(true), French) => "Adresses",
            (StretchKind::Address(false), Spanish) => "Dirección",
            (StretchKind::Address(true), Spanish) => "Direcciones",
            (StretchKind::Address(false), Italian) => "Indirizzo",
            (StretchKind::Address(true), Italian) => "Indirizzi",
            (StretchKind::Address(false), Portuguese) => "Endereço",
            (StretchKind::Address(true), Portuguese) => "Endereços",
            (StretchKind::Address(false), Russian) => "Адрес",
            (StretchKind::Address(true), Russian) => "Адреса",
            (StretchKind::Address(_), Indonesian) => "Alamat",
            (StretchKind::Address(false), Hindi) => "पता",
            (StretchKind::Address(true), Hindi) => "पते",
            (StretchKind::Address(false), Urdu) => "پتہ",
            (StretchKind::Address(true), Urdu) => "پتے",
            (StretchKind::Address(false), English | Other) => "Address",
            (StretchKind::Address(true), English | Other) => "Addresses",
        }
    }
}

/// The most body blocks acknowledgements or an address take: past it a stretch that thanks
/// someone is a chapter where somebody is thanked.
const SHORT_STRETCH_BLOCKS: usize = 3;
/// The most words such a short stretch has (a long list of names thanked is still short).
const SHORT_STRETCH_WORDS: usize = 300;

/// The kind of the body blocks given, when their form says it.
pub fn recognise(doc: &Document, blocks: &[usize], lang: Language) -> Option<StretchKind> {
    if blocks.is_empty() {
        return None;
    }
    let texts = || blocks.iter().map(|&b| doc.text(b));
    if is_contents(doc, blocks) {
        return Some(StretchKind::Contents);
    }
    // Notes under a reference are often set as preformatted text: only the other blocks count.
    let prose: Vec<&str> = blocks
        .iter()
        .filter(|&&b| {
            doc.blocks
                .get(b)
                .is_some_and(|block| block.kind != BlockKind::Code)
        })
        .map(|&b| doc.text(b))
        .collect();
    let references = prose.iter().filter(|t| is_reference(t)).count();
    if references >= 2 && references * 5 >= prose.len() * 3 {
        return Some(StretchKind::References);
    }
    let short = blocks.len() <= SHORT_STRETCH_BLOCKS
        && texts().map(|t| t.split_whitespace().count()).sum::<usize>() <= SHORT_STRETCH_WORDS;
    if !short {
        return None;
    }
    let addresses = texts().filter(|t| is_contact(t)).count();
    if addresses > 0 {
        return Some(StretchKind::Address(addresses > 1));
    }
    if texts().any(|t| thanks_someone(t, lang)) {
        return Some(StretchKind::Acknowledgements);
    }
    None
}

/// Most blocks are entries of a table of contents, with at least three entries in all.
fn is_contents(doc: &Document, blocks: &[usize]) -> bool {
    let mut entries = 0;
    let mut contents_blocks = 0;
    for &b in blocks {
        let Some(block) = doc.blocks.get(b) else {
            continue;
        };
        let found = if block.kind == BlockKind::Code {
            // Preformatted lines keep their ends: most of them must run out to a page number.
            let lines: Vec<&str> = block
                .text
                .lines()
                .filter(|l| !l.trim().is_empty())
                .collect();
            let ending = lines.iter().filter(|l| ends_in_page_number(l)).count();
            if ending * 5 >= lines.len().max(1) * 3 {
                ending
            } else {
                0
            }
        } else if ends_in_page_number(&block.text) {
            // Reflowed lines are joined: the leader runs inside count each entry.
            page_numbers(&block.text).max(1)
        } else {
            0
        };
        if found > 0 {
            contents_blocks += 1;
            entries += found;
        }
    }
    entries >= 3 && contents_blocks * 5 >= blocks.len() * 3
}

/// A line of a table of contents ends on a page number after a leader of dots or a wide gap:
/// "1.  Introduction . . . . .  3", "Index ........ 51", "2. INTRODUCTION        3".
fn ends_in_page_number(line: &str) -> bool {
    let line = line.trim_end();
    page_number_spans(line)
        .last()
        .is_some_and(|(title_end, end)| {
            end == line.len() && line[..title_end].chars().any(char::is_alphabetic)
        })
}

/// How many page numbers the text holds: see [`page_number_spans`].
fn page_numbers(text: &str) -> usize {
    page_number_spans(text).count()
}

/// Where the page numbers of a table of contents are: numbers of up to four digits that end a
/// word and follow a leader of four or more dots or a gap of three or more spaces. Each item is
/// the byte where the entry's title ends (the leader starts) and where its number ends. Finds
/// the entries of contents lines that reflowing joined into one paragraph.
fn page_number_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            if !bytes[i].is_ascii_digit() || (i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let ends_word = bytes.get(i).is_none_or(|b| b.is_ascii_whitespace());
            if !ends_word || i - start > 4 {
                continue;
            }
            let before = &text[..start];
            let trimmed = before.trim_end_matches(' ');
            let gap = before.len() - trimmed.len();
            let title = trimmed.trim_end_matches(['.', ' ', '·', '…']);
            if gap >= 3 || leader_dots(&trimmed[title.len()..]) >= 4 {
                return Some((title.len(), i));
            }
        }
        None
    })
}

/// The title of a table-of-contents line ("2.  Definitions of Terms . . . .  3" gives "2.
/// Definitions of Terms"), or of the first of several that were joined; None for other text.
pub fn contents_line_title(text: &str) -> Option<String> {
    if !ends_in_page_number(text) {
        return None;
    }
    let (title_end, _) = page_number_spans(text).next()?;
    let title = text[..title_end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    title.chars().any(char::is_alphabetic).then_some(title)
}

fn leader_dots(run: &str) -> usize {
    run.chars().filter(|&c| c == '.' || c == '…').count()
}

/// One entry of a list of references: a citation key in brackets ("\[RFC1034\]  Mockapetris,
/// P., …"), a reStructuredText target or footnote (".. _Docutils: https://…", ".. \[1\] …"), or a
/// Markdown link definition ("\[1\]: https://…"), followed by the reference itself.
fn is_reference(text: &str) -> bool {
    let text = text.trim_start();
    if let Some(rest) = text.strip_prefix(".. ") {
        let target = rest.starts_with('_') && rest.contains(": ");
        let footnote = rest.starts_with('[') && rest.contains("] ");
        return target || footnote;
    }
    let Some(rest) = text.strip_prefix('[') else {
        return false;
    };
    let Some(close) = rest.find(']') else {
        return false;
    };
    let key = &rest[..close];
    let after = &rest[close + 1..];
    // A citation key is a number, or a tag with digits or in capitals ("RFC1034", "Dyer 87",
    // "PKIX"), not a word set in brackets ("[Laughter]").
    let tag = key.chars().any(|c| c.is_ascii_digit())
        || (key.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !key.chars().any(char::is_lowercase));
    if !tag || key.chars().count() > 24 || key.contains('\n') {
        return false;
    }
    if let Some(url) = after.strip_prefix(':') {
        return url.trim_start().starts_with("http") || url.trim_start().starts_with('<');
    }
    // A key and then a reference: an author, a title or a year, several words in all; not a
    // bracketed remark that opens a sentence ("[Laughter] Then …").
    let words = after.split_whitespace().count();
    let cites = after.contains(['"', '“', ','])
        && after
            .split(|c: char| !c.is_ascii_digit())
            .any(|n| n.len() == 4 && (n.starts_with("19") || n.starts_with("20")));
    after.starts_with([' ', '\t']) && words >= 3 && cites
}

/// A block of contact details: one with a field of an address block ("EMail: …", "Phone: …").
fn is_contact(text: &str) -> bool {
    mentions(&CONTACT_CUES, text)
}

/// The fields of an address block, in any mix of case.
static CONTACT_CUES: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| cues(&["email:", "e-mail:", "phone:", "tel:", "fax:"]));

/// The words that thank, in English.
const ENGLISH_THANKS: &[&str] = &[
    "thank",
    "thanks",
    "thanked",
    "thanking",
    "grateful",
    "gratitude",
    "indebted",
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "acknowledgement",
    "acknowledgements",
    "acknowledgment",
    "acknowledgments",
];

/// [`ENGLISH_THANKS`] looked for in any mix of case, in one pass over a text. Most paragraphs
/// thank nobody and a book has thousands of them, so the look is a search for several words
/// at once, not a pass per word or a lower-case copy of each paragraph.
static ENGLISH_THANKS_CUES: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| cues(ENGLISH_THANKS));

/// A search for `words` (ASCII) in any mix of case; None only if it could not be built, and
/// then nothing is found.
fn cues(words: &[&str]) -> Option<AhoCorasick> {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(words)
        .ok()
}

/// Whether `text` holds any of the words `cues` looks for.
fn mentions(cues: &LazyLock<Option<AhoCorasick>>, text: &str) -> bool {
    cues.as_ref().is_some_and(|cues| cues.is_match(text))
}

/// Words that tie thanks to the making of a text: what was given ("comments", "review"), by
/// whom ("members", "the working group"), or for what ("this document"). Thanks in a story are
/// for kindness, dinner or a compliment.
const WORK_WORDS: &[&str] = &[
    "document",
    "work",
    "book",
    "paper",
    "thesis",
    "report",
    "specification",
    "draft",
    "project",
    "edition",
    "version",
    "members",
    "group",
    "contributions",
    "contributed",
    "contributors",
    "comments",
    "review",
    "reviews",
    "reviewed",
    "suggestions",
    "feedback",
    "advice",
    "assistance",
    "input",
    "ideas",
    "discussions",
    "proofreaders",
    "proofreading",
];

/// Who gives thanks in acknowledgements; in a story it is a character.
const THANKERS: &[&str] = &[
    "author",
    "authors",
    "editor",
    "editors",
    "we",
    "writer",
    "writers",
    "translator",
    "translators",
    "proofreaders",
];

/// "Thanks to …", "Special thanks go to …", "Many thanks to …".
fn opens_with_thanks(tokens: &[&str]) -> bool {
    matches!(tokens, ["thanks", ..] | ["special" | "many", "thanks", ..])
}

/// A sentence that thanks people: "The author wishes to thank …", "… express their thanks for
/// the comments", "Thanks to all members past and present." Not "thank you" or "thank God",
/// which are speech, nor "…, thanks to the lock file", which gives a cause; and not inside
/// quotes.
fn thanks_someone(text: &str, lang: Language) -> bool {
    // What ties thanks to the work is listed in English only, so far. Most paragraphs thank
    // nobody: only those with a cue are split into sentences.
    if lang != Language::English || !mentions(&ENGLISH_THANKS_CUES, text) {
        return false;
    }
    let speech = ["you", "ye", "god", "heaven", "heavens", "goodness"];
    crate::text::sentences::sentence_ranges(text)
        .into_iter()
        .any(|range| {
            let sentence = text[range].to_lowercase();
            if sentence.contains(['"', '“', '”', '«', '»']) {
                return false;
            }
            let tokens: Vec<&str> = sentence
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            tokens.iter().enumerate().any(|(i, word)| {
                let cue = ENGLISH_THANKS.contains(word);
                let next = tokens.get(i + 1).copied().unwrap_or("");
                // "Thanks to" names whom only when it opens a sentence of one clause.
                let cause = *word == "thanks" && next == "to" && (i > 0 || sentence.contains(','));
                cue && !speech.contains(&next) && !cause
            }) && tokens.iter().any(|w| WORK_WORDS.contains(w))
                && (tokens.iter().any(|w| THANKERS.contains(w)) || opens_with_thanks(&tokens))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kind of a text's body, set under a title as it would be in a document.
    fn kind_of(text: &str) -> Option<StretchKind> {
        let doc = Document::from_text(&format!("Notes\n\n{text}"), "t.txt");
        let body: Vec<usize> = (0..doc.blocks.len())
            .filter(|&i| doc.blocks[i].kind.is_body())
            .collect();
        let lang = Language::detect_in(body.iter().map(|&b| doc.text(b)));
        recognise(&doc, &body, lang)
    }

    #[test]
    fn a_table_of_contents_with_leaders_or_gaps_is_contents() {
        let dotted = "   1.  Introduction . . . . . . . . . . . . . . . . .   2\n   2.  Definitions of Terms  . . . . . . . . . . . . .   3\n   3.  Services Provided by DNS Security  . . . . . . .   7\n";
        assert_eq!(kind_of(dotted), Some(StretchKind::Contents));
        let solid = "1. Introduction ......................................3\n2. Extensions ........................................5\n3. Server Name Indication ............................6\n";
        assert_eq!(kind_of(solid), Some(StretchKind::Contents));
        let gaps = "    1. STATUS OF THIS MEMO                           1\n    2. INTRODUCTION                                  3\n        2.1. Overview                                3\n";
        assert_eq!(kind_of(gaps), Some(StretchKind::Contents));
    }

    #[test]
    fn a_contents_line_is_named_by_its_title() {
        assert_eq!(
            contents_line_title("2.  Definitions of Important DNSSEC Terms  . . . . . .   3")
                .as_deref(),
            Some("2. Definitions of Important DNSSEC Terms")
        );
        assert_eq!(
            contents_line_title("3. Services . . . . . .  7 3.1. Data Origin . . . . .  7")
                .as_deref(),
            Some("3. Services")
        );
        assert_eq!(
            contents_line_title("2. INTRODUCTION                     3").as_deref(),
            Some("2. INTRODUCTION")
        );
        assert_eq!(
            contents_line_title("The year was 1851, and the sea was calm."),
            None
        );
    }

    #[test]
    fn a_table_of_values_is_not_contents() {
        let table = "    A               1 a host address\n    NS              2 an authoritative name server\n    MD              3 a mail destination\n";
        assert_eq!(kind_of(table), None);
        assert!(!ends_in_page_number("The year was 1851"));
        assert!(!ends_in_page_number("   42"));
        assert!(ends_in_page_number("Index ........ 51"));
    }

    #[test]
    fn citation_keys_make_a_list_of_references() {
        let refs = "[RFC1034]  Mockapetris, P., \"Domain names - concepts and facilities\", STD 13, RFC 1034, November 1987.\n\n[RFC1035]  Mockapetris, P., \"Domain names - implementation and specification\", STD 13, RFC 1035, November 1987.\n\n[RFC2535]  Eastlake 3rd, D., \"Domain Name System Security Extensions\", RFC 2535, March 1999.\n";
        assert_eq!(kind_of(refs), Some(StretchKind::References));
        let rst = ".. _Docutils: https://docutils.sourceforge.io/\n\n.. _Doc-SIG: https://www.python.org/community/sigs/current/doc-sig/\n";
        assert_eq!(kind_of(rst), Some(StretchKind::References));
        let markdown = "[1]: https://example.org/one\n\n[2]: https://example.org/two\n";
        assert_eq!(kind_of(markdown), Some(StretchKind::References));
    }

    #[test]
    fn bracketed_remarks_are_not_references() {
        let talk = "[Laughter] Then the speaker went on about the weather, the sea and the year 1999.\n\n[Applause] And so, in 2004, it ended.\n\nThe rest of the talk was about boats.\n";
        assert_eq!(kind_of(talk), None);
        // One entry does not make a list.
        assert!(is_reference(
            "[RFC2119]  Bradner, S., \"Key words\", BCP 14, RFC 2119, March 1997."
        ));
    }

    #[test]
    fn thanking_people_is_acknowledgements_but_dialogue_and_causes_are_not() {
        let thanks = "The author wishes to thank Stephen Henson and Paul Hoffman for their expert advice and review.";
        assert_eq!(kind_of(thanks), Some(StretchKind::Acknowledgements));
        let members = "This document borrows ideas from the archives. Thanks to all members past and present.";
        assert_eq!(kind_of(members), Some(StretchKind::Acknowledgements));
        let dialogue = "“Thank you,” said Alice, and she went on down the garden path.";
        assert_eq!(kind_of(dialogue), None);
        let you = "I thank you for the bread, said the miller to the baker of the town.";
        assert_eq!(kind_of(you), None);
        let cause = "Thanks to the new rules, farmers can sell their grain at the market.";
        assert_eq!(kind_of(cause), None);
        let later = "The build stays at version 0.10.1 until you upgrade, thanks to the lock file.";
        assert_eq!(kind_of(later), None);
        let thankless = "Thou belongest to that hopeless, sallow tribe which no wine can warm, and for whom it is a thankless task.";
        assert_eq!(kind_of(thankless), None);
        let exclaiming = "But thank heaven, at that moment the landlord came into the room.";
        assert_eq!(kind_of(exclaiming), None);
    }

    #[test]
    fn a_long_stretch_that_thanks_someone_is_not_acknowledgements() {
        let chapter = "The captain thanked the crew for their work at sea.\n\n".to_string()
            + &"The ship sailed on through the night and the wind rose.\n\n".repeat(4);
        assert_eq!(kind_of(&chapter), None);
    }

    #[test]
    fn contact_details_are_an_address() {
        let one = "Eric Rescorla\nRTFM Inc.\n30 Newell Road, #16\nEast Palo Alto, CA 94303\n\nEMail: ekr@rtfm.com\n";
        assert_eq!(kind_of(one), Some(StretchKind::Address(false)));
        let two = "Roy Arends\nEMail: roy@example.net\n\nMatt Larson\nEMail: mlarson@example.com\n";
        assert_eq!(kind_of(two), Some(StretchKind::Address(true)));
    }

    #[test]
    fn kinds_are_named_in_the_document_language() {
        assert_eq!(StretchKind::Contents.name(Language::English), "Contents");
        assert_eq!(StretchKind::References.name(Language::German), "Literatur");
        assert_eq!(
            StretchKind::Acknowledgements.name(Language::French),
            "Remerciements"
        );
    }

    #[test]
    fn cues_are_found_in_any_case_as_whole_words_or_within_them() {
        assert!(mentions(&ENGLISH_THANKS_CUES, "We THANK the group."));
        assert!(mentions(&ENGLISH_THANKS_CUES, "ends with Acknowledgements"));
        assert!(!mentions(
            &ENGLISH_THANKS_CUES,
            "than that, a thin knowledge"
        ));
        assert!(!mentions(&ENGLISH_THANKS_CUES, "tha"));
        assert!(is_contact("Phone: 555 1234") && is_contact("E-MAIL: a@b.example"));
        assert!(!is_contact("a telephone"));
    }
}
