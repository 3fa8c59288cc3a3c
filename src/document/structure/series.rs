//! Headings told by their series: short lines that give one label and a number counting up
//! through the text ("Artikkel 1.", "Artikkel 2.", …; "1 artihkal"; "Član 3."; "અનુચ્છેદ ૧:"),
//! or a number alone ("1.", "2.", …), each over text of its own. Laws, declarations,
//! constitutions, treaties and contracts number their articles so in every language. A word
//! list of division names ("Chapter", "Article") knows a few languages; the series knows the
//! form, whatever the label's language.
//!
//! One such line proves little ("Room 12" may be a line of an address), so the evidence is the
//! series: three lines or more with the same label whose numbers mostly go up by one, each with
//! text under it, most of them after a finished sentence (a page number, the other series a
//! plain text carries, falls where the page did, in the middle of a sentence).

use super::heading::{self, Form};
use super::raw::Raw;
use crate::document::BlockKind;
use std::collections::HashMap;

/// The fewest lines that make a series.
const LEAST_MEMBERS: usize = 3;
/// The longest line, in characters, that can be a label and its number.
const LONGEST_LINE: usize = 40;
/// The most words a label may have beside its number.
const MOST_LABEL_WORDS: usize = 6;

/// The blocks of one line that may be a series' line, with their text: paragraphs no longer
/// than a label and its number, passed over before their text is read when longer.
fn single_lines<'r>(raws: &'r [Raw<'_>]) -> impl Iterator<Item = (usize, String)> + 'r {
    raws.iter()
        .enumerate()
        .filter(|(_, raw)| {
            raw.kind == BlockKind::Paragraph
                && raw.line_count() == 1
                && raw.source().trim().len() <= LONGEST_LINE * 4
        })
        .map(|(i, raw)| (i, raw.text()))
}

/// Whether block `block` is one of a series' `members`. They are in the text's order, so a
/// binary search tells: a list of thousands of lines is not read through for each.
fn holds<T>(members: &[(usize, T)], block: usize) -> bool {
    members.binary_search_by_key(&block, |(j, _)| *j).is_ok()
}

/// Marks the members of every series among the blocks of one line as headings (a division of
/// the second level, as an article or a chapter is).
pub(super) fn mark(raws: &mut [Raw<'_>]) {
    let mut groups: HashMap<String, Vec<(usize, u32)>> = HashMap::new();
    for (i, text) in single_lines(raws) {
        // A numbered title or a named division is a heading of its own form, at its own depth.
        if matches!(
            heading::standalone(text.trim()),
            Some(Form::Numbered(_) | Form::Division(_))
        ) {
            continue;
        }
        if let Some((key, value)) = member(text.trim()) {
            groups.entry(key).or_default().push((i, value));
        }
    }
    for members in groups.values() {
        // Each member heads text of its own: not another member, not a heading.
        let heading_text: Vec<(usize, u32)> = members
            .iter()
            .copied()
            .filter(|&(i, _)| {
                raws.get(i + 1)
                    .is_some_and(|next| next.kind != BlockKind::Heading && !holds(members, i + 1))
            })
            .collect();
        if is_series(&heading_text) && mostly_after_sentences(raws, &heading_text) {
            for &(i, _) in &heading_text {
                raws[i].kind = BlockKind::Heading;
                raws[i].form = Some(Form::Division(2));
            }
        }
    }
}

/// The fewest lines of a series whose numbers are spelled out in words: with no figure to
/// count, only many lines of one label say it is a series.
const LEAST_SPELLED: usize = 6;

/// The fewest words of the paragraph under each line of a series spelled out in words.
const LEAST_TEXT_WORDS: usize = 8;

/// Marks the members of every series spelled out in words ("Kanuni ya kwanza", "Kanuni ya
/// pili", …; "Di yi tiao", "Di er tiao", …; "Jun Artikulo:", "Chib Artikulo:", …): lines of
/// two to six words, one word the same in all (the label, first or last) and the others
/// different in each, six or more, each over text of its own and after a finished sentence,
/// no two in a row. A line of a play's cast, a list or a table is not set so.
pub(super) fn mark_spelled(raws: &mut [Raw<'_>]) {
    let mut by_label: HashMap<String, Vec<(usize, String)>> = HashMap::new();
    for (i, text) in single_lines(raws) {
        let line = text
            .trim()
            .trim_end_matches([':', '：', ' '])
            .to_lowercase();
        if line.chars().count() > LONGEST_LINE
            || line.ends_with(|c: char| crate::text::sentences::is_sentence_stop(c) || c == ',')
        {
            continue;
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        let lettered = |w: &&str| {
            w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
        };
        if !(2..=6).contains(&words.len()) || !words.iter().all(lettered) {
            continue;
        }
        let (first, last) = (words[0], words[words.len() - 1]);
        by_label
            .entry(format!("{first}\u{1f}first"))
            .or_default()
            .push((i, line.clone()));
        by_label
            .entry(format!("{last}\u{1f}last"))
            .or_default()
            .push((i, line));
    }
    let mut series: Vec<usize> = Vec::new();
    for members in by_label.values() {
        if members.len() < LEAST_SPELLED {
            continue;
        }
        let at: Vec<(usize, u32)> = members.iter().map(|(i, _)| (*i, 0)).collect();
        let mut lines: Vec<&str> = members.iter().map(|(_, line)| line.as_str()).collect();
        lines.sort_unstable();
        lines.dedup();
        // Each over a paragraph of its own, most of them over a sentence or more: not a
        // line of links over a name ("Learn more about WebIDE" over "Valence", the next
        // tool's).
        let heads_text = members.iter().all(|&(i, _)| {
            raws.get(i + 1)
                .is_some_and(|next| next.kind == BlockKind::Paragraph && !holds(members, i + 1))
        });
        let over_sentences = members
            .iter()
            .filter(|&&(i, _)| {
                raws.get(i + 1).is_some_and(|next| {
                    super::size_up_to(&next.text(), LEAST_TEXT_WORDS) >= LEAST_TEXT_WORDS
                })
            })
            .count();
        let heads_text = heads_text && over_sentences * 3 >= members.len() * 2;
        if lines.len() == members.len() && heads_text && mostly_after_sentences(raws, &at) {
            series.extend(members.iter().map(|&(i, _)| i));
        }
    }
    for i in series {
        raws[i].kind = BlockKind::Heading;
        raws[i].form = Some(Form::Division(2));
    }
}

/// Numbers that count: most steps go up by one or start the count again (a law's articles
/// numbered afresh in each chapter), and at least two go up by one.
fn is_series(members: &[(usize, u32)]) -> bool {
    if members.len() < LEAST_MEMBERS {
        return false;
    }
    let (mut up_by_one, mut good) = (0, 0);
    for pair in members.windows(2) {
        let (before, after) = (pair[0].1, pair[1].1);
        if after == before + 1 {
            up_by_one += 1;
            good += 1;
        } else if after <= 1 && before > after {
            good += 1;
        }
    }
    let steps = members.len() - 1;
    up_by_one >= 2 && good * 3 >= steps * 2
}

/// Most members follow a finished sentence, or no paragraph at all.
fn mostly_after_sentences(raws: &[Raw<'_>], members: &[(usize, u32)]) -> bool {
    let after_sentence = members
        .iter()
        .filter(|&&(i, _)| {
            let Some(before) = i.checked_sub(1).and_then(|b| raws.get(b)) else {
                return true;
            };
            before.kind != BlockKind::Paragraph || {
                let text = before.text();
                !text.trim_end().ends_with(|c: char| {
                    c.is_alphanumeric() || matches!(c, ',' | '-' | '、' | '،' | '，')
                })
            }
        })
        .count();
    after_sentence * 3 >= members.len() * 2
}

/// A line that may belong to a series: its key (the label, lower-cased, and on which side the
/// number stands) and its number's value.
fn member(text: &str) -> Option<(String, u32)> {
    // A gloss in brackets after the number says what the article is about ("Aatikl 1 (Di
    // paat we diil wid ou yu fi chriit piipl)"): the label and its number are before it.
    let text = without_gloss(text);
    if text.is_empty() || text.chars().count() > LONGEST_LINE {
        return None;
    }
    let mut words: Vec<&str> = Vec::new();
    for word in text.split_whitespace() {
        // A number joined to its label by a hyphen ("1-статья", "2-нэрэ пычыгъу", "3-nci
        // madde"), or a label joined to its number ("條1："), is the two words.
        match glued(word) {
            Some((first, second)) => words.extend([first, second]),
            None => words.push(word),
        }
    }
    // A closing mark set apart ("कलम १ :") belongs to the number before it.
    let closed_apart = words.len() > 1
        && words.last().is_some_and(|w| {
            w.chars()
                .all(|c| matches!(c, '.' | ':' | '：' | '-' | '–' | '—'))
        });
    if closed_apart {
        words.pop();
    }
    let (number, mut label, side) = match words.as_slice() {
        [] => return None,
        [only] => (*only, Vec::new(), "alone"),
        [first, rest @ ..] if number_value(first).is_some() => (*first, rest.to_vec(), "before"),
        [rest @ .., last] => (*last, rest.to_vec(), "after"),
    };
    let value = number_value(number)?;
    if label.len() > MOST_LABEL_WORDS {
        return None;
    }
    // A comma may part the label from the number after it ("Ayojeitaqueri, 1.").
    if side == "after"
        && let Some(last) = label.last_mut()
    {
        *last = last.strip_suffix(',').unwrap_or(last);
    }
    // A label is words; a comma or a colon in it makes the line a reference ("Notes: I, 1."
    // cites act one, scene one), not a name and its number.
    let is_label_word = |w: &&str| {
        w.chars().any(char::is_alphabetic)
            && !w
                .chars()
                .any(|c| c.is_numeric() || matches!(c, ',' | ':' | ';'))
            && w.len() <= 60
    };
    if !label.iter().all(is_label_word) {
        return None;
    }
    // A number alone is a heading's only when a full stop or a colon closes it: a bare "12"
    // between paragraphs is as likely a page's number.
    if label.is_empty() && !number.ends_with(['.', ':', '：']) && !closed_apart {
        return None;
    }
    // The label's first word names the series: the rest may spell the number out ("Mataki na
    // farko (1)", "Mataki na biyu (2)"). A number in brackets names it by itself: the words
    // beside it may all spell the number out ("Kiñe Xoy (1)", "Epu Xoy (2)").
    let bracketed = number.starts_with('(') && number.trim_end_matches(['.', ':']).ends_with(')');
    let mut key = if bracketed {
        String::from("()")
    } else {
        label.first().map_or(String::new(), |w| w.to_lowercase())
    };
    key.push('\u{1f}');
    key.push_str(side);
    Some((key, value))
}

/// The line without a gloss in brackets after its number: "Aatikl 1 (Di paat …)" is "Aatikl
/// 1". A line whose brackets hold its number ("Epu Xoy (2)") keeps them.
fn without_gloss(text: &str) -> &str {
    let text = text.trim();
    if !text.ends_with(')') {
        return text;
    }
    match text.find(" (") {
        Some(open)
            if text[..open]
                .split_whitespace()
                .last()
                .is_some_and(|w| number_value(w).is_some()) =>
        {
            text[..open].trim_end()
        }
        _ => text,
    }
}

/// A word that is a number and a label written together: joined by a hyphen, number first
/// ("1-статья", "2‐модда"), or a label of letters and its number after it, in a script that
/// sets no spaces ("條1：").
fn glued(word: &str) -> Option<(&str, &str)> {
    let digits_end = word
        .char_indices()
        .find(|&(_, c)| digit_value(c).is_none())
        .map_or(word.len(), |(i, _)| i);
    if digits_end > 0 {
        let rest = &word[digits_end..];
        let hyphen = rest
            .chars()
            .next()
            .filter(|c| matches!(c, '-' | '‐' | '–'))?;
        let label = &rest[hyphen.len_utf8()..];
        return (label.chars().count() >= 2 && label.chars().all(char::is_alphabetic))
            .then_some((&word[..digits_end], label));
    }
    let label_end = word
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map(|(i, _)| i)?;
    let (label, number) = word.split_at(label_end);
    let wide = label.chars().all(|c| u32::from(c) >= 0x2E80);
    (wide && !label.is_empty() && number_value(number).is_some()).then_some((label, number))
}

/// The value of a number as a series writes it: digits of any script, perhaps with an
/// ordinal's mark ("1ª", "2nd", "3e"), or a Roman numeral in capitals; then perhaps a full
/// stop, a colon or a closing bracket.
fn number_value(word: &str) -> Option<u32> {
    let word = word.trim_end_matches(['.', ':', '：', '．', ')', '-', '–']);
    let word = word.strip_prefix('(').unwrap_or(word);
    if word.is_empty() {
        return None;
    }
    let digits: Vec<u32> = word.chars().map_while(digit_value).collect();
    if digits.is_empty() {
        return roman_value(word);
    }
    if digits.len() > 4 {
        return None;
    }
    let suffix: String = word.chars().skip(digits.len()).collect();
    if suffix.chars().count() > 3
        || !suffix
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, 'ª' | 'º' | '°'))
    {
        return None;
    }
    Some(digits.iter().fold(0, |n, d| n * 10 + d))
}

/// A decimal digit of any script. Each script's digits are ten code points in a row from its
/// zero, so the value is the distance back to the first of the run.
fn digit_value(c: char) -> Option<u32> {
    if let Some(d) = c.to_digit(10) {
        return Some(d);
    }
    if !c.is_numeric() {
        return None;
    }
    let code = c as u32;
    let mut value = 0;
    while value < 9 {
        match char::from_u32(code - value - 1) {
            Some(before) if before.is_numeric() => value += 1,
            _ => break,
        }
    }
    Some(value)
}

fn roman_value(word: &str) -> Option<u32> {
    if word.len() > 8 {
        return None;
    }
    let mut total = 0u32;
    let mut previous = 0u32;
    for c in word.chars().rev() {
        let value = match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            'D' => 500,
            'M' => 1000,
            _ => return None,
        };
        if value < previous {
            total = total.checked_sub(value)?;
        } else {
            total += value;
            previous = value;
        }
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_numbers_in_any_script() {
        let key = |t: &str| member(t).map(|(k, _)| k);
        let value = |t: &str| member(t).map(|(_, v)| v);
        assert_eq!(value("Artikkel 12."), Some(12));
        assert_eq!(value("Artigo 1ª."), Some(1));
        assert_eq!(value("1 artihkal"), Some(1));
        assert_eq!(value("અનુચ્છેદ ૧૨:"), Some(12));
        assert_eq!(value("कलम १ :"), Some(1));
        assert_eq!(value("3 :"), Some(3));
        assert_eq!(value("المادة ٣"), Some(3));
        assert_eq!(value("Article IV."), Some(4));
        assert_eq!(value("7."), Some(7));
        assert_eq!(value("Mataki na biyu (2)"), Some(2));
        assert_eq!(key("Mataki na farko (1)"), key("Mataki na biyu (2)"));
        assert_eq!(key("Član 1."), key("ČLAN 2"));
        assert_ne!(key("1 artihkal"), key("artihkal 1"));
        // A number joined to its label, a gloss after it, a comma before it.
        assert_eq!(value("1-статья"), Some(1));
        assert_eq!(key("1‐статья"), key("2-статья"));
        assert_eq!(key("2-нэрэ пычыгъу"), key("3-нэрэ пычыгъу"));
        assert_eq!(value("條12："), Some(12));
        assert_eq!(key("條1："), key("條2："));
        assert_eq!(
            value("Aatikl 2 (Di paat we diil wid evribadi raits an we dem frii)"),
            Some(2)
        );
        assert_eq!(key("Aatikl 1 (Di paat)"), key("Aatikl 2"));
        assert_eq!(value("Ayojeitaqueri, 4."), Some(4));
        // A number in brackets names the series, whatever words spell it out beside it.
        assert_eq!(key("Kiñe Xoy (1)"), key("Epu Xoy (2)"));
        assert_eq!(key("(1) HUK KAQ"), key("(2) ISKAY KAQ"));
        assert_ne!(key("Kiñe Xoy (1)"), key("(1) HUK KAQ"));
        // Not a label and its number.
        assert_eq!(member("1-2"), None, "a range");
        assert_eq!(member("mp3"), None);
        assert_eq!(member("Notes: I, 1."), None, "still a reference");
        assert_eq!(member("12"), None, "a bare number may be a page's");
        assert_eq!(member("He was 12 then."), None);
        assert_eq!(member("Room 12b-4"), None);
        assert_eq!(member("1. Introduction to the rules of the game"), None);
        assert_eq!(member("14 15"), None);
        assert_eq!(member("Notes: I, 1."), None, "a reference");
    }

    #[test]
    fn a_series_in_words_heads_paragraphs_not_names() {
        let spelled = |over: &dyn Fn(&str) -> String| -> Vec<String> {
            let mut text =
                String::from("Tools\n\nThe browser comes with tools for developers.\n\n");
            for name in [
                "Webide",
                "Valence",
                "Inspector",
                "Console",
                "Debugger",
                "Profiler",
                "Monitor",
            ] {
                text.push_str(&format!("Learn more about {name}\n\n{}\n\n", over(name)));
            }
            let mut raws = super::super::scan::scan(&text);
            mark_spelled(&mut raws);
            raws.iter()
                .filter(|r| r.kind == BlockKind::Heading)
                .map(|r| r.text())
                .collect()
        };
        // Over a paragraph each, seven lines of one label are a series.
        let over_text =
            |name: &str| format!("A tool to look at pages, {name} shows what a page does and why.");
        assert_eq!(spelled(&over_text).len(), 7);
        // Over a name each (the next tool's, as a page of links sets them), they are links.
        let over_name = |name: &str| format!("{name}, new.");
        assert_eq!(spelled(&over_name), Vec::<String>::new());
    }

    #[test]
    fn counting_up_makes_a_series() {
        let at = |values: &[u32]| -> Vec<(usize, u32)> {
            values
                .iter()
                .enumerate()
                .map(|(i, &v)| (i * 2, v))
                .collect()
        };
        assert!(is_series(&at(&[1, 2, 3])));
        assert!(is_series(&at(&[1, 2, 3, 1, 2, 3])), "counted afresh");
        assert!(is_series(&at(&[1, 2, 4, 5])), "one number skipped");
        assert!(!is_series(&at(&[1, 2])), "two are not a series");
        assert!(
            !is_series(&at(&[3, 17, 9, 40])),
            "numbers that do not count"
        );
        assert!(!is_series(&at(&[5, 5, 5, 5])));
    }
}
