//! Lines to raw blocks: drops page furniture (running headers and footers of paginated text),
//! opens boxed text, keeps fenced code whole, and splits at blank lines, Markdown ATX and
//! underlined (setext / reStructuredText) headings, block quotes and list items. What each plain
//! paragraph *is* gets decided later, with the whole document in view.

use super::heading::{self, Form};
use crate::document::BlockKind;

/// A block before classification: its source lines and the 1-based line where it starts.
#[derive(Debug, Clone)]
pub struct Raw<'a> {
    pub kind: BlockKind,
    pub lines: Vec<&'a str>,
    pub line: usize,
    /// How a heading was marked (None for everything else).
    pub form: Option<Form>,
    /// Every line sits deeper than the body text of the document: verse, a quotation or an
    /// example set in by hand.
    pub set_in: bool,
}

impl<'a> Raw<'a> {
    fn new(kind: BlockKind, line: usize) -> Self {
        Raw {
            kind,
            lines: Vec::new(),
            line,
            form: None,
            set_in: false,
        }
    }

    /// The text a reader sees: lines joined with spaces, or kept apart for preformatted text.
    pub fn text(&self) -> String {
        if self.kind == BlockKind::Code {
            return self.lines.join("\n");
        }
        if let Some(Form::Aozora(_)) = self.form {
            return heading::without_aozora_notes(&self.lines.join(" "));
        }
        // Sized exactly: a book's blocks together hold a whole copy of its text.
        let capacity = self.lines.iter().map(|l| l.trim().len() + 1).sum::<usize>();
        let mut text = String::with_capacity(capacity.saturating_sub(1));
        for line in &self.lines {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(line);
        }
        text
    }
}

pub fn scan(text: &str) -> Vec<Raw<'_>> {
    let lines = clean_lines(text);
    let base = base_indent(&lines);
    let mut out: Vec<Raw<'_>> = Vec::new();
    let mut pending: Option<Raw<'_>> = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let number = i + 1;
        if line.trim().is_empty() {
            flush(&mut pending, &mut out, base);
            i += 1;
            continue;
        }
        if let Some(fence) = fence_marker(line) {
            flush(&mut pending, &mut out, base);
            let close = (i + 1..lines.len())
                .find(|&j| {
                    fence_marker(lines[j])
                        .is_some_and(|f| f.starts_with(fence) && lines[j].trim() == f)
                })
                .unwrap_or(lines.len());
            let mut code = Raw::new(BlockKind::Code, number);
            code.lines = lines[i + 1..close].to_vec();
            while code.lines.last().is_some_and(|l| l.trim().is_empty()) {
                code.lines.pop();
            }
            if !code.lines.is_empty() {
                out.push(code);
            }
            i = close + 1;
            continue;
        }
        if let Some((level, title)) = heading::aozora(line) {
            flush(&mut pending, &mut out, base);
            out.push(heading_raw(title, number, Form::Aozora(level)));
            i += 1;
            continue;
        }
        if let Some((level, title)) = heading::atx(line)
            && !inside_indented_block(&lines, i)
        {
            flush(&mut pending, &mut out, base);
            out.push(heading_raw(title, number, Form::Atx(level)));
            i += 1;
            continue;
        }
        // reStructuredText overline, title, underline.
        if pending.is_none()
            && let (Some(over), Some(title), Some(under)) = (
                underline_char(line),
                lines.get(i + 1),
                lines.get(i + 2).and_then(|l| underline_char(l)),
            )
            && over == under
            && !title.trim().is_empty()
            && underline_char(title).is_none()
        {
            out.push(heading_raw(
                title.trim(),
                number + 1,
                Form::Underline {
                    mark: over,
                    over: true,
                },
            ));
            i += 3;
            continue;
        }
        // Setext / reStructuredText underline under a line that starts its block.
        if pending.is_none()
            && underline_char(line).is_none()
            && let Some(mark) = lines.get(i + 1).and_then(|l| underline_char(l))
            && fits_underline(line, lines[i + 1])
        {
            out.push(heading_raw(
                line.trim(),
                number,
                Form::Underline { mark, over: false },
            ));
            i += 2;
            continue;
        }
        if is_rule(line) {
            flush(&mut pending, &mut out, base);
            i += 1;
            continue;
        }
        if let Some(inner) = quote_text(line) {
            if pending.as_ref().is_some_and(|p| p.kind != BlockKind::Quote) {
                flush(&mut pending, &mut out, base);
            }
            pending
                .get_or_insert_with(|| Raw::new(BlockKind::Quote, number))
                .lines
                .push(inner);
            i += 1;
            continue;
        }
        if starts_list_item(&lines, i) {
            flush(&mut pending, &mut out, base);
            let mut item = Raw::new(BlockKind::ListItem, number);
            item.lines.push(line);
            pending = Some(item);
            i += 1;
            continue;
        }
        if let Some(p) = pending.as_mut() {
            // "1.1. Term" over an indented definition: the term line stands alone. A line
            // indented to where the words after the number start is a list item's hanging
            // indent ("1. When …\n   for …"): the item goes on.
            let split_term = p.kind == BlockKind::Paragraph
                && p.lines.len() == 1
                && heading::numbered(p.lines[0].trim()).is_some()
                && indent(line) > indent(p.lines[0]) + 1
                && indent(line) != hanging_indent(p.lines[0]);
            if p.kind == BlockKind::Quote || split_term {
                flush(&mut pending, &mut out, base);
            }
        }
        pending
            .get_or_insert_with(|| Raw::new(BlockKind::Paragraph, number))
            .lines
            .push(line);
        i += 1;
    }
    flush(&mut pending, &mut out, base);
    out
}

/// The column where the words after a list number start: "1. When" → 3.
fn hanging_indent(line: &str) -> usize {
    let start = indent(line);
    let rest = &line[start..];
    let number = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let words = rest[number..].len() - rest[number..].trim_start().len();
    start + number + words
}

/// An indented line among lines indented as deep (a code example of a reStructuredText
/// directive, a comment in it starting "# "): part of that block, never a Markdown heading.
fn inside_indented_block(lines: &[&str], i: usize) -> bool {
    let depth = indent(lines[i]);
    if depth == 0 {
        return false;
    }
    let deep = |l: &&&str| !l.trim().is_empty() && indent(l) >= depth;
    let nonblank = |l: &&&str| !l.trim().is_empty();
    lines[..i]
        .iter()
        .rev()
        .find(nonblank)
        .is_some_and(|l| deep(&l))
        || lines[i + 1..]
            .iter()
            .find(nonblank)
            .is_some_and(|l| deep(&l))
}

fn heading_raw(title: &str, line: usize, form: Form) -> Raw<'_> {
    let mut raw = Raw::new(BlockKind::Heading, line);
    raw.lines.push(title);
    raw.form = Some(form);
    raw
}

fn flush<'a>(pending: &mut Option<Raw<'a>>, out: &mut Vec<Raw<'a>>, base: usize) {
    if let Some(mut raw) = pending.take() {
        if raw.kind == BlockKind::Paragraph && is_preformatted(&raw.lines, base) {
            raw.kind = BlockKind::Code;
        }
        raw.set_in = raw.lines.iter().map(|l| indent(l)).min().unwrap_or(0) > base;
        out.push(raw);
    }
}

/// Lines of the text with page furniture blanked and box borders opened, so the rest of the
/// scan sees the text as if it had never been paginated or boxed. Line numbers do not move.
fn clean_lines(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text.split('\n').map(str::trim_end).collect();
    for line in &mut lines {
        if is_page_footer(line) || is_page_header(line) || is_box_edge(line) {
            *line = "";
        } else if let Some(inner) = box_inner(line) {
            *line = inner;
        }
    }
    lines
}

/// "Arends, et al.        Standards Track        [Page 12]".
fn is_page_footer(line: &str) -> bool {
    let trimmed = line.trim();
    let Some(rest) = trimmed.strip_suffix(']') else {
        return false;
    };
    let Some(open) = rest.rfind("[Page ") else {
        return false;
    };
    rest[open + 6..].trim().chars().all(|c| c.is_ascii_digit()) && trimmed.contains("   ")
}

/// "RFC 4033       DNS Security Introduction and Requirements     March 2005".
fn is_page_header(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("RFC ") else {
        return false;
    };
    let number_len = rest.chars().take_while(char::is_ascii_digit).count();
    let year = line.rsplit(' ').next().unwrap_or("");
    number_len > 0
        && line.contains("   ")
        && year.len() == 4
        && year.chars().all(|c| c.is_ascii_digit())
}

/// A border line of a box drawn with one repeated character ("*****…").
fn is_box_edge(line: &str) -> bool {
    let trimmed = line.trim();
    trimmed.chars().count() >= 20 && trimmed.chars().all(|c| c == '*' || c == '#')
}

/// The inside of a boxed line "*  text   *", shifted left by the border and its padding.
fn box_inner(line: &str) -> Option<&str> {
    if line.len() < 20 {
        return None;
    }
    let border = line.chars().next()?;
    if !matches!(border, '*' | '#' | '|') || !line.ends_with(border) {
        return None;
    }
    let inner = &line[1..line.len() - 1];
    if !inner.starts_with(' ') || !inner.ends_with(' ') {
        return None;
    }
    let skip = inner.len() - inner.trim_start_matches(' ').len();
    Some(inner[skip.min(2)..].trim_end())
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The indentation most lines share: body text of an RFC sits at 3, of most texts at 0.
fn base_indent(lines: &[&str]) -> usize {
    let mut counts = [0usize; 9];
    for line in lines.iter().filter(|l| !l.trim().is_empty()) {
        counts[indent(line).min(8)] += 1;
    }
    (0..counts.len())
        .max_by_key(|&i| (counts[i], usize::MAX - i))
        .unwrap_or(0)
}

/// Indented well past the body, or laid out in columns: code, tables, figures, verse by hand.
fn is_preformatted(lines: &[&str], base: usize) -> bool {
    let min_indent = lines.iter().map(|l| indent(l)).min().unwrap_or(0);
    if min_indent >= base + 4 && (lines.len() > 1 || min_indent >= 8) {
        return true;
    }
    let columned = lines
        .iter()
        .filter(|l| {
            let t = l.trim();
            t.contains("   ") || t.starts_with('|') || t.starts_with("+-") || t.starts_with("+=")
        })
        .count();
    lines.len() > 1 && columned * 2 > lines.len()
}

/// "```" or "~~~" (three or more) opening or closing a fenced block.
fn fence_marker(line: &str) -> Option<&str> {
    if indent(line) > 3 {
        return None;
    }
    let trimmed = line.trim_start();
    for mark in ["```", "~~~"] {
        if trimmed.starts_with(mark) {
            let c = mark.chars().next().unwrap_or('`');
            let len = trimmed.len() - trimmed.trim_start_matches(c).len();
            return Some(&trimmed[..len]);
        }
    }
    None
}

/// The character of an underline: one punctuation mark repeated, three or more times.
fn underline_char(line: &str) -> Option<char> {
    let trimmed = line.trim();
    let mark = trimmed.chars().next()?;
    let ok =
        "=-~^*+#\"'`:._".contains(mark) && trimmed.len() >= 3 && trimmed.chars().all(|c| c == mark);
    ok.then_some(mark)
}

/// An underline belongs to the line above when it is about as wide as it and the line is short.
fn fits_underline(text: &str, underline: &str) -> bool {
    let width = text.trim().chars().count();
    let under = underline.trim().chars().count();
    let words = text.split_whitespace().count();
    words <= 16
        && width <= 100
        && indent(text) <= 3
        && (under * 10 >= width * 6 || under >= 3 && underline.trim().starts_with('='))
}

/// A horizontal rule standing alone ("---", "* * *", "___").
fn is_rule(line: &str) -> bool {
    // Called on every line of a book: decide from the first mark without allocating.
    let mut marks = line.chars().filter(|c| !c.is_whitespace());
    let Some(first @ ('-' | '*' | '_')) = marks.next() else {
        return false;
    };
    let mut count = 1;
    for c in marks {
        if c != first {
            return false;
        }
        count += 1;
    }
    count >= 3
}

/// "> text" becomes "text".
fn quote_text(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    if indent(line) > 3 {
        return None;
    }
    let rest = trimmed.strip_prefix('>')?;
    Some(rest.strip_prefix(' ').unwrap_or(rest))
}

/// A bullet ("- ", "* ", "• ", RFC "o  ") always starts an item; a number ("1. ", "2) ") only
/// among other items, so a numbered heading standing alone stays a heading.
fn starts_list_item(lines: &[&str], i: usize) -> bool {
    if bullet(lines[i]) {
        return true;
    }
    if !ordered(lines[i]) {
        return false;
    }
    let listy = |l: &&str| bullet(l) || ordered(l);
    lines.get(i + 1).is_some_and(listy)
        || i.checked_sub(1)
            .and_then(|p| lines.get(p))
            .is_some_and(listy)
}

fn bullet(line: &str) -> bool {
    let t = line.trim_start();
    ["- ", "* ", "+ ", "• ", "· ", "‣ ", "▪ ", "o  "]
        .iter()
        .any(|b| t.starts_with(b))
        && t.len() > 2
}

fn ordered(line: &str) -> bool {
    let t = line.trim_start();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    (1..=3).contains(&digits) && (t[digits..].starts_with(". ") || t[digits..].starts_with(") "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(BlockKind, usize, String)> {
        scan(text)
            .iter()
            .map(|r| (r.kind, r.line, r.text()))
            .collect()
    }

    #[test]
    fn page_furniture_is_blanked_and_lines_keep_their_numbers() {
        let text = "   Body text that ends a page.\n\nArends, et al.        Standards Track        [Page 3]\n\nRFC 4033       DNS Security Introduction     March 2005\n\n   Next page text.";
        let got = kinds(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].1, 7);
        assert_eq!(got[1].2, "Next page text.");
    }

    #[test]
    fn boxed_text_is_opened_and_its_heading_found() {
        let text = "****************************************\n*                                      *\n*  6. Disclaimer of Warranty           *\n*  -------------------------           *\n*                                      *\n*  Covered Software is provided as is. *\n****************************************";
        let raws = scan(text);
        assert_eq!(raws[0].kind, BlockKind::Heading);
        assert_eq!(raws[0].text(), "6. Disclaimer of Warranty");
        assert_eq!(raws[0].line, 3);
        assert_eq!(raws[1].text(), "Covered Software is provided as is.");
    }

    #[test]
    fn fenced_code_hides_hash_lines_and_keeps_lines() {
        let raws = scan("Intro.\n\n```sh\n# not a heading\nls -l\n```\n\n# Real heading");
        assert_eq!(raws[1].kind, BlockKind::Code);
        assert_eq!(raws[1].text(), "# not a heading\nls -l");
        assert_eq!(raws[2].kind, BlockKind::Heading);
        assert_eq!(raws[2].line, 8);
    }

    #[test]
    fn setext_and_rst_headings() {
        let raws =
            scan("Title\n=====\n\nIntro text here.\n\n=======\nSection\n=======\n\nSub\n---\ntext");
        let headings: Vec<(String, usize)> = raws
            .iter()
            .filter(|r| r.kind == BlockKind::Heading)
            .map(|r| (r.text(), r.line))
            .collect();
        assert_eq!(
            headings,
            vec![
                ("Title".into(), 1),
                ("Section".into(), 7),
                ("Sub".into(), 10)
            ]
        );
    }

    #[test]
    fn lists_quotes_and_indented_code() {
        let text = "Some text:\n\n- first item\n  continues\n- second item\n\n1. one\n2. two\n\n> quoted line\n> more\n\n    let x = 1;\n    let y = 2;";
        let got: Vec<BlockKind> = scan(text).iter().map(|r| r.kind).collect();
        use BlockKind::*;
        assert_eq!(
            got,
            vec![
                Paragraph, ListItem, ListItem, ListItem, ListItem, Quote, Code
            ]
        );
        assert_eq!(scan(text)[1].text(), "- first item continues");
    }

    #[test]
    fn a_numbered_item_with_a_hanging_indent_stays_whole() {
        let raws = scan(
            "1. When applying the guideline would make the code less readable, even\n   for someone who is used to reading code that follows this PEP.\n",
        );
        assert_eq!(raws.len(), 1);
        assert_eq!(raws[0].lines.len(), 2);
    }

    #[test]
    fn hash_lines_inside_an_indented_example_are_not_headings() {
        let raws = scan(
            "Example::\n\n   # Correct:\n\n   # Aligned with opening delimiter.\n   foo = bar(a,\n             b)\n\nIntro.\n\n  ## Real heading\n\nText.",
        );
        let headings: Vec<String> = raws
            .iter()
            .filter(|r| r.kind == BlockKind::Heading)
            .map(Raw::text)
            .collect();
        assert_eq!(headings, vec!["Real heading".to_string()]);
    }

    #[test]
    fn a_numbered_term_over_its_definition_stands_alone() {
        let raws = scan("1.1. \"Contributor\"\n    means each individual.\n");
        assert_eq!(raws.len(), 2);
        assert_eq!(raws[0].text(), "1.1. \"Contributor\"");
    }
}
