//! The scan as it was when every line was kept in a list: the oracle the cursor scan is
//! checked against. Test code only; it shares the line tests that did not change.

use super::{
    CODE_DIRECTIVES, bullet, contents_entry, fence_marker, fits_underline, hanging_indent, indent,
    is_rule, is_short_title, is_tagged, ordered, quote_text, runs_on, stands_over_set_in,
    underline_char,
};
use crate::document::BlockKind;
use crate::document::structure::heading::{self, Form};
use crate::document::structure::lines;

#[derive(Debug, Clone)]
pub struct Raw<'a> {
    pub kind: BlockKind,
    pub lines: Vec<&'a str>,
    pub line: usize,
    pub form: Option<Form>,
    pub set_in: bool,
    /// Set close under a term: what it means flows when it is prose.
    pub tight: bool,
}

impl<'a> Raw<'a> {
    fn new(kind: BlockKind, line: usize) -> Self {
        Raw {
            kind,
            lines: Vec::new(),
            line,
            form: None,
            set_in: false,
            tight: false,
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
        crate::document::structure::raw::flowing_text(self.lines.iter().copied())
    }
}

pub fn scan(text: &str) -> Vec<Raw<'_>> {
    let lines = clean_lines(text);
    let base = base_indent(&lines);
    let starts = super::Starts::of(text);
    let mut out: Vec<Raw<'_>> = Vec::new();
    let mut pending: Option<Raw<'_>> = None;
    let mut literal: Option<usize> = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let number = i + 1;
        if line.trim().is_empty() {
            if literal.is_none() {
                literal = pending.as_mut().and_then(literal_depth);
            }
            flush(&mut pending, &mut out, base);
            i += 1;
            continue;
        }
        if let Some(depth) = literal {
            if indent(line) > depth {
                if pending.as_ref().is_none_or(|p| p.kind != BlockKind::Code) {
                    flush(&mut pending, &mut out, base);
                    pending = Some(Raw::new(BlockKind::Code, number));
                }
                if let Some(code) = pending.as_mut() {
                    code.lines.push(line);
                }
                i += 1;
                continue;
            }
            literal = None;
            flush(&mut pending, &mut out, base);
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
            if let Some(rest) = heading::aozora_rest(line) {
                let mut text = Raw::new(BlockKind::Paragraph, number);
                text.lines = vec![rest];
                out.push(text);
            }
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
        if pending.is_none()
            && let Some(count) = contents_lines(&lines[i..])
        {
            let mut code = Raw::new(BlockKind::Code, number);
            code.lines = lines[i..i + count].to_vec();
            out.push(code);
            i += count;
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
            // So does a line over a body set deeper (see `stands_over_set_in`).
            let above = p.lines[0];
            let hangs = |tagged: bool| tagged && indent(line) == hanging_indent(above);
            let body = lines[i..]
                .iter()
                .copied()
                .take_while(|l| !lines::is_blank(l));
            let split_term = p.kind == BlockKind::Paragraph
                && p.lines.len() == 1
                && indent(line) > indent(above) + 1
                && !runs_on(above, line)
                && (heading::numbered(above.trim()).is_some() && !hangs(true)
                    || !hangs(is_tagged(above)) && stands_over_set_in(above, body));
            let starts_anew = p.kind == BlockKind::Paragraph && starts.starts_paragraph(line);
            if p.kind == BlockKind::Quote || split_term || starts_anew {
                flush(&mut pending, &mut out, base);
            }
            if split_term {
                let mut under = Raw::new(BlockKind::Paragraph, number);
                under.tight = true;
                pending = Some(under);
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
        if raw.kind == BlockKind::Paragraph
            && (is_preformatted(&raw.lines, base)
                || crate::document::structure::matter::header::are_fields(
                    raw.lines.iter().copied(),
                )
                || crate::document::structure::matter::are_rows_of_figures(
                    raw.lines.iter().copied(),
                    raw.lines.len(),
                )
                || super::is_list_of_lines(
                    raw.lines.iter().copied(),
                    out.last().is_some_and(|before| {
                        super::introduces_a_list(before.kind, before.lines.iter().copied())
                    }),
                ))
        {
            let lines: Vec<&str> = raw.lines.iter().map(|l| l.trim()).collect();
            let numbered = lines.iter().any(|l| super::is_numbered_in_margin(l));
            let describes = raw.tight
                && !numbered
                && (lines.len() == 1 || super::kept_lines::is_wrapped_at_a_measure(&lines));
            if !describes {
                raw.kind = BlockKind::Code;
            }
        }
        raw.set_in = raw.lines.iter().map(|l| indent(l)).min().unwrap_or(0) > base;
        out.push(raw);
    }
}

/// Lines of the text with page furniture blanked and box borders opened, each as the cursor
/// scan cleans it (how a line is cleaned did not change). Line numbers do not move.
fn clean_lines(text: &str) -> Vec<&str> {
    text.split('\n').map(lines::clean).collect()
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
    let widest = lines.iter().map(|l| l.trim().len()).max().unwrap_or(0);
    if min_indent >= base + 2 && lines.len() > 1 && widest < super::MEASURE_OF_WRAPPED_PROSE {
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

/// A bullet ("- ", "* ", "• ", RFC "o  ") always starts an item; a number ("1. ", "2) ") only
/// among other items or over a line hung to its words, so a numbered heading standing alone
/// stays a heading.
fn starts_list_item(lines: &[&str], i: usize) -> bool {
    if bullet(lines[i]) {
        return true;
    }
    if !ordered(lines[i]) {
        return false;
    }
    let listy = |l: &&str| bullet(l) || ordered(l);
    let hang = hanging_indent(lines[i]);
    let hangs =
        |next: &&str| !next.trim().is_empty() && hang > indent(lines[i]) && indent(next) == hang;
    lines.get(i + 1).is_some_and(listy)
        || i.checked_sub(1)
            .and_then(|p| lines.get(p))
            .is_some_and(listy)
        || lines.get(i + 1).is_some_and(hangs)
}

/// How deep the literal block a finished block opens sits: a paragraph ending in "::" or a code
/// directive; any directive becomes code itself.
fn literal_depth(raw: &mut Raw<'_>) -> Option<usize> {
    if matches!(raw.kind, BlockKind::Heading | BlockKind::Quote) {
        return None;
    }
    let first = *raw.lines.first()?;
    if let Some(directive) = first.trim_start().strip_prefix(".. ") {
        if !directive.contains("::") {
            // An internal target (".. _label:", a name for links to point at) is markup, kept
            // as its line is; it names nothing the reader sees, so it is no title either.
            if directive.starts_with('_') && directive.trim_end().ends_with(':') {
                raw.kind = BlockKind::Code;
            }
            // A link target or a comment (".. _label: https://…"): text, not a directive.
            return None;
        }
        raw.kind = BlockKind::Code;
        let name = directive.split("::").next().unwrap_or("").trim();
        return (directive.contains("::") && CODE_DIRECTIVES.contains(&name))
            .then(|| indent(first));
    }
    raw.lines
        .last()
        .is_some_and(|l| l.trim_end().ends_with("::"))
        .then(|| indent(first))
}

/// The lines of a table of contents starting `lines`, when they make one.
fn contents_lines(lines: &[&str]) -> Option<usize> {
    let first = lines.first()?;
    contents_entry(first)?;
    let depth = indent(first);
    let (mut entries, mut nested_or_paged, mut count) = (0, false, 0);
    for line in lines.iter().take_while(|l| !l.trim().is_empty()) {
        match contents_entry(line) {
            Some((nested, paged)) => {
                entries += 1;
                nested_or_paged |= nested || paged;
            }
            None if indent(line) > depth && line.len() <= 100 => {}
            None if entries >= 3 && indent(line) == depth && is_short_title(line) => {}
            None => break,
        }
        count += 1;
    }
    (entries >= 3 && nested_or_paged).then_some(count)
}
