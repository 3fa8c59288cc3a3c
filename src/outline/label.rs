//! Labels that say what a stretch of text is about: key phrases scored over the document, in
//! the manner of YAKE and tf-idf. Candidates are runs of up to three words inside a sentence
//! (two over several paragraphs) that start and end with a content word (stop words for the
//! detected language, Snowball stems; in Japanese, runs of kanji and katakana). A word scores by
//! how often the stretch uses it, tempered by how rare it is across the document's paragraphs;
//! the stretch's opening sentence and quotation marks add bonuses. The label is the best phrase
//! and, after " · ", more with other words (up to four parts over several paragraphs), as many
//! as fit the sidebar whole. Falls back to the lead phrase when nothing scores. Words are not kept
//! between uses (a book's tokens would outweigh its text): a block is tokenized again when it is
//! labelled, and a stretch is named from at most a long chapter's worth of its opening words.

use rustc_hash::FxHashMap;

use crate::document::{BlockKind, Document};
use crate::text::sentences::is_sentence_stop;

use unicode_width::UnicodeWidthStr;

use super::LABEL_COLUMNS;
use super::words::{Language, Vocabulary, is_katakana, tokens};

/// One word of a block, as the labeller sees it.
#[derive(Debug, Clone, Copy)]
struct Token {
    /// Stem id, None for a stop word.
    id: Option<u32>,
    start: u32,
    end: u32,
    /// Only spaces since the previous word: a phrase may run on.
    joined: bool,
    /// Before the end of the block's first sentence.
    first_sentence: bool,
    /// A word of a script written without spaces (CJK): one character, or a katakana run.
    wide: bool,
    opens_quote: bool,
    closes_quote: bool,
}

pub struct Labeler<'a> {
    doc: &'a Document,
    lang: Language,
    /// Every word of the body, met once to count where it occurs. Blocks are tokenized again
    /// when they are labelled, not kept: a book's tokens would take several times its text.
    vocab: Vocabulary,
    /// How many body blocks hold each stem.
    blocks_with: Vec<u32>,
    /// Code names things for a compiler: its words label a stretch only when it has no prose.
    code: Vec<bool>,
    body_blocks: usize,
}

const MAX_PHRASE: usize = 3;
/// A stretch of several paragraphs has more to name than one: its label is made of shorter
/// phrases, so more of its topics fit the sidebar.
const MAX_PHRASE_SEVERAL: usize = 2;
/// The best phrase and up to two more after " · ", all fitting whole.
const MAX_PARTS: usize = 3;
/// Over several paragraphs, up to three more.
const MAX_PARTS_SEVERAL: usize = 4;

/// Where a phrase was first seen: block, byte range in its text.
type Place = (usize, u32, u32);
/// A candidate phrase by its stems: best score, occurrences, first place.
type Candidates = FxHashMap<Vec<u32>, (f64, u32, Place)>;

impl<'a> Labeler<'a> {
    pub fn new(doc: &'a Document) -> Self {
        let body: Vec<usize> = (0..doc.blocks.len())
            .filter(|&i| doc.blocks[i].kind.is_body())
            .collect();
        let lang = Language::detect_in(body.iter().take(40).map(|&b| doc.text(b)));
        let mut vocab = Vocabulary::new(lang);
        let code: Vec<bool> = doc
            .blocks
            .iter()
            .map(|b| b.kind == BlockKind::Code)
            .collect();
        let mut blocks_with: Vec<u32> = Vec::new();
        let mut seen: Vec<usize> = Vec::new();
        for &b in &body {
            // Only the words' ids are counted here: the words of a long block are not
            // collected, which would make a large allocation for nothing.
            let ids: Vec<u32> = tokens(labelled_part(doc.text(b)))
                .filter_map(|word| vocab.id(word))
                .collect();
            if code[b] {
                continue;
            }
            blocks_with.resize(vocab.len(), 0);
            seen.resize(vocab.len(), usize::MAX);
            for &id in &ids {
                if seen[id as usize] != b {
                    seen[id as usize] = b;
                    blocks_with[id as usize] += 1;
                }
            }
        }
        Labeler {
            doc,
            lang,
            vocab,
            code,
            blocks_with,
            body_blocks: body.len().max(1),
        }
    }

    pub fn language(&self) -> Language {
        self.lang
    }

    /// A label for the body blocks given (in order): the key phrase of the stretch, and up to
    /// two more after " · " when they score well enough and all fit the sidebar.
    pub fn label(&self, blocks: &[usize]) -> String {
        // A stretch whose form says what it is is named for that, before any word is weighed.
        if let Some(kind) = super::kinds::recognise(self.doc, blocks, self.lang) {
            return kind.name(self.lang).to_string();
        }
        // A list of links is named by what its links say.
        if let [block] = blocks
            && let Some(label) = super::links::link_label(self.doc, *block)
        {
            return label;
        }
        let fallback = || {
            blocks
                .first()
                .map(|&b| super::lead_phrase(self.doc.text(b)))
                .unwrap_or_default()
        };
        // Each block's words, once; a stretch longer than a long chapter is named from its
        // opening part.
        let mut tokenized: Vec<(usize, Vec<Token>)> = Vec::new();
        let mut kept = 0;
        for &b in blocks {
            if kept >= LABEL_TOKENS {
                break;
            }
            let tokens = self.block_tokens(b);
            kept += tokens.len();
            tokenized.push((b, tokens));
        }
        let prose = tokenized
            .iter()
            .any(|(b, tokens)| !self.is_code(*b) && !tokens.is_empty());
        tokenized.retain(|(b, _)| !prose || !self.is_code(*b));
        let blocks: Vec<usize> = tokenized.iter().map(|(b, _)| *b).collect();
        let blocks = blocks.as_slice();
        // Per stem: occurrences here, and whether it is in the stretch's opening sentence.
        let mut local: FxHashMap<u32, (u32, bool)> = FxHashMap::default();
        for (position, (_, tokens)) in tokenized.iter().enumerate() {
            for t in tokens {
                let Some(id) = t.id else { continue };
                let entry = local.entry(id).or_insert((0, false));
                entry.0 += 1;
                entry.1 |= position == 0 && t.first_sentence;
            }
        }
        if local.is_empty() {
            return fallback();
        }
        let n = self.body_blocks as f64;
        let several = blocks.len() > 1;
        // How often the stretch uses a word, tempered by how rare the word is in the document
        // (the square root of its idf: a word the stretch keeps coming back to outranks one it
        // names once, however rare), doubled for the words of the stretch's opening sentence,
        // where a section tends to say what it is about.
        let weight_of = |id: u32, (tf, opening): (u32, bool)| -> f64 {
            let tf = f64::from(tf);
            let df = f64::from(
                self.blocks_with
                    .get(id as usize)
                    .copied()
                    .unwrap_or(1)
                    .max(1),
            );
            let mut w = tf * (1.0 + n / df).ln().sqrt();
            if opening {
                w *= 2.0;
            }
            if several && tf < 2.0 {
                // A word met once in a long stretch is a detail, not its subject.
                w *= 0.3;
            }
            w
        };
        // Weighed once per word, not once per phrase it is part of.
        let weights_by_id: FxHashMap<u32, f64> = local
            .iter()
            .map(|(&id, &counts)| (id, weight_of(id, counts)))
            .collect();
        let weight = |id: u32| weights_by_id.get(&id).copied().unwrap_or(0.0);
        // Within one paragraph a phrase's other words add a little each (on average, so a phrase
        // does not win by length alone). Over several paragraphs a phrase counts only for its
        // best word: a pairing then wins only where it recurs, else the single word takes less
        // room and leaves it for another topic.
        let (longest_phrase, rest_share, parts) = if several {
            (MAX_PHRASE_SEVERAL, 0.0, MAX_PARTS_SEVERAL)
        } else {
            (MAX_PHRASE, 0.3, MAX_PARTS)
        };
        let mut candidates: Candidates = FxHashMap::default();
        for (b, toks) in &tokenized {
            let b = *b;
            let text = self.doc.text(b);
            let readings = self.doc.blocks.get(b).map_or(&[][..], |b| &b.spans[..]);
            // Kana mark Japanese, whose words the script's changes delimit.
            let kana = labelled_part(text).chars().any(is_hiragana);
            for start in 0..toks.len() {
                let Some(first) = toks[start].id else {
                    continue;
                };
                if toks[start].wide && !opens_a_word(text, toks[start].start as usize) {
                    continue;
                }
                let mut stems = vec![first];
                let mut weights = vec![weight(first)];
                // An ideograph or a hiragana is a word of one character: a name takes several,
                // and a Chinese phrase is a whole run of them, up to what a label holds.
                let longest = if toks[start].wide {
                    LABEL_COLUMNS / 2
                } else {
                    longest_phrase
                };
                for end in start..toks.len().min(start + longest) {
                    if end > start {
                        if !toks[end].joined || breaks_a_phrase(text, toks[end]) {
                            break;
                        }
                        let Some(id) = toks[end].id else {
                            if !toks[end].wide && !self.joins_a_phrase(text, toks, end) {
                                break;
                            }
                            continue;
                        };
                        stems.push(id);
                        weights.push(weight(id));
                    }
                    let end_at = toks[end].end as usize;
                    let goes_on = past_reading(readings, end_at);
                    if toks[end].wide && !closes_a_word(text, (end_at, goes_on), kana) {
                        continue;
                    }
                    let top = weights.iter().copied().fold(0.0, f64::max);
                    // A phrase the author set in quotes is a name.
                    let rest = (weights.iter().sum::<f64>() - top)
                        / (weights.len().saturating_sub(1).max(1)) as f64;
                    let mut score = top + rest_share * rest;
                    if toks[start].opens_quote && toks[end].closes_quote {
                        score *= 3.0;
                    }
                    // The phrase is looked up by its stems; only a new one is copied.
                    let entry = match candidates.get_mut(stems.as_slice()) {
                        Some(entry) => entry,
                        None => candidates.entry(stems.clone()).or_insert((
                            score,
                            0,
                            (b, toks[start].start, toks[end].end),
                        )),
                    };
                    entry.0 = entry.0.max(score);
                    entry.1 += 1;
                }
            }
        }
        let mut ranked: Vec<(f64, Vec<u32>, Place)> = candidates
            .into_iter()
            .filter(|(_, (_, _, at))| self.surface_width(*at) <= LABEL_COLUMNS)
            .map(|(stems, (score, count, at))| {
                // A pairing met only once is an accident of wording, not a name for the thing.
                let once = if stems.len() > 1 && count == 1 {
                    0.9
                } else {
                    1.0
                };
                (score * once, stems, at)
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.2.cmp(&b.2)));
        let Some((best_score, best_stems, best_at)) = ranked.first().cloned() else {
            return fallback();
        };
        if best_score <= 0.0 {
            return fallback();
        }
        let mut label = self.surface(best_at);
        let mut named = best_stems;
        for _ in 1..parts {
            let room = LABEL_COLUMNS.saturating_sub(label.width() + 3);
            let Some((_, stems, at)) = ranked.iter().skip(1).find(|(score, stems, at)| {
                *score >= best_score * 0.1
                    // Within one paragraph a lone extra word is mostly noise ("· needs").
                    && (several || stems.len() > 1)
                    && stems.iter().all(|s| !named.contains(s))
                    && self.surface_width(*at) <= room
            }) else {
                break;
            };
            named.extend(stems);
            label = format!("{label} · {}", self.surface(*at));
        }
        label
    }

    /// Whether the stop word at `at` may join the words of a phrase: a preposition or
    /// conjunction, or an article right after one (see [`Language::connectors`]).
    fn joins_a_phrase(&self, text: &str, toks: &[Token], at: usize) -> bool {
        let word = |t: &Token| text.get(t.start as usize..t.end as usize).unwrap_or("");
        let (connectors, articles) = self.lang.connectors();
        let this = word(&toks[at]);
        if is_one_of(connectors, this) {
            return true;
        }
        let previous = at.checked_sub(1).map(|p| word(&toks[p])).unwrap_or("");
        is_one_of(articles, this) && is_one_of(connectors, previous)
    }

    fn is_code(&self, block: usize) -> bool {
        self.code.get(block).copied().unwrap_or(false)
    }

    /// A body block's words (none for other blocks), found again with the vocabulary.
    fn block_tokens(&self, block: usize) -> Vec<Token> {
        match self.doc.blocks.get(block) {
            Some(b) if b.kind.is_body() => {
                // A verb that tells what happens or what a text does names nothing.
                let mut tokens = tokenize(labelled_part(&b.text), |word| {
                    self.vocab.known_for_label(word)
                });
                // The words of an address ("https", "www", "com") name nothing.
                let addresses = super::links::address_ranges(labelled_part(&b.text));
                if !addresses.is_empty() {
                    tokens.retain(|t| !addresses.iter().any(|r| r.contains(&(t.start as usize))));
                }
                tokens
            }
            _ => Vec::new(),
        }
    }

    /// The columns [`Labeler::surface`] would take, without making it.
    fn surface_width(&self, (block, start, end): Place) -> usize {
        let text = self
            .doc
            .text(block)
            .get(start as usize..end as usize)
            .unwrap_or("");
        if text.contains('\n') {
            on_one_line(text).width()
        } else {
            text.width()
        }
    }

    fn surface(&self, (block, start, end): Place) -> String {
        on_one_line(
            self.doc
                .text(block)
                .get(start as usize..end as usize)
                .unwrap_or(""),
        )
    }
}

/// A phrase as a label shows it, on one line: a phrase taken across the lines of a block that
/// keeps them (a table's rows, a schedule: "FL" at the end of one, "June" opening the next)
/// has its lines joined by a space, where the break would otherwise vanish from the sidebar
/// and run the words together ("FLJune").
fn on_one_line(text: &str) -> String {
    if !text.contains('\n') {
        return text.to_string();
    }
    text.split('\n')
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The most words a label is chosen from: a long chapter's worth. A longer stretch is named
/// from its opening part, which keeps labelling a 10 MB paragraph as cheap as a chapter.
const LABEL_TOKENS: usize = 20_000;
/// The most of one block's text that is read for words: some five thousand words, plenty to
/// name a paragraph by, while the words of a paragraph of megabytes stay a small allocation.
const LABEL_BLOCK_BYTES: usize = 32 * 1024;

/// Whether `word`, lower-cased, is in `list` (of lower-case words); an ASCII word is compared
/// without making its lower-case copy.
fn is_one_of(list: &[&str], word: &str) -> bool {
    if word.is_ascii() {
        list.iter().any(|w| w.eq_ignore_ascii_case(word))
    } else {
        list.contains(&word.to_lowercase().as_str())
    }
}

/// The part of a block's text that is read for words.
fn labelled_part(text: &str) -> &str {
    let mut end = text.len().min(LABEL_BLOCK_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Chinese and Japanese have no spaces: a phrase of single characters may not start or end on
/// hiragana, which is mostly a particle or a verb's ending ("帰って来"), nor inside a run of
/// ideographs ("年修学旅行" of "十年修学旅行", "浪花淘" of "浪花淘盡英雄"): a label is whole
/// runs, never one cut in the middle.
fn opens_a_word(text: &str, at: usize) -> bool {
    let Some(first) = text.get(at..).and_then(|rest| rest.chars().next()) else {
        return false;
    };
    let before = text.get(..at).and_then(|head| head.chars().next_back());
    let inside_a_run = is_ideograph(first) && before.is_some_and(is_ideograph);
    !is_hiragana(first) && !inside_a_run
}

/// The end of a phrase of single characters at byte `at`, as [`opens_a_word`] is its start:
/// not on hiragana, not inside a run of ideographs ("日本" of "日本語"); and in Japanese
/// (`kana`), after an ideograph followed by hiragana only where a particle follows ("天の川は"),
/// not the rest of its own word ("向" of "向こう", "見" of "見える"). The text after the phrase
/// is read from `goes_on`, past any reading written after it.
fn closes_a_word(text: &str, (at, goes_on): (usize, usize), kana: bool) -> bool {
    let Some(last) = text.get(..at).and_then(|phrase| phrase.chars().next_back()) else {
        return false;
    };
    if is_hiragana(last) {
        return false;
    }
    let after = text.get(goes_on..).unwrap_or("");
    match after.chars().next() {
        Some(next) if is_ideograph(last) && is_ideograph(next) => false,
        Some(next) if kana && is_ideograph(last) && is_hiragana(next) => {
            PARTICLES.iter().any(|particle| after.starts_with(particle))
        }
        _ => true,
    }
}

/// Where a word's text goes on after byte `at`: past the ruby reading written right after it
/// ("即(すなわ)ち" goes on at "ち"), so the reading does not pass for the word's end.
fn past_reading(spans: &[crate::document::Span], at: usize) -> usize {
    spans
        .iter()
        .find(|s| s.style == crate::document::Inline::Ruby && s.start == at)
        .map_or(at, |s| s.end)
}

/// Hiragana that follow a noun as a particle rather than as the end of a word.
const PARTICLES: &[&str] = &[
    "から", "まで", "より", "は", "が", "を", "に", "で", "と", "の", "へ", "も", "や", "か",
];

/// A CJK ideograph (kanji, hanzi), with the iteration mark 々.
fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '々')
}

/// Hiragana inside a Japanese phrase is a particle or an ending, which ends the phrase; only
/// "の" joins the parts of a name ("天の川", "北の大熊星").
fn breaks_a_phrase(text: &str, token: Token) -> bool {
    token.wide
        && text
            .get(token.start as usize..token.end as usize)
            .is_some_and(|word| word.chars().all(is_hiragana) && word != "の")
}

fn is_wide_char(c: char) -> bool {
    crate::text::display_width(c.encode_utf8(&mut [0; 4])) == 2
}

fn is_hiragana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{309F}')
}

fn tokenize(text: &str, mut id_of: impl FnMut(&str) -> Option<u32>) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut previous_end = 0usize;
    let mut in_first_sentence = true;
    let base = text.as_ptr() as usize;
    for word in tokens(text) {
        let start = word.as_ptr() as usize - base;
        let end = start + word.len();
        let gap = &text[previous_end..start];
        let sentence_break = gap.contains([';', ':']) || gap.contains(is_sentence_stop);
        if sentence_break && !out.is_empty() {
            in_first_sentence = false;
        }
        // Words written without spaces (CJK) run on only where nothing comes between them: a
        // space there, even an ideographic one, separates.
        let wide = word.chars().all(|c| is_katakana(c) || is_wide_char(c));
        let previous_wide = out.last().is_some_and(|t| t.wide);
        let joined = !out.is_empty()
            && gap.chars().all(char::is_whitespace)
            && !(wide && previous_wide && !gap.is_empty());
        if let Some(last) = out.last_mut() {
            last.closes_quote = gap.contains(['”', '"', '»', '’']) && !gap.contains(['“', '«']);
        }
        out.push(Token {
            id: id_of(word),
            start: start as u32,
            end: end as u32,
            joined,
            first_sentence: in_first_sentence,
            wide,
            opens_quote: gap.contains(['“', '"', '«']),
            closes_quote: false,
        });
        previous_end = end;
    }
    if let Some(last) = out.last_mut() {
        last.closes_quote = text[previous_end..].contains(['”', '"', '»']);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(doc: &Document) -> Vec<usize> {
        (0..doc.blocks.len())
            .filter(|&i| doc.blocks[i].kind.is_body())
            .collect()
    }

    #[test]
    fn a_label_names_what_the_paragraph_is_about() {
        let text = "Notes\n\nThe orchard grows apples. Apple trees need pruning in winter, and apple growers prune them.\n\nThe harbour is busy. Ships unload cargo at the harbour docks every morning.";
        let doc = Document::from_text(text, "t");
        let labeler = Labeler::new(&doc);
        let units = body(&doc);
        let first = labeler.label(&units[..1]).to_lowercase();
        let second = labeler.label(&units[1..]).to_lowercase();
        assert!(first.contains("apple"), "{first}");
        assert!(second.contains("harbour"), "{second}");
    }

    #[test]
    fn a_phrase_is_joined_by_prepositions_and_conjunctions_not_by_verbs_or_articles() {
        let text = "Notes\n\nThe lack of trust grows. Officials regret the lack of trust.\n\nAppendix A shows a complete example of a signed zone.\n\nRain fell on the hills all week.";
        let doc = Document::from_text(text, "t");
        let labeler = Labeler::new(&doc);
        let units = body(&doc);
        let trust = labeler.label(&units[..1]);
        assert!(trust.contains("lack of trust"), "{trust}");
        let example = labeler.label(&units[1..2]);
        for clause in ["shows", "a complete"] {
            assert!(!example.contains(clause), "{example}");
        }
    }

    #[test]
    fn verbs_of_telling_and_doing_make_no_label() {
        let text = "Notes\n\nThe crew came up. The crew came down and came back, and came again to the harpoon.\n\nRain fell on the hills all week.";
        let doc = Document::from_text(text, "t");
        let labeler = Labeler::new(&doc);
        let label = labeler.label(&body(&doc)[..1]);
        assert!(!label.contains("came"), "{label}");
        assert!(
            label.contains("harpoon") || label.contains("crew"),
            "{label}"
        );
    }

    #[test]
    fn quoted_phrases_win() {
        let text = "Leaders met and agreed to promote the “Six Consensus” on security and trade policy.\n\nOther paragraph about trade policy and security in general terms.";
        let doc = Document::from_text(text, "t");
        let labeler = Labeler::new(&doc);
        let label = labeler.label(&body(&doc)[..1]);
        assert!(label.contains("Six Consensus"), "{label}");
    }

    #[test]
    fn a_paragraph_longer_than_the_labelled_part_is_named_from_its_opening() {
        let opening = "The lighthouse keeper trims the lighthouse lamp. ".repeat(4000);
        let rest = "Zebras graze where zebras roam. ".repeat(4000);
        assert!(opening.len() > LABEL_BLOCK_BYTES);
        let text = format!("Notes\n\n{opening}{rest}\n");
        let doc = Document::from_text(&text, "long.txt");
        let labeler = Labeler::new(&doc);
        let blocks = body(&doc);
        let label = labeler.label(&blocks);
        assert!(label.to_lowercase().contains("lighthouse"), "{label}");
        assert!(!label.to_lowercase().contains("zebra"), "{label}");
    }

    #[test]
    fn a_long_stretch_names_several_topics() {
        let text = "Intro\n\nApples and pears ripen early. Apples fall.\n\nPears hang on. Bees hum there.\n\nBees visit the pears and the apples.\n\nElsewhere\n\nShips unload cargo at the harbour every morning.";
        let doc = Document::from_text(text, "t");
        let labeler = Labeler::new(&doc);
        let units = body(&doc);
        assert_eq!(units.len(), 4, "{units:?}");
        let label = labeler.label(&units[..3]).to_lowercase();
        assert!(label.width() <= LABEL_COLUMNS, "{label}");
        for topic in ["apple", "pear", "bee"] {
            assert!(label.contains(topic), "{label}");
        }
    }

    #[test]
    fn a_japanese_label_keeps_katakana_words_whole_and_neither_starts_nor_ends_on_kana_endings() {
        let paragraph =
            "ジョバンニは活版所で働いた。ジョバンニは活版所の仕事を終えた。ジョバンニは走った。";
        let text = format!("{paragraph}\n\n星の話をした。\n");
        let doc = Document::from_text(&text, "t");
        let labeler = Labeler::new(&doc);
        let label = labeler.label(&body(&doc)[..1]);
        assert!(label.contains("ジョバンニ"), "{label}");
        for part in label.split(" · ") {
            let first = part.chars().next().unwrap();
            let last = part.chars().next_back().unwrap();
            assert!(!is_hiragana(first) && !is_hiragana(last), "{label}");
        }
        assert!(opens_a_word("活版", 0) && !opens_a_word("は活版", 0));
        assert!(closes_a_word("活版所", (9, 9), true) && !closes_a_word("帰って", (9, 9), true));
    }

    #[test]
    fn a_phrase_is_a_whole_word_or_a_whole_run_of_ideographs() {
        // "日本" inside "日本語", "年" after "十", "向" of "向こう": not word edges in Japanese.
        let japanese = "十年修学旅行の日本語は川の向こうまで";
        let at = |s: &str| japanese.find(s).unwrap();
        let end = |s: &str| (at(s), at(s));
        assert!(!closes_a_word(japanese, end("語"), true));
        assert!(closes_a_word(japanese, end("は"), true));
        assert!(!opens_a_word(japanese, at("年")));
        assert!(opens_a_word(japanese, at("十")));
        assert!(!closes_a_word(japanese, end("こう"), true));
        assert!(
            closes_a_word(japanese, end("の向"), true),
            "a particle follows 川"
        );
        // A Chinese run is a whole too: it starts and ends at punctuation or another script.
        let chinese = "滾滾長江東逝水，浪花淘盡英雄。";
        let at = |s: &str| chinese.find(s).unwrap();
        assert!(!closes_a_word(chinese, (at("盡"), at("盡")), false));
        assert!(!opens_a_word(chinese, at("淘")));
        assert!(opens_a_word(chinese, at("浪")));
        assert!(closes_a_word(chinese, (at("，"), at("，")), false));
        // A reading written after a word is passed over to find where the word goes on.
        let read = "粒即(すなわ)ち光";
        let after = read.find('(').unwrap();
        let goes_on = read.find('ち').unwrap();
        assert!(closes_a_word(read, (after, after), true));
        assert!(!closes_a_word(read, (after, goes_on), true));
    }

    #[test]
    fn a_phrase_across_the_lines_of_a_table_is_shown_on_one_line() {
        assert_eq!(
            super::on_one_line("Tampa, FL\nJune 14 -- Alpharetta"),
            "Tampa, FL June 14 -- Alpharetta"
        );
        assert_eq!(super::on_one_line("one line"), "one line");
        // A schedule kept line by line, whose places recur at the ends and openings of its
        // lines: no label holds a line break.
        let schedule: String = (1..=12)
            .map(|day| format!("June {day} -- Riverside Arena, Tampa, FL\n"))
            .collect();
        let text = format!("Tour dates\n\n{schedule}");
        let doc = Document::from_text(&text, "t");
        let labeler = Labeler::new(&doc);
        for unit in body(&doc) {
            let label = labeler.label(&[unit]);
            assert!(!label.contains('\n'), "{label:?}");
        }
    }

    #[test]
    fn chinese_labels_are_whole_clauses_never_runs_cut_in_the_middle() {
        let text = "詞曰：\n\n　　滾滾長江東逝水，浪花淘盡英雄。是非成敗轉頭空：青山依舊在，幾度夕陽紅。\n　　白髮漁樵江渚上，慣看秋月春風。一壺濁酒喜相逢：古今多少事，都付笑談中。\n　　話說天下大勢，分久必合，合久必分。周末七國分爭，并入於秦。\n";
        let doc = Document::from_text(text, "t");
        let labeler = Labeler::new(&doc);
        let units = body(&doc);
        assert_eq!(units.len(), 3, "{:#?}", doc.blocks);
        // Every clause of the text, as the labels may name them.
        let clauses: Vec<&str> = text
            .split(|c: char| !is_ideograph(c))
            .filter(|c| !c.is_empty())
            .collect();
        for unit in units {
            let label = labeler.label(&[unit]);
            for part in label.split(" · ") {
                assert!(
                    clauses.contains(&part),
                    "{part:?} of {label:?} is no whole clause"
                );
            }
        }
    }

    #[test]
    fn a_long_stretch_names_up_to_four_topics_that_fit() {
        let text = "Intro\n\nPears and figs ripen early. Pears fall. Figs split.\n\nBees hum near the pears. Plums hang on. Bees visit figs and plums.\n\nPlums, pears, figs and bees: the orchard in short.\n\nElsewhere\n\nShips unload cargo at the harbour every morning.";
        let doc = Document::from_text(text, "t");
        let labeler = Labeler::new(&doc);
        let units = body(&doc);
        let label = labeler.label(&units[..3]).to_lowercase();
        assert!(label.width() <= LABEL_COLUMNS, "{label}");
        assert_eq!(label.split(" · ").count(), 4, "{label}");
        for topic in ["pear", "fig", "bee", "plum"] {
            assert!(label.contains(topic), "{label}");
        }
    }

    #[test]
    fn nothing_to_score_falls_back_to_the_lead() {
        let doc = Document::from_text("and the of it\n\nsecond is here", "t");
        let labeler = Labeler::new(&doc);
        assert_eq!(labeler.label(&[0]), "and the of it");
    }

    #[test]
    fn a_word_is_one_of_a_list_whatever_its_case() {
        assert!(is_one_of(&["of", "and"], "Of"));
        assert!(!is_one_of(&["of", "and"], "off"));
        assert!(is_one_of(&["und", "für"], "Für"));
        assert!(!is_one_of(&["für"], "fur"));
    }
}
