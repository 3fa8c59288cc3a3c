//! One chapter's tree written into the book's blocks. A chapter is all body, so nothing is
//! extracted or left out: headings keep their levels, paragraphs, quotes, lists, tables (as
//! text grids) and preformatted text keep their kinds, verse keeps its lines, ruby is written
//! `base(reading)`, images are `[image: alt text]` placeholders, and note references are
//! marked `[1]`. Every id met is recorded as a place, every internal link as a link.

use super::lines::{is_block, line_runs, trailing_lines};
use super::paths::{key, resolve};
use super::sink::Sink;
use super::table::Grid;
use super::tree::{Attr, MAX_DEPTH, Node, Tree};
use crate::document::sanitize::sanitize_line;
use crate::document::{BlockKind, Fold, Inline};

/// Write the chapter at `path`, parsed as `tree`, into `sink`.
pub fn write(tree: &Tree, path: &str, sink: &mut Sink) {
    let mut chapter = Chapter {
        tree,
        path,
        sink,
        quote: 0,
        lists: Vec::new(),
        pre: 0,
        keep_lines: 0,
        inline: 0,
        fresh_item: None,
        stopped: false,
    };
    chapter.sink.flush();
    chapter.sink.begin_target(path.to_string());
    chapter.children(0, 0);
    chapter.sink.flush();
    chapter.sink.end_target(path);
}

struct Chapter<'a> {
    tree: &'a Tree,
    path: &'a str,
    sink: &'a mut Sink,
    quote: usize,
    /// Open lists: the next number of each (None for bullets).
    lists: Vec<Option<u64>>,
    /// Inside `<pre>`: text kept as it is.
    pre: usize,
    /// Inside `white-space: pre…`: line breaks kept, spaces collapsed.
    keep_lines: usize,
    /// Inside a heading or a line of verse: block elements are read as inline.
    inline: usize,
    /// The open list item's length while it holds only its marker, so the item's first
    /// paragraph joins it instead of starting a block of its own.
    fresh_item: Option<usize>,
    /// Writing stopped where an opening was cut ([`Tree::cut`]): every block written before
    /// is as the whole chapter would write it, and nothing after is written.
    stopped: bool,
}

impl Chapter<'_> {
    fn children(&mut self, node: usize, depth: usize) {
        for &child in self.tree.children(node) {
            if self.stopped {
                return;
            }
            self.node(child, depth + 1);
        }
    }

    /// Stop at a cut: the open block may lack the rest of its text, so it is dropped.
    fn stop(&mut self) {
        self.stopped = true;
        self.sink.discard_open();
    }

    fn kind(&self) -> BlockKind {
        if self.pre > 0 {
            BlockKind::Code
        } else if self.quote > 0 {
            BlockKind::Quote
        } else if !self.lists.is_empty() {
            BlockKind::ListItem
        } else {
            BlockKind::Paragraph
        }
    }

    fn node(&mut self, node: usize, depth: usize) {
        if self.stopped {
            return;
        }
        let name = match &self.tree.nodes[node] {
            Node::Text(text) => return self.text(text),
            Node::Element { name, .. } => name.as_str(),
        };
        if depth > MAX_DEPTH {
            let text = self.tree.text_content(node);
            return self.text(&text);
        }
        let cut = self.tree.is_cut(node);
        // A table or a line of verse is read whole: cut short, it would read otherwise.
        if cut && (name == "table" || self.inline > 0) {
            return self.stop();
        }
        let block = is_block(name) && self.inline == 0;
        if block {
            self.block_start();
        }
        let id = self
            .tree
            .attr(node, Attr::Id)
            .map(|id| key(self.path, Some(id)));
        if let Some(id) = &id {
            self.sink.begin_target(id.clone());
        }
        let boilerplate = block.then(|| self.boilerplate(node)).flatten();
        let first_block = self.sink.blocks.len();
        self.element(node, name, depth);
        if cut && !self.stopped {
            self.stop();
        }
        if let Some(id) = &id {
            self.sink.end_target(id);
        }
        if block {
            self.block_end();
        }
        if let Some(fold) = boilerplate {
            for written in self.sink.blocks.iter_mut().skip(first_block) {
                written.fold_as(fold);
            }
        }
    }

    /// Project Gutenberg's header and licence, in the section its books set them in
    /// (`<section class="pg-boilerplate pgheader" id="pg-header">`, and `pg-footer`): front
    /// and back matter, folded as in the plain-text editions.
    fn boilerplate(&self, node: usize) -> Option<Fold> {
        let id = self.tree.attr(node, Attr::Id).unwrap_or_default();
        let class = self.tree.attr(node, Attr::Class).unwrap_or_default();
        let classed = |name: &str| class.split_whitespace().any(|c| c == name);
        if id == "pg-header" || classed("pgheader") && id != "pg-footer" {
            Some(Fold::FrontMatter)
        } else if id == "pg-footer" || classed("pgfooter") {
            Some(Fold::BackMatter)
        } else {
            None
        }
    }

    fn element(&mut self, node: usize, name: &str, depth: usize) {
        match name {
            "br" if self.sink.open_kind() == Some(BlockKind::Heading) => {
                self.sink.text(" ", BlockKind::Heading)
            }
            "br" => self.sink.line_break(),
            "img" | "image" => self.image(node),
            "svg" => self.svg(node),
            "ruby" => self.ruby(node, depth),
            "rp" => {}
            "rt" | "rtc" => self.reading(node),
            "a" => self.link(node, depth),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" if self.inline == 0 => {
                let level = name[1..].parse().unwrap_or(1);
                self.sink.start(BlockKind::Heading, level);
                self.inline += 1;
                self.children(node, depth);
                self.inline -= 1;
                self.sink.flush();
            }
            "pre" if self.inline == 0 => {
                self.sink.start(BlockKind::Code, 0);
                self.pre += 1;
                self.children(node, depth);
                self.pre -= 1;
            }
            "table" if self.inline == 0 => self.table(node),
            "hr" => {
                self.sink.start(self.kind(), 0);
                self.sink.literal("* * *", self.kind());
            }
            "ul" | "ol" => {
                self.lists.push((name == "ol").then_some(1));
                self.children(node, depth);
                self.lists.pop();
            }
            "li" if self.inline == 0 => self.item(node, depth),
            "blockquote" => {
                self.quote += 1;
                self.container(node, depth);
                self.quote -= 1;
            }
            "em" | "i" | "cite" | "dfn" | "var" => self.styled(node, depth, Inline::Emphasis),
            "strong" | "b" => self.styled(node, depth, Inline::Strong),
            "code" | "kbd" | "samp" | "tt" => self.styled(node, depth, Inline::Code),
            "s" | "del" | "strike" => self.styled(node, depth, Inline::Strikethrough),
            _ if is_block(name) => self.container(node, depth),
            _ => self.children(node, depth),
        }
    }

    /// Before a block element: close the open block, unless it is a list item holding only
    /// its marker (the item's first paragraph belongs in it).
    fn block_start(&mut self) {
        let fresh = self.fresh_item.is_some_and(|len| {
            self.sink.open_kind() == Some(BlockKind::ListItem) && self.sink.here().byte == len
        });
        if !fresh {
            self.sink.flush();
        }
        self.fresh_item = None;
    }

    fn block_end(&mut self) {
        self.sink.flush();
        self.fresh_item = None;
    }

    fn text(&mut self, text: &str) {
        if self.pre > 0 {
            self.sink.raw_text(text);
        } else if self.keep_lines > 0 {
            for (i, line) in text.split('\n').enumerate() {
                if i > 0 {
                    self.sink.line_break();
                }
                self.sink.text(line, self.kind());
            }
        } else {
            self.sink.text(text, self.kind());
        }
    }

    /// A block element with no meaning of its own: its content, with each run of verse lines
    /// in it as one block, keeping line breaks when its style says so.
    fn container(&mut self, node: usize, depth: usize) {
        if self.inline > 0 {
            return self.children(node, depth);
        }
        let keeps_lines = self.tree.attr(node, Attr::Style).is_some_and(|style| {
            let style = style.to_ascii_lowercase().replace(' ', "");
            style.contains("white-space:pre")
        });
        self.keep_lines += usize::from(keeps_lines);
        let runs = line_runs(self.tree, node);
        let children = self.tree.children(node);
        // Lines reaching the cut may go on past it: their block is left to the whole.
        let stop_at = if self.tree.is_cut(node) {
            trailing_lines(self.tree, node)
        } else {
            None
        };
        let mut i = 0;
        while i < children.len() && !self.stopped {
            if stop_at.is_some_and(|at| i >= at) {
                self.stop();
                break;
            }
            match runs.iter().find(|run| run.start == i) {
                Some(run) => {
                    self.block_start();
                    self.line_group(&children[run.clone()], depth);
                    self.block_end();
                    i = run.end;
                }
                None => {
                    self.node(children[i], depth + 1);
                    i += 1;
                }
            }
        }
        self.keep_lines -= usize::from(keeps_lines);
    }

    /// Verse lines: one block, a line each.
    fn line_group(&mut self, lines: &[usize], depth: usize) {
        self.inline += 1;
        let mut first = true;
        for &child in lines {
            if self.tree.text(child).is_some() {
                continue;
            }
            if !first {
                self.sink.line_break();
            }
            first = false;
            self.node(child, depth + 1);
        }
        self.inline -= 1;
    }

    fn item(&mut self, node: usize, depth: usize) {
        self.sink.start(BlockKind::ListItem, 0);
        let indent = " ".repeat(self.lists.len().saturating_sub(1) * 2);
        let marker = match self.lists.last_mut() {
            Some(Some(n)) => {
                let marker = format!("{n}. ");
                *n += 1;
                marker
            }
            _ => "• ".to_string(),
        };
        let kind = self.kind();
        self.sink.literal(&format!("{indent}{marker}"), kind);
        self.fresh_item = Some(self.sink.here().byte);
        self.children(node, depth);
    }

    fn styled(&mut self, node: usize, depth: usize, style: Inline) {
        if !self.sink.has_open_block() && !self.tree.text_content(node).trim().is_empty() {
            self.sink.start(self.kind(), 0);
        }
        self.sink.open_style(style);
        self.children(node, depth);
        self.sink.close_style(style);
    }

    /// A link: styled, and recorded when it leads somewhere in the book. A note reference is
    /// marked with brackets unless it already has them.
    fn link(&mut self, node: usize, depth: usize) {
        let target = self
            .tree
            .attr(node, Attr::Href)
            .and_then(|href| resolve(self.path, href))
            .map(|(path, fragment)| key(&path, fragment.as_deref()));
        let Some(target) = target else {
            return self.styled(node, depth, Inline::Link);
        };
        let is_note = self.has_type(node, "noteref") || self.has_role(node, "doc-noteref");
        let own = self
            .tree
            .attr(node, Attr::Id)
            .map(|id| key(self.path, Some(id)));
        let text = self.tree.text_content(node);
        if !self.sink.has_open_block() && !text.trim().is_empty() {
            self.sink.start(self.kind(), 0);
        }
        let bracket = is_note && !text.trim_start().starts_with(['[', '(']);
        let start = self.sink.here();
        if bracket {
            self.sink.literal("[", self.kind());
        }
        self.sink.open_style(Inline::Link);
        self.children(node, depth);
        self.sink.close_style(Inline::Link);
        if bracket {
            self.sink.literal("]", self.kind());
        }
        self.sink.add_link(start, target, is_note, own);
    }

    fn has_type(&self, node: usize, word: &str) -> bool {
        self.tree
            .attr(node, Attr::EpubType)
            .is_some_and(|t| t.split_whitespace().any(|w| w.eq_ignore_ascii_case(word)))
    }

    fn has_role(&self, node: usize, role: &str) -> bool {
        self.tree
            .attr(node, Attr::Role)
            .is_some_and(|r| r.split_whitespace().any(|w| w.eq_ignore_ascii_case(role)))
    }

    fn placeholder(&mut self, description: &str) {
        let text = if description.is_empty() {
            "[image]".to_string()
        } else {
            format!("[image: {description}]")
        };
        let kind = self.kind();
        if !self.sink.open_is_empty() {
            self.sink.text(" ", kind);
        }
        self.sink.literal(&text, kind);
    }

    fn image(&mut self, node: usize) {
        let alt = [Attr::Alt, Attr::AriaLabel, Attr::Title]
            .iter()
            .find_map(|&a| self.tree.attr(node, a).map(sanitize_line))
            .unwrap_or_default();
        self.placeholder(&alt);
    }

    /// An inline SVG is a picture: its title (or label) describes it.
    fn svg(&mut self, node: usize) {
        let title = self
            .tree
            .children(node)
            .iter()
            .find(|&&c| self.tree.name(c) == "title")
            .map(|&c| sanitize_line(&self.tree.text_content(c)))
            .or_else(|| self.tree.attr(node, Attr::AriaLabel).map(sanitize_line))
            .unwrap_or_default();
        self.placeholder(&title);
    }

    /// `<ruby>漢<rt>かん</rt></ruby>` as `漢(かん)`; `<rp>` fallbacks are left out, since the
    /// parentheses are written anyway.
    fn ruby(&mut self, node: usize, depth: usize) {
        for &child in self.tree.children(node) {
            match self.tree.name(child) {
                "rt" | "rtc" => self.reading(child),
                "rp" => {}
                _ => self.node(child, depth + 1),
            }
        }
    }

    fn reading(&mut self, node: usize) {
        let reading = sanitize_line(&self.tree.text_content(node));
        if !reading.is_empty() {
            self.sink.text(&format!("({reading})"), self.kind());
        }
    }

    fn table(&mut self, node: usize) {
        let grid = Grid::read(self.tree, node);
        // Every id inside the table names the table.
        let ids = self.ids_under(node);
        for id in &ids {
            self.sink.begin_target(id.clone());
        }
        let kind = self.kind();
        if let Some(caption) = &grid.caption {
            self.sink.start(kind, 0);
            self.sink.text(caption, kind);
        }
        if grid.columns() <= 1 {
            for row in &grid.rows {
                self.sink.start(kind, 0);
                self.sink.text(row.first().map_or("", String::as_str), kind);
            }
        } else {
            self.sink.start(BlockKind::Code, 0);
            self.sink.raw_text(&grid.render());
        }
        self.sink.flush();
        for id in &ids {
            self.sink.end_target(id);
        }
    }

    fn ids_under(&self, node: usize) -> Vec<String> {
        let mut ids = Vec::new();
        let mut stack = self.tree.children(node).to_vec();
        while let Some(n) = stack.pop() {
            if let Some(id) = self.tree.attr(n, Attr::Id) {
                ids.push(key(self.path, Some(id)));
            }
            stack.extend_from_slice(self.tree.children(n));
        }
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(tree: &Tree) -> Vec<String> {
        let mut sink = Sink::default();
        write(tree, "c.xhtml", &mut sink);
        sink.flush();
        sink.blocks.into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn an_opening_cut_inside_verse_leaves_the_lines_to_the_whole() {
        let text = "<html><body><section><p>Before the poem.</p><div class=\"stanza\"><div>Line one</div><div>Line two</div></div></section></body></html>";
        let cut_at = text.find("Line one</div>").unwrap() + 3;
        let opening = Tree::parse_opening(text, cut_at);
        assert!(!opening.cut.is_empty());
        assert_eq!(blocks(&opening), vec!["Before the poem."]);
        assert_eq!(
            blocks(&Tree::parse(text)),
            vec!["Before the poem.", "Line one\nLine two"]
        );
    }

    #[test]
    fn a_gutenberg_books_header_and_licence_fold_and_its_text_does_not() {
        let section = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\
            <section class=\"pg-boilerplate pgheader\" id=\"pg-header\">\
            <h2>The Project Gutenberg eBook of The Tide</h2><p>This ebook is for the use of \
            anyone anywhere.</p><div id=\"pg-start-separator\"><span>*** START OF THE \
            PROJECT GUTENBERG EBOOK THE TIDE ***</span></div></section>\
            <h1>THE TIDE</h1><p>The shore at dawn.</p>\
            <section class=\"pg-boilerplate pgheader\" id=\"pg-footer\"><div \
            id=\"pg-end-separator\"><span>*** END OF THE PROJECT GUTENBERG EBOOK THE TIDE \
            ***</span></div><p>Updated editions will replace the previous one.</p></section>\
            </body></html>";
        // Newer books set the same in `header` and `footer`, the footer classed as a header.
        let header_footer = section
            .replacen("<section", "<header", 1)
            .replacen("</section>", "</header>", 1)
            .replacen("<section", "<footer", 1)
            .replacen("</section>", "</footer>", 1);
        for text in [section.to_string(), header_footer] {
            let mut sink = Sink::default();
            write(&Tree::parse(&text), "c.xhtml", &mut sink);
            sink.flush();
            let shown: Vec<&str> = sink
                .blocks
                .iter()
                .filter(|b| b.kind != BlockKind::Leftover)
                .map(|b| b.text.as_str())
                .collect();
            assert_eq!(shown, ["THE TIDE", "The shore at dawn."]);
            let folds: Vec<Fold> = sink
                .blocks
                .iter()
                .filter(|b| b.kind == BlockKind::Leftover)
                .map(|b| b.fold)
                .collect();
            assert_eq!(folds.first(), Some(&Fold::FrontMatter));
            assert_eq!(folds.last(), Some(&Fold::BackMatter));
            assert_eq!(folds.len(), 5, "every block of both sections: {folds:?}");
        }
    }
}
