//! A block before classification ([`Raw`]): its kind, where it starts, and its lines. A
//! block's lines are always consecutive source lines, so it holds only their span of the
//! source and how each line is read; its lines and its text are read from that span when
//! asked for, and no list of lines is kept.

use super::heading::{self, Form};
use super::lines::{self, Line};
use super::scan::quote_text;
use crate::document::BlockKind;
use crate::text::script::line_joiner;

/// A block before classification: its source lines and the 1-based line where it starts.
#[derive(Debug, Clone)]
pub struct Raw<'a> {
    pub kind: BlockKind,
    pub line: usize,
    /// How a heading was marked (None for everything else).
    pub form: Option<Form>,
    /// Every line sits deeper than the body text of the document: verse, a quotation or an
    /// example set in by hand.
    pub set_in: bool,
    /// Preformatted lines of words (verse), which turn over when too long rather than being
    /// cut (see [`crate::document::Placement::turn_over`]).
    pub turn_over: bool,
    /// A passage of wrapped prose set in by hand (a letter, a footnote): a paragraph that
    /// flows, set in as the source sets it.
    pub passage: bool,
    /// How many columns the block's first line sits short of the indent the text's prose
    /// sits at: a manual page's section heading at the margin over text set in by seven
    /// columns (0 for most blocks; see `mark_hung`).
    pub hung: usize,
    /// Set close under the block before it, with no blank line between: what a term, an
    /// option or a speaker's first line stands over.
    pub tight: bool,
    /// The raw lines, from the start of the first to the end of the last.
    span: &'a str,
    count: usize,
    reading: Reading,
}

/// How each raw line of a block's span becomes one of its lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reading {
    /// Cleaned as the scan saw it.
    Cleaned,
    /// Cleaned, then its quote marker stripped.
    Quoted,
    /// Taken as it is: a heading's title, its markup already gone.
    Verbatim,
}

impl Reading {
    pub(super) fn apply(self, raw_line: &str) -> &str {
        match self {
            Reading::Cleaned => lines::clean(raw_line),
            Reading::Quoted => {
                let line = lines::clean(raw_line);
                quote_text(line).unwrap_or(line)
            }
            Reading::Verbatim => raw_line,
        }
    }
}

impl<'a> Raw<'a> {
    /// A block of the one source line `line`, read as its kind asks (a quote without its
    /// markers).
    pub(super) fn starting(
        kind: BlockKind,
        number: usize,
        source: &'a str,
        line: Line<'a>,
    ) -> Self {
        Raw::spanning(kind, number, source, (line, line), 1)
    }

    /// A block of the `count` source lines from the first to the last of `lines`.
    pub(super) fn spanning(
        kind: BlockKind,
        number: usize,
        source: &'a str,
        (first, last): (Line<'a>, Line<'a>),
        count: usize,
    ) -> Self {
        let reading = if kind == BlockKind::Quote {
            Reading::Quoted
        } else {
            Reading::Cleaned
        };
        Raw {
            kind,
            line: number,
            form: None,
            set_in: false,
            turn_over: false,
            passage: false,
            hung: 0,
            tight: false,
            // Line ranges come from splitting the source at '\n', so they always slice it.
            span: source.get(first.start..last.end).unwrap_or_default(),
            count,
            reading,
        }
    }

    /// A heading's title, its markup already stripped, standing for the block's one line.
    pub(super) fn title(title: &'a str, number: usize) -> Self {
        Raw {
            kind: BlockKind::Heading,
            line: number,
            form: None,
            set_in: false,
            turn_over: false,
            passage: false,
            hung: 0,
            tight: false,
            span: title,
            count: 1,
            reading: Reading::Verbatim,
        }
    }

    /// Extends the block to `line`, the source line right after its last one.
    pub(super) fn push(&mut self, source: &'a str, line: Line<'a>) {
        // The span ends one '\n' before `line` starts.
        let start = line.start.saturating_sub(self.span.len() + 1);
        if let Some(span) = source.get(start..line.end) {
            self.span = span;
            self.count += 1;
        }
    }

    /// How many lines the block has.
    pub fn line_count(&self) -> usize {
        self.count
    }

    /// The block's lines, each as the scan read it (a quote's without its marker).
    pub fn lines(&self) -> impl Iterator<Item = &'a str> + Clone + use<'a> {
        let reading = self.reading;
        SpanLines {
            rest: self.span,
            left: self.count,
        }
        .map(move |line| reading.apply(line))
    }

    /// The source text the block's lines are read from: each line is a slice of it, so what
    /// it lacks no line has (a quick test before reading line by line).
    pub fn source(&self) -> &'a str {
        self.span
    }

    /// How each of the block's raw lines is read.
    pub(super) fn reading(&self) -> Reading {
        self.reading
    }

    /// The block's first line as the scan read it.
    pub fn first_line(&self) -> &'a str {
        self.lines().next().unwrap_or("")
    }

    /// The columns of the indent that opens the first line when it is one of ideographic
    /// spaces (U+3000, two columns each; spaces among them count one): how Chinese and
    /// Japanese texts set in a paragraph's first line. Zero for any other indent.
    pub fn ideographic_indent(&self) -> u16 {
        let line = self.first_line();
        let indent = &line[..line.len() - line.trim_start_matches([' ', '\u{3000}']).len()];
        if !indent.contains('\u{3000}') {
            return 0;
        }
        let columns: usize = indent
            .chars()
            .map(|c| if c == '\u{3000}' { 2 } else { 1 })
            .sum();
        u16::try_from(columns).unwrap_or(u16::MAX)
    }

    /// The text a reader sees: lines joined with spaces, or kept apart for preformatted text.
    pub fn text(&self) -> String {
        if self.kind == BlockKind::Code {
            return join(self.lines(), "\n");
        }
        if let Some(Form::Aozora(_)) = self.form {
            return heading::without_aozora_notes(&join(self.lines(), " "));
        }
        flowing_text(self.lines())
    }
}

/// The raw lines of a span, split at '\n' (memchr finds each end faster than a char pattern).
#[derive(Clone)]
struct SpanLines<'a> {
    rest: &'a str,
    left: usize,
}

impl<'a> Iterator for SpanLines<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        self.left = self.left.checked_sub(1)?;
        match memchr::memchr(b'\n', self.rest.as_bytes()) {
            Some(end) => {
                let line = &self.rest[..end];
                self.rest = &self.rest[end + 1..];
                Some(line)
            }
            None => Some(std::mem::take(&mut self.rest)),
        }
    }
}

/// Prose lines as one paragraph: each trimmed, blank ones dropped, joined with single spaces
/// (with nothing between Chinese or Japanese characters: see [`line_joiner`]).
pub(super) fn flowing_text<'a>(lines: impl Iterator<Item = &'a str> + Clone) -> String {
    // Sized exactly: a book's blocks together hold a whole copy of its text.
    let capacity = lines.clone().map(|l| l.trim().len() + 1).sum::<usize>();
    let mut text = String::with_capacity(capacity.saturating_sub(1));
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push_str(line_joiner(text.chars().next_back(), line.chars().next()));
        }
        text.push_str(line);
    }
    text
}

fn join<'a>(lines: impl Iterator<Item = &'a str> + Clone, separator: &str) -> String {
    let capacity = lines
        .clone()
        .map(|l| l.len() + separator.len())
        .sum::<usize>();
    let mut text = String::with_capacity(capacity.saturating_sub(separator.len()));
    for (n, line) in lines.enumerate() {
        if n > 0 {
            text.push_str(separator);
        }
        text.push_str(line);
    }
    text
}
