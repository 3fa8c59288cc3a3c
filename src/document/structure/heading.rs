//! Heading forms: how a line shows it names a part of the text. Markdown ATX ("## Title"),
//! underlined titles, numbered sections ("2.3.1. Format", "IV. The End", "Appendix A."),
//! divisions ("Chapter 12", "CHAPTER XII.", "Section 4.2", "第十回"), and short lines standing
//! alone in capitals or title case. Pure functions of one line, context being checked by the
//! caller; the two rules that read the blocks around are a heading said twice in a row
//! ([`settle_repeated`]) and numbered lines next to each other, a list's items
//! ([`settle_numbered_lists`]).

use crate::document::{Block, BlockKind};

/// How a heading was marked; the level follows from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    /// `#`…`######`: the level is the count.
    Atx(u8),
    /// Underlined (and maybe overlined) with a mark: levels follow the order marks first appear.
    Underline { mark: char, over: bool },
    /// A section number with this many parts ("2.3" → 2).
    Numbered(u8),
    /// A named division; 1 for parts and books, 2 for chapters and the like.
    Division(u8),
    /// A short line in capitals.
    Caps,
    /// A short line in title case.
    Titled,
    /// A short line in a script without letter case, standing alone.
    Uncased,
    /// An Aozora Bunko heading annotation (大 = 1, 中 = 2, 小 = 3).
    Aozora(u8),
}

/// Aozora Bunko heading annotations: `X［＃「X」は中見出し］` names the heading after the fact,
/// `［＃中見出し］X［＃中見出し終わり］` wraps it; either may say 同行 or 窓 before the size.
/// Returns the level and the heading's words (ruby and other notes still in them).
pub fn aozora(line: &str) -> Option<(u8, &str)> {
    aozora_parts(line).map(|(level, title, _)| (level, title))
}

/// What an Aozora Bunko heading's line goes on with after the heading, when that is text and
/// not only notes or spaces: a heading set in the line of text it heads (同行見出し), whose text
/// is a paragraph of its own and must not be lost with the heading's line.
pub fn aozora_rest(line: &str) -> Option<&str> {
    let (_, _, rest) = aozora_parts(line)?;
    (!without_aozora_notes(rest).trim().is_empty()).then_some(rest)
}

/// The level, the title and what follows the heading on its line.
fn aozora_parts(line: &str) -> Option<(u8, &str, &str)> {
    const OPEN: &str = "［＃";
    const CLOSE: char = '］';
    let size = |note: &str| -> Option<u8> {
        let note = note.strip_suffix("見出し")?;
        let note = note
            .strip_prefix("同行")
            .or_else(|| note.strip_prefix("窓"))
            .unwrap_or(note);
        match note {
            "大" => Some(1),
            "中" => Some(2),
            "小" => Some(3),
            _ => None,
        }
    };
    // Asked of every line: most have no fullwidth '＃' at all, and a char is found faster
    // than a pattern of two.
    if !line.contains('＃') {
        return None;
    }
    let mut rest = line;
    while let Some(at) = rest.find(OPEN) {
        let after = &rest[at + OPEN.len()..];
        let end = after.find(CLOSE)?;
        let note = &after[..end];
        let past_note = &after[end + CLOSE.len_utf8()..];
        // ［＃「X」は中見出し］
        if let Some(quoted) = note.strip_prefix('「')
            && let Some((title, kind)) = quoted.rsplit_once("」は")
            && let Some(level) = size(kind)
            && !title.trim().is_empty()
        {
            return Some((level, title.trim(), past_note));
        }
        // ［＃中見出し］X［＃中見出し終わり］
        if let Some(level) = size(note) {
            let (title, closed) = match past_note.find(OPEN) {
                Some(close) => {
                    let closing = &past_note[close..];
                    let after_close = closing
                        .find(CLOSE)
                        .map_or("", |c| &closing[c + CLOSE.len_utf8()..]);
                    (&past_note[..close], after_close)
                }
                None => (past_note, ""),
            };
            let title = title.trim();
            return (!title.is_empty()).then_some((level, title, closed));
        }
        rest = past_note;
    }
    None
}

/// Heading words without Aozora ruby (`《…》`, the `｜` that opens it) and notes (`［＃…］`).
pub fn without_aozora_notes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth_ruby = false;
    let mut in_note = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '《' if !in_note => depth_ruby = true,
            '》' if depth_ruby => depth_ruby = false,
            '［' if chars.peek() == Some(&'＃') => in_note = true,
            '］' if in_note => in_note = false,
            '｜' => {}
            _ if depth_ruby || in_note => {}
            _ => out.push(c),
        }
    }
    out
}

/// "## Title ##" → (2, "Title").
pub fn atx(line: &str) -> Option<(u8, &str)> {
    if line.len() - line.trim_start_matches(' ').len() > 3 {
        return None;
    }
    let trimmed = line.trim_start();
    let hashes = trimmed.chars().take_while(|&c| c == '#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &trimmed[hashes..];
    if !rest.is_empty() && !rest.starts_with(' ') {
        return None;
    }
    let title = rest.trim().trim_end_matches('#').trim_end();
    (!title.is_empty()).then_some((hashes as u8, title))
}

const DIVISIONS: &[(&str, u8)] = &[
    ("part", 1),
    ("book", 1),
    ("volume", 1),
    ("chapter", 2),
    ("section", 2),
    ("appendix", 2),
    ("act", 2),
    ("scene", 3),
    ("canto", 2),
    ("article", 2),
    ("chapitre", 2),
    ("kapitel", 2),
    ("capítulo", 2),
    ("capitolo", 2),
    ("глава", 2),
    ("letter", 2),
    ("stave", 2),
];

const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "last",
];

fn is_roman(word: &str) -> bool {
    !word.is_empty()
        && word.len() <= 8
        && (word.chars().all(|c| "IVXLCDM".contains(c))
            || word.chars().all(|c| "ivxlcdm".contains(c)))
}

fn is_numeral(word: &str) -> bool {
    // A footnote's mark may sit on the number ("XVIII(*)", "IV[1]", "3*").
    let word = word.trim_end_matches(['.', ':', ',']);
    let word = ["(*)", "(+)", "*", "†"]
        .iter()
        .find_map(|mark| word.strip_suffix(mark))
        .or_else(|| {
            let (number, note) = word.strip_suffix(']')?.rsplit_once('[')?;
            note.chars().all(|c| c.is_ascii_digit()).then_some(number)
        })
        .unwrap_or(word);
    !word.is_empty()
        && (word.chars().all(|c| c.is_numeric() || c == '.')
            || is_roman(word)
            || NUMBER_WORDS.contains(&word.to_lowercase().as_str())
            || (word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase())))
}

/// "Chapter 12", "CHAPTER XII. The End", "Section 4.2", "第十回 …".
pub fn division(text: &str) -> Option<u8> {
    let mut words = text.split_whitespace();
    let first = words.next()?;
    let second = words.next();
    let head = first.trim_end_matches(['.', ':']).to_lowercase();
    if first.chars().next().is_some_and(char::is_lowercase) {
        return None;
    }
    if let Some(&(_, level)) = DIVISIONS.iter().find(|(name, _)| *name == head) {
        return second.filter(|w| is_numeral(w)).map(|_| level);
    }
    // CJK: 第 + numeral + 回/章/節/部/篇.
    let mut chars = first.chars();
    if chars.next() == Some('第') {
        let rest: String = chars.take(8).collect();
        if rest.contains(['回', '章', '節', '节', '部', '篇', '卷']) {
            return Some(2);
        }
    }
    korean_division(first)
}

/// Korean: 제 + number + 편 (part), 장 (chapter), 절 (section) or 관 (subsection), as laws and
/// books number their divisions ("제3장", "제1절"). An article (조) is a paragraph's number,
/// not a division.
fn korean_division(word: &str) -> Option<u8> {
    let number = word.strip_prefix('제')?;
    let digits = number.chars().take_while(char::is_ascii_digit).count();
    let unit = number[digits..].chars().next()?;
    if digits == 0 || digits > 3 || number[digits..].chars().count() != 1 {
        return None;
    }
    match unit {
        '편' => Some(1),
        '장' => Some(2),
        '절' => Some(3),
        '관' => Some(4),
        _ => None,
    }
}

/// A division whose title starts with a capital, as a title does ("CHAPTER 56. Of the Less
/// Erroneous…"), not a sentence that names a chapter ("Chapter 3 shows that…").
pub fn division_with_title(text: &str) -> bool {
    division(text).is_some()
        && text
            .split_whitespace()
            .nth(2)
            .and_then(|w| w.chars().find(|c| c.is_alphabetic()))
            .is_none_or(char::is_uppercase)
}

/// The section number at the start of a line and the depth it shows: "2.3.1." → 3, "IV." → 1,
/// "A.2." → 2, "Appendix A." → 1, "2.4 - Title" → 2. Returns the depth and the title after
/// the number.
pub fn numbered(text: &str) -> Option<(u8, &str)> {
    let (number, rest) = text.split_once(char::is_whitespace)?;
    let rest = rest.trim_start();
    // A dash between number and title closes the number as a full stop does ("1 - Scope",
    // "2.4.1 – Rules"): a common style of older standards and plain-text manuals.
    let (dashed, rest) = match rest.strip_prefix(['-', '–', '—']) {
        Some(title) if title.starts_with(char::is_whitespace) => (true, title.trim_start()),
        _ => (false, rest),
    };
    let (number, rest) =
        if number.eq_ignore_ascii_case("appendix") || number.eq_ignore_ascii_case("annex") {
            let (n, r) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
            (n, r.trim_start())
        } else {
            (number, rest)
        };
    let trailing_dot = number.ends_with('.') || dashed;
    let parts: Vec<&str> = number.trim_end_matches('.').split('.').collect();
    let numeric = |p: &&str| !p.is_empty() && p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit());
    let letter = |p: &&str| p.len() == 1 && p.chars().all(|c| c.is_ascii_uppercase());
    let ok = match parts.as_slice() {
        [single] => {
            (numeric(single) || is_roman(single) && single.chars().all(|c| c.is_ascii_uppercase()))
                && trailing_dot
        }
        [first, more @ ..] => (numeric(first) || letter(first)) && more.iter().all(numeric),
        [] => false,
    };
    (ok && !rest.is_empty()).then_some((parts.len().min(6) as u8, rest))
}

/// A section of legal text whose title runs into its first sentence: "2. Grant of Copyright
/// License. Subject to the terms …". Returns the number's depth and where the title ends (its
/// full stop included). The title is a few words, each longer one capitalised, and a sentence
/// follows it; "0. This License applies to any program …" is a sentence, not a title.
pub fn run_in(text: &str) -> Option<(u8, usize)> {
    let (depth, rest) = numbered(text)?;
    let stop = rest.find(". ")?;
    let title = &rest[..stop];
    let after = rest[stop + 2..].trim_start();
    let words: Vec<&str> = title.split_whitespace().collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let long_words_capitalised = words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .all(capitalised);
    let titled = (1..=8).contains(&words.len())
        && words.first().is_some_and(capitalised)
        && long_words_capitalised
        && !title
            .chars()
            .any(|c| c.is_numeric() || matches!(c, ',' | ';' | ':' | '"' | '('));
    let sentence_follows =
        after.split_whitespace().count() >= 4 && after.starts_with(|c: char| c.is_uppercase());
    (titled && sentence_follows).then(|| (depth, text.len() - rest.len() + stop + 1))
}

/// A heading said again by the next one before any body text ("HISTORY." over an essay's
/// epigraph, then "I. HISTORY." over the essay): the outline keeps the one nearest the text,
/// and the first stays on the page as a line of its own. Between them there may be verse, a
/// quotation, an attribution, but no paragraph of prose and no list: a changelog's "Bug
/// fixes:" over a list, then the next release's, are two sections.
pub fn settle_repeated(blocks: &mut [Block]) {
    for i in 0..blocks.len() {
        if blocks[i].kind != BlockKind::Heading {
            continue;
        }
        let next = blocks[i + 1..]
            .iter()
            .take(12)
            .position(|b| {
                matches!(b.kind, BlockKind::Heading | BlockKind::ListItem) || is_body_prose(b)
            })
            .map(|at| i + 1 + at);
        let Some(next) = next.filter(|&n| blocks[n].kind == BlockKind::Heading) else {
            continue;
        };
        let name = |text: &str| -> String {
            let title = numbered(text).map_or(text, |(_, title)| title);
            title
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect()
        };
        // Two numbers that differ are two sections of one name ("2. Article", "3. Article"),
        // however little text lies between them.
        let number = |text: &str| -> Option<String> {
            let (_, title) = numbered(text)?;
            Some(text[..text.len() - title.len()].trim().to_string())
        };
        let numbers_differ = matches!(
            (number(&blocks[i].text), number(&blocks[next].text)),
            (Some(a), Some(b)) if a != b
        );
        let first = name(&blocks[i].text);
        if !first.is_empty() && first == name(&blocks[next].text) && !numbers_differ {
            blocks[i].kind = BlockKind::Paragraph;
            blocks[i].level = 0;
        }
    }
}

/// A numbered line next to the line numbered one before or after it, with nothing between
/// ("1. Coffee." / "2. Cola." / "3. Any caffeinacious stimulant…", a dictionary's senses; the
/// steps of a procedure): an item of a numbered list, not a section's title. A section has
/// text of its own before the next one begins.
pub fn settle_numbered_lists(blocks: &mut [Block]) {
    let single_number = |block: &Block| -> Option<u32> {
        let (depth, title) = numbered(&block.text)?;
        let number = block.text[..block.text.len() - title.len()].trim();
        let digits = number.strip_suffix('.')?;
        (depth == 1).then_some(())?;
        digits.parse().ok()
    };
    let numbers: Vec<Option<u32>> = blocks.iter().map(single_number).collect();
    for i in 0..blocks.len() {
        let Some(n) = numbers[i].filter(|_| blocks[i].kind == BlockKind::Heading) else {
            continue;
        };
        let before = i > 0 && n.checked_sub(1).is_some_and(|m| numbers[i - 1] == Some(m));
        let after = n
            .checked_add(1)
            .is_some_and(|m| numbers.get(i + 1).copied().flatten() == Some(m));
        if before || after {
            blocks[i].kind = BlockKind::Paragraph;
            blocks[i].level = 0;
        }
    }
}

/// A paragraph of the body: set flush in the column, and long enough to be prose (a stanza or
/// an attribution is set in, or short).
fn is_body_prose(block: &Block) -> bool {
    block.kind == BlockKind::Paragraph
        && block.placement.first == 0
        && block.placement.rest == 0
        && block.text.split_whitespace().nth(24).is_some()
}

/// English words of the closed classes (prepositions, conjunctions, determiners) that a title
/// leaves in lower case however long they are: "Use with the Affero License", "Application
/// of this License". A lower-case word outside them ("Run the tests", "Click the Save
/// button") is a sentence's.
const TITLE_LOWER_WORDS: &[&str] = &[
    "about", "above", "across", "after", "against", "along", "among", "around", "before", "behind",
    "below", "beside", "between", "beyond", "during", "each", "either", "every", "except", "from",
    "inside", "into", "like", "near", "neither", "onto", "over", "past", "such", "than", "that",
    "their", "these", "this", "those", "through", "toward", "towards", "under", "until", "upon",
    "when", "where", "whether", "which", "while", "with", "within", "without", "your",
];

/// A title closed by a full stop: one clause, a few words, each longer word capitalised but
/// for the small words a title keeps in lower case ("Definitions.", "Conveying Verbatim
/// Copies.", "Use with the Affero License.", "Application of this License.").
fn is_stopped_title(title: &str) -> bool {
    let Some(body) = title.strip_suffix('.') else {
        return false;
    };
    let words: Vec<&str> = body.split_whitespace().collect();
    (1..=10).contains(&words.len())
        && !body.contains(['.', ',', ';', ':', '!', '?'])
        && words.iter().enumerate().all(|(i, w)| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            letters < 4
                || w.chars()
                    .find(|c| c.is_alphabetic())
                    .is_some_and(|c| !c.is_lowercase())
                || i > 0 && TITLE_LOWER_WORDS.contains(w)
        })
}

fn cased_letters(text: &str) -> (usize, usize) {
    let upper = text.chars().filter(|c| c.is_uppercase()).count();
    let lower = text.chars().filter(|c| c.is_lowercase()).count();
    (upper, lower)
}

/// The form of a line standing alone, judged on its own; the caller checks what follows it.
/// A line carrying an e-mail address or a web address.
fn is_address(text: &str) -> bool {
    // Every line of a text is asked: most hold no '@', found by one fast search.
    text.contains("://")
        || memchr::memchr(b'@', text.as_bytes()).is_some()
            && text.split_whitespace().any(|word| {
                word.split_once('@').is_some_and(|(user, host)| {
                    !user.is_empty() && host.contains('.') && !host.ends_with('.')
                })
            })
}

pub fn standalone(text: &str) -> Option<Form> {
    let words = text.split_whitespace().count();
    // A formula ("13. Set W = V mod 2^L") or an address ("EMail: a@b.org") is no heading,
    // however short and numbered.
    if text.contains(" = ") || is_address(text) {
        return None;
    }
    // "CHAPTER 57." vouches for a long title ("Of Whales in Paint; in Teeth; in Wood; …").
    // A sentence that names one ("Appendix A shows a complete example.") is not.
    if let Some(level) = division(text)
        && words <= 32
        && text.chars().count() <= 200
        && (division_with_title(text) || !text.ends_with(crate::text::sentences::is_sentence_stop))
    {
        return Some(Form::Division(level));
    }
    if words == 0 || words > 16 || text.chars().count() > 100 {
        return None;
    }
    // A line ending in a colon leads into what follows it: a label ("NOTE:"), the words
    // before an example ("Some examples appear below:"), a literal block ("3. Rewritten
    // without a generator::"). Titles rarely end so.
    // So does a line ending in a lone '>', which in a Vim help file opens the example under
    // it ("Summary:          *help-summary*  >").
    if text.ends_with([':', '：']) || text.ends_with(" >") {
        return None;
    }
    if let Some((depth, title)) = numbered(text) {
        let first = title.chars().next()?;
        let (upper, lower) = cased_letters(title);
        // A title may close on a full stop in legal text ("0. Definitions.", "4. Conveying
        // Verbatim Copies."); a sentence does not read as one.
        // A closing quotation mark ends what it closes: "Incorrect. “That is bogus.”" is
        // a sense of a word and its example, not a title.
        let closed = title.trim_end_matches(['"', '”', '’', '\'', '»', ')']);
        let ends_sentence =
            closed.ends_with(['.', ',', ';']) && lower > 0 && !is_stopped_title(closed);
        // A title has words: a number over a range ("23 - 3,840") or a list of numbers
        // has none, whatever comes under it.
        let has_letters = title.chars().any(char::is_alphabetic);
        if (first.is_uppercase()
            || first == '"'
            || first == '“'
            || !first.is_alphabetic() && upper + lower == 0 && has_letters)
            && !ends_sentence
            && title.split_whitespace().count() <= 14
        {
            return Some(Form::Numbered(depth));
        }
        return None;
    }
    let first = text.chars().next()?;
    if !first.is_alphanumeric() {
        return None;
    }
    let (upper, lower) = cased_letters(text);
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if upper == 0 && lower == 0 {
        // A number to end on ("סעיף יא.", article 11 in Hebrew letters), or digits anywhere:
        // a short last word, not any short word ("כל" of a sentence). A number that opens a
        // line with a sentence after it ("제40조 입법권은 국회에 속한다.", "③ …") is a clause.
        // A line of one word is that word, not a label and its number: "堀木。" and "地獄。"
        // are sentences of a Japanese novel.
        let numeral = words >= 2
            && text
                .split_whitespace()
                .next_back()
                .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
                .is_some_and(|w| w.chars().count() <= 3)
            || text.chars().any(char::is_numeric);
        let ends = text.ends_with(['」', '”', ',', '、'])
            || text.ends_with(crate::text::sentences::is_sentence_stop);
        let opened_by_number = text
            .split_whitespace()
            .next()
            .is_some_and(|w| w.chars().any(char::is_numeric));
        let closes_on_number = text
            .split_whitespace()
            .next_back()
            .is_some_and(|w| w.chars().any(char::is_numeric));
        if ends && opened_by_number && !closes_on_number {
            return None;
        }
        // A comma leaves the sentence open: whatever its last word, no heading ends on one.
        let open_clause = text.ends_with([',', '、', '،']);
        return (letters > 0
            && words <= 5
            && text.chars().count() <= 40
            && (!ends || numeral)
            && !open_clause)
            .then_some(Form::Uncased);
    }
    if text.ends_with([',', ';']) || text.contains(". ") && lower > 0 {
        return None;
    }
    if lower == 0 && upper >= 2 && words <= 12 && !text.ends_with('!') {
        return Some(Form::Caps);
    }
    if !first.is_uppercase() || words > 10 || text.ends_with(['.', '!', '"', '”', ')']) {
        return None;
    }
    let long: Vec<&str> = text
        .split_whitespace()
        .skip(1)
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let capital = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        .count();
    (words <= 4 || capital * 2 >= long.len()).then_some(Form::Titled)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aozora_heading_annotations() {
        assert_eq!(
            aozora("［＃３字下げ］一、午后《ごご》の授業［＃「一、午后の授業」は中見出し］"),
            Some((2, "一、午后の授業"))
        );
        assert_eq!(
            aozora("［＃大見出し］第一章　春《はる》［＃大見出し終わり］"),
            Some((1, "第一章　春《はる》"))
        );
        assert_eq!(aozora("［＃「雪」は同行小見出し］"), Some((3, "雪")));
        // A heading set in its line of text leaves that text to a paragraph.
        assert_eq!(
            aozora_rest("雪［＃「雪」は同行小見出し］　本文が続く《つづく》。"),
            Some("　本文が続く《つづく》。")
        );
        assert_eq!(
            aozora_rest("［＃大見出し］春［＃大見出し終わり］夜が来た。"),
            Some("夜が来た。")
        );
        assert_eq!(aozora_rest("［＃５字下げ］一［＃「一」は中見出し］"), None);
        assert_eq!(
            aozora_rest("一［＃「一」は中見出し］［＃改ページ］　"),
            None
        );
        // Other notes are not headings.
        assert_eq!(aozora("［＃３字下げ］本文［＃「本文」に傍点］"), None);
        assert_eq!(aozora("ただの文。"), None);
        assert_eq!(
            without_aozora_notes("第一章　｜春《はる》［＃注］"),
            "第一章　春"
        );
    }

    #[test]
    fn atx_headings() {
        assert_eq!(atx("## Local setup ##"), Some((2, "Local setup")));
        assert_eq!(atx("#hashtag"), None);
        assert_eq!(atx("####### seven"), None);
        assert_eq!(atx("    # indented code"), None);
    }

    #[test]
    fn a_numbered_sentence_closed_by_a_quotation_is_no_title() {
        for line in [
            "4. Incorrect. “That algorithm is bogus.”",
            "5. Run \"make\".",
            "2. See {thud}.",
        ] {
            assert_eq!(standalone(line), None, "{line}");
        }
        for line in [
            "0. Definitions.",
            "3. “Quoted Title”",
            "5. Application of this License.",
        ] {
            assert!(standalone(line).is_some(), "{line}");
        }
    }

    #[test]
    fn formulas_and_addresses_are_not_headings() {
        for line in [
            "13. Set W = V mod 2^L",
            "4. If g = 1 go to step 2",
            "EMail: roy.arends@example.net",
            "See https://example.org/spec",
        ] {
            assert_eq!(standalone(line), None, "{line}");
        }
        assert_eq!(
            standalone("Appendix A shows a complete example of a small signed zone."),
            None
        );
        assert!(standalone("Appendix A. Examples").is_some());
        assert!(standalone("CHAPTER 1. Loomings.").is_some());
        // Article 11 in Hebrew letters is numbered; a sentence with a short word is not, and
        // no line ending on a comma is a heading.
        assert!(standalone("סעיף יא.").is_some());
        assert_eq!(standalone("כל אדם זכאי לאזרחות."), None);
        assert_eq!(standalone("이에,"), None);
        // An "@" alone, or a comparison without spaces, does not make an address or formula.
        assert!(standalone("2.1. Replies @ Scale").is_some());
        assert!(standalone("3. Keys Where a=b Holds").is_some());
    }

    #[test]
    fn divisions() {
        assert_eq!(standalone("Chapter 12"), Some(Form::Division(2)));
        assert_eq!(
            standalone("CHAPTER XII. Alice’s Evidence"),
            Some(Form::Division(2))
        );
        assert_eq!(standalone("Section 4.2"), Some(Form::Division(2)));
        assert_eq!(
            standalone("CHAPTER XVIII(*) -- CONCERNING THE WAY"),
            Some(Form::Division(2))
        );
        assert_eq!(standalone("Chapter 4[2]"), Some(Form::Division(2)));
        assert_eq!(division("Chapter (*)"), None);
        assert_eq!(standalone("BOOK ONE"), Some(Form::Division(1)));
        assert_eq!(
            standalone("第十回　袁守誠妙算無私曲"),
            Some(Form::Division(2))
        );
        assert_eq!(division("Chapter and verse"), None);
    }

    #[test]
    fn korean_divisions_by_their_unit() {
        assert_eq!(standalone("제2편 총칙"), Some(Form::Division(1)));
        assert_eq!(standalone("제3장 국회"), Some(Form::Division(2)));
        assert_eq!(standalone("제1절 대통령"), Some(Form::Division(3)));
        // An article, a word that starts with 제, and a number alone are no divisions.
        assert_eq!(division("제1조 모든 국민은 법 앞에 평등하다."), None);
        assert_eq!(division("제목 없음"), None);
        assert_eq!(division("제12 장"), None);
    }

    #[test]
    fn numbered_sections_and_their_depth() {
        assert_eq!(standalone("1.  Introduction"), Some(Form::Numbered(1)));
        assert_eq!(
            standalone("2.3.1. Preferred name syntax"),
            Some(Form::Numbered(3))
        );
        assert_eq!(standalone("IV. THE END"), Some(Form::Numbered(1)));
        assert_eq!(standalone("A.1.  Example"), Some(Form::Numbered(2)));
        assert_eq!(standalone("Appendix B.  Changes"), Some(Form::Division(2)));
        // A numbered sentence is not a heading; a title closed by a full stop is.
        assert_eq!(standalone("3. and then it went on, for a while."), None);
        assert_eq!(standalone("2. Run the tests."), None);
        assert_eq!(standalone("2. Click the Save button."), None);
        // Numbers with no words: a range a registry lists, a version.
        assert_eq!(standalone("23 - 3,840"), None);
        assert_eq!(standalone("1.2.3"), None);
        assert_eq!(standalone("4. With the tests run."), None);
        // Small words stay in lower case in a title, however long.
        assert_eq!(
            standalone("5. Application of this License."),
            Some(Form::Numbered(1))
        );
        assert_eq!(
            standalone("13. Use with the GNU Affero General Public License."),
            Some(Form::Numbered(1))
        );
        assert_eq!(standalone("0. Definitions."), Some(Form::Numbered(1)));
        assert_eq!(
            standalone("4. Conveying Verbatim Copies."),
            Some(Form::Numbered(1))
        );
        assert_eq!(standalone("1984 was a year"), None);
    }

    #[test]
    fn a_dash_may_close_a_section_number() {
        assert_eq!(standalone("1 - Scope"), Some(Form::Numbered(1)));
        assert_eq!(
            standalone("2.4.1 - Records Present (Any Value)"),
            Some(Form::Numbered(3))
        );
        assert_eq!(standalone("3 – Error Handling"), Some(Form::Numbered(1)));
        // Arithmetic, a range and a numbered clause of a sentence stay prose.
        assert_eq!(standalone("4 - 2 = 2"), None);
        assert_eq!(standalone("10 - 20 pages"), None);
        assert_eq!(
            standalone("5 - the rest is kept for later, as before."),
            None
        );
        assert_eq!(standalone("2 -Scope"), None);
    }

    #[test]
    fn a_line_that_opens_an_example_heads_nothing() {
        assert_eq!(standalone("Summary:          *help-summary*  >"), None);
        assert_eq!(standalone("Some examples appear below:"), None);
        assert!(standalone("Summary of Commands").is_some());
    }

    #[test]
    fn a_title_run_into_its_first_sentence() {
        let text = "2. Grant of Copyright License. Subject to the terms of this License, you may.";
        let (depth, end) = run_in(text).expect("a run-in title");
        assert_eq!((depth, &text[..end]), (1, "2. Grant of Copyright License."));
        let (_, end) = run_in("4.1. Trademarks. This License does not grant any rights.").unwrap();
        assert_eq!(end, "4.1. Trademarks.".len());
        // Sentences, quotations and lists are no titles.
        for text in [
            "0. This License applies to any program. It says so here and there.",
            "1.1. \"Contributor\" means each individual. Who creates it, or more.",
            "3. Red, green and blue. These are the colours we use here.",
            "2. Grant of licence. subject to the terms of this, you may.",
            "5. Notices.",
        ] {
            assert_eq!(run_in(text), None, "{text}");
        }
    }

    #[test]
    fn caps_title_case_and_uncased_lines() {
        assert_eq!(standalone("ETYMOLOGY."), Some(Form::Caps));
        assert_eq!(standalone("Status of This Memo"), Some(Form::Titled));
        assert_eq!(standalone("Tabs or Spaces?"), Some(Form::Titled));
        // Lead-ins end in a colon.
        assert_eq!(standalone("NOTE:"), None);
        assert_eq!(standalone("Some Examples Appear Below:"), None);
        assert_eq!(standalone("3. A template for a transaction::"), None);
        assert_eq!(standalone("Then he left."), None);
        assert_eq!(standalone("and the rest of it"), None);
        assert_eq!(standalone("סעיף א."), Some(Form::Uncased));
        assert_eq!(standalone("제 1 조"), Some(Form::Uncased));
        // A clause under its number is a sentence, not a heading.
        assert_eq!(standalone("제40조 입법권은 국회에 속한다."), None);
        assert_eq!(standalone("③의무교육은 무상으로 한다."), None);
        // A one-word sentence of a text without spaces is a sentence.
        assert_eq!(standalone("地獄。"), None);
        assert_eq!(standalone("お茶目。"), None);
        assert_eq!(standalone("“Help!”"), None);
    }
}
