//! Markdown to blocks, with `pulldown-cmark`: headings (with level) for the outline, paragraphs,
//! list items with their bullets and nesting, block quotes, code blocks kept as written, and
//! inline emphasis/strong/code/link styles as byte ranges. Link targets are gathered into a
//! numbered reference list at the end of each section. Every piece of text is sanitized as it
//! is taken from the parser, since entities like `&#27;` can make control characters.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::sanitize::{sanitize, sanitize_line};
use super::{Block, BlockKind, Inline, Span};

/// Lists nested deeper than this are indented as this deep: each level is two columns, so a
/// list nested twenty thousand deep would otherwise hold its items' text twenty thousand
/// columns to the right (and its indentation alone would take memory quadratic in the depth).
pub const MAX_INDENTED_LISTS: usize = 12;

/// The blocks of a Markdown text, and its title (the first top-level heading), if any.
pub fn structure(text: &str) -> (Vec<Block>, Option<String>) {
    let mut builder = Builder::new(text);
    let options =
        Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        builder.event(event, range.start);
    }
    builder.flush();
    builder.flush_references();
    let title = builder
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Heading && b.level == 1)
        .map(|b| b.text.clone());
    (builder.blocks, title)
}

/// One open list: its next number (None for bullets).
struct List {
    next: Option<u64>,
    /// Items started so far.
    items: usize,
}

struct Builder<'a> {
    source: &'a str,
    /// Byte offset of the start of each source line, for 1-based line numbers.
    line_starts: Vec<usize>,
    blocks: Vec<Block>,
    current: Option<Block>,
    /// True while the current block is a list item that has only its bullet so far, so the
    /// item's first paragraph joins it instead of starting a new block.
    item_fresh: bool,
    lists: Vec<List>,
    quote_depth: usize,
    /// Open inline styles: the style and where in the current block's text it began.
    open: Vec<(Inline, usize)>,
    /// Link targets waiting for the end of the section.
    references: Vec<(String, usize)>,
    link_targets: Vec<String>,
    in_code: bool,
    in_table_cell: bool,
    /// Whether the table being read has shown a row yet: the rows after its first sit close.
    table_has_row: bool,
    /// The raw lines of the HTML block being read, and where it began.
    html_block: Option<(String, usize)>,
}

impl<'a> Builder<'a> {
    fn new(source: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Builder {
            source,
            line_starts,
            blocks: Vec::new(),
            current: None,
            item_fresh: false,
            lists: Vec::new(),
            quote_depth: 0,
            open: Vec::new(),
            references: Vec::new(),
            link_targets: Vec::new(),
            in_code: false,
            in_table_cell: false,
            table_has_row: false,
            html_block: None,
        }
    }

    fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.source.len());
        self.line_starts.partition_point(|&s| s <= offset).max(1)
    }

    fn start(&mut self, kind: BlockKind, offset: usize) {
        self.flush();
        self.current = Some(Block::new(kind, String::new(), self.line_of(offset)));
        self.item_fresh = false;
    }

    /// The kind a new paragraph gets from the containers around it.
    fn paragraph_kind(&self) -> BlockKind {
        if self.quote_depth > 0 {
            BlockKind::Quote
        } else if !self.lists.is_empty() {
            BlockKind::ListItem
        } else {
            BlockKind::Paragraph
        }
    }

    fn flush(&mut self) {
        if let Some(mut block) = self.current.take() {
            if block.kind == BlockKind::Code {
                let kept = block.text.trim_end_matches('\n').len();
                block.text.truncate(kept);
            } else {
                trim_block(&mut block);
            }
            // A paragraph of a zero-width space (a spacer between pictures) shows nothing.
            if !crate::text::width::shows_nothing(&block.text) || block.kind == BlockKind::Code {
                self.blocks.push(block);
            }
        }
        self.open.clear();
        self.item_fresh = false;
    }

    /// The numbered list of link targets of the section that just ended.
    fn flush_references(&mut self) {
        for (target, number) in std::mem::take(&mut self.references) {
            let line = self.blocks.last().map_or(1, |b| b.line);
            let mut block = Block::new(BlockKind::ListItem, format!("[{number}] {target}"), line);
            let end = block.text.len();
            block.spans.push(Span {
                start: 0,
                end,
                style: Inline::Link,
            });
            self.blocks.push(block);
        }
    }

    fn push_text(&mut self, text: &str, offset: usize) {
        if self.current.is_none() {
            let kind = self.paragraph_kind();
            self.start(kind, offset);
        }
        self.item_fresh = false;
        let in_code = self.in_code;
        if let Some(block) = self.current.as_mut() {
            let clean = sanitize(text);
            if in_code {
                block.text.push_str(&clean);
            } else {
                // Flowing text: line breaks inside a paragraph are spaces.
                for (i, part) in clean.split('\n').enumerate() {
                    if i > 0 {
                        block.text.push(' ');
                    }
                    block.text.push_str(part);
                }
            }
        }
    }

    /// A hard break (two spaces or a backslash at a line's end, or `<br>` in a saved page):
    /// the author's own line end, in an address, a verse, a grammar's alternatives. It stays
    /// a line break (the layout keeps one inside a paragraph), except in a heading, which is
    /// one line.
    fn line_break(&mut self, offset: usize) {
        let one_line = self
            .current
            .as_ref()
            .is_some_and(|block| matches!(block.kind, BlockKind::Heading | BlockKind::Title));
        if one_line {
            return self.push_text(" ", offset);
        }
        if let Some(block) = self.current.as_mut()
            && !block.text.is_empty()
            && !block.text.ends_with('\n')
        {
            block.text.push('\n');
        }
    }

    fn open_style(&mut self, style: Inline, offset: usize) {
        if self.current.is_none() {
            let kind = self.paragraph_kind();
            self.start(kind, offset);
        }
        let at = self.current.as_ref().map_or(0, |b| b.text.len());
        self.open.push((style, at));
    }

    fn close_style(&mut self, style: Inline) {
        let Some(index) = self.open.iter().rposition(|(s, _)| *s == style) else {
            return;
        };
        let (_, start) = self.open.remove(index);
        if let Some(block) = self.current.as_mut()
            && block.text.len() > start
        {
            block.spans.push(Span {
                start,
                end: block.text.len(),
                style,
            });
        }
    }

    fn event(&mut self, event: Event<'_>, offset: usize) {
        match event {
            Event::Start(tag) => self.start_tag(tag, offset),
            Event::End(tag) => self.end_tag(tag),
            Event::Text(text) => self.push_text(&text, offset),
            Event::Code(code) => {
                self.open_style(Inline::Code, offset);
                self.push_text(&code, offset);
                self.close_style(Inline::Code);
            }
            Event::SoftBreak => self.push_text(" ", offset),
            Event::HardBreak => self.line_break(offset),
            Event::TaskListMarker(done) => {
                self.push_text(if done { "[x] " } else { "[ ] " }, offset)
            }
            Event::FootnoteReference(name) => self.push_text(&format!("[{name}]"), offset),
            Event::Rule => self.flush(),
            // Raw HTML is markup, but what it says is text: a README's centred tagline
            // (`<p align="center">`), a `<details>` summary, a table written in HTML. A
            // block's lines are gathered and read when it ends. Inline, the markup is the
            // tags around text that comes as text, and a `<br>` is a hard break (a space in
            // a table's cell, whose row is one line).
            Event::Html(raw) => {
                if let Some((lines, _)) = self.html_block.as_mut() {
                    lines.push_str(&raw);
                }
            }
            Event::InlineHtml(tag) if is_line_break_tag(&tag) && self.in_table_cell => {
                self.push_text(" ", offset)
            }
            Event::InlineHtml(tag) if is_line_break_tag(&tag) => self.line_break(offset),
            Event::InlineHtml(_) => {}
            Event::InlineMath(math) | Event::DisplayMath(math) => self.push_text(&math, offset),
        }
    }

    fn start_tag(&mut self, tag: Tag<'_>, offset: usize) {
        match tag {
            Tag::Heading { level, .. } => {
                self.flush();
                self.flush_references();
                self.start(BlockKind::Heading, offset);
                if let Some(block) = self.current.as_mut() {
                    block.level = heading_level(level);
                }
            }
            // An item's text in a paragraph: the list is loose, set apart by blank lines.
            Tag::Paragraph if self.item_fresh => {
                if let Some(block) = self.current.as_mut() {
                    block.tight = false;
                }
            }
            Tag::Paragraph if !self.in_table_cell => {
                let kind = self.paragraph_kind();
                self.start(kind, offset);
                if kind == BlockKind::ListItem {
                    // A later paragraph of an item: indented like the item's text.
                    self.push_indent(2);
                }
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.quote_depth += 1;
            }
            Tag::CodeBlock(_) => {
                // The fence's info string (the language) is not text to read.
                self.start(BlockKind::Code, offset);
                self.in_code = true;
            }
            Tag::List(first) => {
                self.flush();
                self.lists.push(List {
                    next: first,
                    items: 0,
                });
            }
            Tag::Item => {
                // An item after the first sits close under the one before, unless the list
                // turns out loose (its items' text comes as paragraphs: see below).
                // A nested list's first item sits close under its parent item's text.
                let nested = self.lists.len() > 1;
                let tight = self.lists.last_mut().is_some_and(|list| {
                    list.items += 1;
                    list.items > 1 || nested
                });
                self.start(BlockKind::ListItem, offset);
                if let Some(block) = self.current.as_mut() {
                    block.tight = tight;
                }
                let depth = self.lists.len().saturating_sub(1);
                self.push_indent(depth.min(MAX_INDENTED_LISTS) * 2);
                let marker = match self.lists.last_mut().and_then(|l| l.next.as_mut()) {
                    Some(n) => {
                        let marker = format!("{n}. ");
                        *n += 1;
                        marker
                    }
                    None => "• ".to_string(),
                };
                if let Some(block) = self.current.as_mut() {
                    block.text.push_str(&marker);
                }
                self.item_fresh = true;
            }
            Tag::Emphasis => self.open_style(Inline::Emphasis, offset),
            Tag::Strong => self.open_style(Inline::Strong, offset),
            Tag::Strikethrough => self.open_style(Inline::Strikethrough, offset),
            Tag::Link { dest_url, .. } => {
                self.link_targets.push(sanitize_line(&dest_url));
                self.open_style(Inline::Link, offset);
            }
            Tag::Image { .. } => self.push_text("[image: ", offset),
            Tag::Table(_) => {
                self.flush();
                self.table_has_row = false;
            }
            Tag::TableHead => self.start(BlockKind::Code, offset),
            Tag::TableRow => {
                self.start(BlockKind::Code, offset);
                let tight = self.table_has_row;
                if let Some(block) = self.current.as_mut() {
                    block.tight = tight;
                }
            }
            Tag::TableCell => {
                self.in_table_cell = true;
                if self.current.as_ref().is_some_and(|b| !b.text.is_empty()) {
                    self.push_text(" │ ", offset);
                }
            }
            Tag::HtmlBlock => {
                self.flush();
                self.html_block = Some((String::new(), offset));
            }
            Tag::FootnoteDefinition(name) => {
                self.start(BlockKind::ListItem, offset);
                self.push_text(&format!("[{name}] "), offset);
                self.item_fresh = true;
            }
            _ => {}
        }
    }

    fn end_tag(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) | TagEnd::Paragraph if !self.in_table_cell => self.flush(),
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            TagEnd::CodeBlock => {
                self.in_code = false;
                self.flush();
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                // A row of empty cells (the header a table written without one is given when
                // it becomes Markdown) shows nothing: no blank row is kept for it.
                let empty = self
                    .current
                    .as_ref()
                    .is_some_and(|row| row.text.chars().all(|c| c.is_whitespace() || c == '│'));
                if empty {
                    self.current = None;
                    self.open.clear();
                } else {
                    self.table_has_row = true;
                }
                self.flush()
            }
            TagEnd::Item | TagEnd::FootnoteDefinition => self.flush(),
            TagEnd::TableCell => self.in_table_cell = false,
            TagEnd::Emphasis => self.close_style(Inline::Emphasis),
            TagEnd::Strong => self.close_style(Inline::Strong),
            TagEnd::Strikethrough => self.close_style(Inline::Strikethrough),
            TagEnd::Link => {
                self.close_style(Inline::Link);
                if let Some(target) = self.link_targets.pop()
                    && !target.is_empty()
                    && !target.starts_with('#')
                {
                    let number = self.references.len() + 1;
                    self.references.push((target, number));
                    if let Some(block) = self.current.as_mut() {
                        block.text.push_str(&format!("[{number}]"));
                    }
                }
            }
            TagEnd::Image => {
                if let Some(block) = self.current.as_mut() {
                    block.text.push(']');
                }
            }
            TagEnd::Table => self.flush(),
            TagEnd::HtmlBlock => self.html_block_text(),
            _ => {}
        }
    }

    /// The text an HTML block shows, a block for each of its paragraphs, each on the line
    /// where its first word stands.
    fn html_block_text(&mut self) {
        let Some((raw, start)) = self.html_block.take() else {
            return;
        };
        let text = super::html_text::text_with_cells(&raw, super::html_text::CELL);
        let mut searched = 0;
        // A row sits close under the row before it, not under the text before the table.
        let mut after_row = false;
        for paragraph in text.split("\n\n") {
            let words: Vec<&str> = paragraph.split_whitespace().collect();
            // A row may open on an empty cell: its first word is after the mark between cells.
            let Some(first) = words.iter().find(|w| **w != super::html_text::CELL.trim()) else {
                continue;
            };
            // Looked for a little way on only: a word whose entities were decoded is not
            // found as written, and a search to the end for each would be quadratic.
            let window = &raw.as_bytes()[searched..(searched + 4096).min(raw.len())];
            if let Some(at) = memchr::memmem::find(window, first.as_bytes()) {
                searched += at;
            }
            // A table's row keeps its columns apart, as a Markdown table's does.
            let row = paragraph.contains(super::html_text::CELL);
            let kind = if row {
                BlockKind::Code
            } else {
                self.paragraph_kind()
            };
            self.start(kind, start + searched);
            if let Some(block) = self.current.as_mut() {
                block.tight = row && after_row;
            }
            after_row = row;
            self.push_text(&words.join(" "), start + searched);
            self.flush();
        }
    }

    fn push_indent(&mut self, columns: usize) {
        if let Some(block) = self.current.as_mut() {
            // No-break spaces: wrapping never drops or breaks them, so nesting stays visible.
            block.text.extend(std::iter::repeat_n('\u{a0}', columns));
        }
    }
}

/// `<br>`, `<br/>`, `<BR />`: a line break written in HTML.
fn is_line_break_tag(tag: &str) -> bool {
    let name = tag.trim().trim_start_matches('<').trim_end_matches('>');
    let name = name.trim_end_matches('/').trim();
    name.eq_ignore_ascii_case("br")
}

/// True for an entry of a numbered link-reference list ("\[3\] https://…").
pub fn is_reference_entry(block: &Block) -> bool {
    block.kind == BlockKind::ListItem
        && block.text.starts_with('[')
        && matches!(block.spans.as_slice(), [s] if s.style == Inline::Link && s.start == 0 && s.end == block.text.len())
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Trim trailing whitespace (keeping spans inside the text) and collapse nothing else: the
/// leading no-break spaces of a nested item are its indentation.
fn trim_block(block: &mut Block) {
    let kept = block.text.trim_end().len();
    block.text.truncate(kept);
    for span in &mut block.spans {
        span.end = span.end.min(kept);
        span.start = span.start.min(span.end);
    }
    block.spans.retain(|s| s.start < s.end);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(blocks: &[Block]) -> Vec<(BlockKind, &str, usize)> {
        blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str(), b.line))
            .collect()
    }

    #[test]
    fn a_spacer_paragraph_of_a_zero_width_space_is_no_block() {
        // A blog's editor sets one between pictures; a page converted to Markdown keeps it.
        let md = "The sky!\n\n\u{200B}\n\n\u{FEFF}\u{200B}\n\nThe park.\n\n```\n\u{200B}\n```\n";
        let (blocks, _) = structure(md);
        assert_eq!(
            kinds(&blocks),
            vec![
                (BlockKind::Paragraph, "The sky!", 1),
                (BlockKind::Paragraph, "The park.", 7),
                (BlockKind::Code, "\u{200B}", 9),
            ]
        );
    }

    #[test]
    fn headings_paragraphs_and_lines() {
        let md = "# Title\n\nSome *soft*\nwrapped **text**.\n\n## Part two\n\nMore.\n";
        let (blocks, title) = structure(md);
        assert_eq!(title.as_deref(), Some("Title"));
        assert_eq!(
            kinds(&blocks),
            vec![
                (BlockKind::Heading, "Title", 1),
                (BlockKind::Paragraph, "Some soft wrapped text.", 3),
                (BlockKind::Heading, "Part two", 6),
                (BlockKind::Paragraph, "More.", 8),
            ]
        );
        assert_eq!(blocks[2].level, 2);
        let spans: Vec<(&str, Inline)> = blocks[1]
            .spans
            .iter()
            .map(|s| (&blocks[1].text[s.start..s.end], s.style))
            .collect();
        assert_eq!(
            spans,
            vec![("soft", Inline::Emphasis), ("text", Inline::Strong)]
        );
    }

    #[test]
    fn a_hard_break_keeps_the_authors_line_and_a_soft_break_joins() {
        // A setext heading may hold a hard break; it is still one line.
        let md = "An address\\\nwith a break\n===\n\nHerman Melville  \nArrowhead Farm\\\n\
                  Pittsfield, Massachusetts\n\nA soft\nbreak joins.\n\n\
                  - a verse  \n  in an item\n";
        let (blocks, _) = structure(md);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "An address with a break",
                "Herman Melville\nArrowhead Farm\nPittsfield, Massachusetts",
                "A soft break joins.",
                "• a verse\nin an item",
            ]
        );
    }

    #[test]
    fn a_list_nested_twenty_thousand_deep_is_indented_no_deeper_than_the_bound() {
        let depth = 20_000;
        let (blocks, _) = structure(&format!("{}deepest\n", "- ".repeat(depth)));
        let last = blocks.last().map(|b| b.text.as_str()).unwrap_or_default();
        assert!(last.ends_with("• deepest"), "{last}");
        let indent = |text: &str| text.chars().take_while(|&c| c == '\u{a0}').count();
        assert_eq!(indent(last), MAX_INDENTED_LISTS * 2);
        // The indentation stops growing at the bound: the text is linear in the depth.
        let shallow = blocks
            .iter()
            .map(|b| indent(&b.text))
            .take(MAX_INDENTED_LISTS + 1);
        assert!(shallow.eq((0..=MAX_INDENTED_LISTS).map(|d| d * 2)));
        let total: usize = blocks.iter().map(|b| b.text.len()).sum();
        assert!(total < depth * (MAX_INDENTED_LISTS * 2 * 2 + 8), "{total}");
    }

    #[test]
    fn lists_quotes_and_code() {
        let md = "- one\n- two\n  - nested\n\n1. first\n2. second\n\n> quoted\n> text\n\n```rust\nfn main() {\n    let x = 1;\n}\n```\n";
        let (blocks, _) = structure(md);
        let got = kinds(&blocks);
        assert_eq!(got[0], (BlockKind::ListItem, "• one", 1));
        assert_eq!(got[1], (BlockKind::ListItem, "• two", 2));
        assert_eq!(got[2], (BlockKind::ListItem, "\u{a0}\u{a0}• nested", 3));
        assert_eq!(got[3], (BlockKind::ListItem, "1. first", 5));
        assert_eq!(got[4], (BlockKind::ListItem, "2. second", 6));
        assert_eq!(got[5], (BlockKind::Quote, "quoted text", 8));
        assert_eq!(
            got[6],
            (BlockKind::Code, "fn main() {\n    let x = 1;\n}", 11)
        );
    }

    #[test]
    fn tight_lists_and_table_rows_sit_close_and_loose_lists_apart() {
        let md = "- a\n  - nested\n- b\n\nText.\n\n- loose one\n\n- loose two\n\n| h | i |\n|---|---|\n| 1 | 2 |\n";
        let (blocks, _) = structure(md);
        let tight: Vec<(&str, bool)> = blocks
            .iter()
            .map(|b| (b.text.trim_start_matches('\u{a0}'), b.tight))
            .collect();
        assert_eq!(
            tight,
            [
                ("• a", false),
                ("• nested", true),
                ("• b", true),
                ("Text.", false),
                ("• loose one", false),
                ("• loose two", false),
                ("h │ i", false),
                ("1 │ 2", true),
            ]
        );
    }

    #[test]
    fn a_table_with_an_empty_header_shows_no_blank_row() {
        // What a page's table written without a header becomes in Markdown.
        let md = "Text.\n\n|  |  |\n|---|---|\n| I. | The Sea |\n| II. | The Shore |\n";
        let (blocks, _) = structure(md);
        let rows: Vec<(&str, bool)> = blocks.iter().map(|b| (b.text.as_str(), b.tight)).collect();
        assert_eq!(
            rows,
            [
                ("Text.", false),
                ("I. │ The Sea", false),
                ("II. │ The Shore", true)
            ]
        );
    }

    #[test]
    fn links_get_numbered_references_at_section_end() {
        let md = "# A\n\nSee [the site](https://example.org) and [b](http://b.example).\n\n# B\n\nText.\n";
        let (blocks, _) = structure(md);
        assert_eq!(blocks[1].text, "See the site[1] and b[2].");
        assert_eq!(blocks[2].text, "[1] https://example.org");
        assert_eq!(blocks[3].text, "[2] http://b.example");
        assert_eq!(blocks[4].text, "B");
    }

    #[test]
    fn entities_cannot_make_controls() {
        let (blocks, _) = structure("a &#27;[31m b &#155;2J c\n");
        assert!(
            !blocks[0].text.chars().any(|c| c.is_control()),
            "{:?}",
            blocks[0].text
        );
    }

    #[test]
    fn what_html_in_markdown_says_is_shown() {
        let md = "# Tool\n\n<p align=\"center\">\n  <b>A tool for finding moths</b>\n  \
                  on <i>every</i> night &amp; day.\n</p>\n\n<!-- badges > here -->\n\n\
                  <details>\n<summary>More options</summary>\n\nHidden *text*.\n\n</details>\n\n\
                  | a | b |\n|---|---|\n| x | one<br>two |\n\nA line<br/>broken &#27;[31m.\n\n\
                  <table>\n<tr><th>Key</th><th>Does</th></tr>\n\
                  <tr><td>Ctrl + U</td><td>Delete to the line start</td></tr>\n\
                  <tr><td></td><td>or to the end</td></tr>\n</table>\n";
        let (blocks, _) = structure(md);
        assert_eq!(
            kinds(&blocks),
            vec![
                (BlockKind::Heading, "Tool", 1),
                (
                    BlockKind::Paragraph,
                    "A tool for finding moths on every night & day.",
                    4
                ),
                (BlockKind::Paragraph, "More options", 11),
                (BlockKind::Paragraph, "Hidden text.", 13),
                (BlockKind::Code, "a │ b", 17),
                (BlockKind::Code, "x │ one two", 19),
                (BlockKind::Paragraph, "A line\nbroken [31m.", 21),
                (BlockKind::Code, "Key │ Does", 24),
                (BlockKind::Code, "Ctrl + U │ Delete to the line start", 25),
                (BlockKind::Code, "│ or to the end", 26),
            ]
        );
        // A table's first row sits apart from the text before it; the rows after it, close.
        assert!(!blocks[7].tight && blocks[8].tight && blocks[9].tight);
    }
}
