//! The questions the marking of surrounding matter asks of a block's source lines, and a
//! block's answers read once ([`Shape`]) for when the source is gone before the blocks are
//! marked (a big block's text built in the source's buffer).

use super::heading::Form;
use super::matter::{
    is_front_fields, is_front_header, is_gutenberg_marker, is_link_stack, is_menu,
    is_stacked_title, is_table_of_figures, is_teaser_card, shows_a_price_tag,
};
use super::raw::Raw;
use crate::document::{Block, BlockKind};

/// What [`super::matter`] asks of a block's source lines. A [`Raw`] answers by reading its lines;
/// a [`Shape`] holds the answers, read once, so the source may be gone (a big block's text
/// built in its buffer) by the time the blocks are marked.
pub trait Shaped {
    fn line_count(&self) -> usize;
    /// How a heading was marked (None for everything else).
    fn form(&self) -> Option<Form>;
    fn menu(&self) -> bool;
    fn link_stack(&self) -> bool;
    fn teaser_card(&self) -> bool;
    fn table_of_figures(&self) -> bool;
    fn gutenberg_start(&self) -> bool;
    fn gutenberg_end(&self) -> bool;
    fn front_fields(&self) -> bool;
    /// A header of fields or columns a text may open with, short and holding no sentences.
    fn front_header(&self) -> bool;
    fn stacked_title(&self) -> bool;
    /// A line of its own that is a price and nothing else ("$139.00", "1 299 €"): the tag of
    /// an item for sale.
    fn price_tag(&self) -> bool;
    /// How many of its lines are laid out by hand: set in from the margin, or set in columns.
    fn laid_lines(&self) -> usize;
    /// How many columns the block sits short of the body's indent (see [`Raw::hung`]).
    fn hung(&self) -> usize;
}

impl Shaped for Raw<'_> {
    fn line_count(&self) -> usize {
        Raw::line_count(self)
    }
    fn form(&self) -> Option<Form> {
        self.form
    }
    fn menu(&self) -> bool {
        is_menu(self)
    }
    fn link_stack(&self) -> bool {
        is_link_stack(self)
    }
    fn teaser_card(&self) -> bool {
        is_teaser_card(self)
    }
    fn table_of_figures(&self) -> bool {
        is_table_of_figures(self)
    }
    fn gutenberg_start(&self) -> bool {
        is_gutenberg_marker(self, "START OF")
    }
    fn gutenberg_end(&self) -> bool {
        is_gutenberg_marker(self, "END OF")
    }
    fn front_fields(&self) -> bool {
        is_front_fields(self)
    }
    fn front_header(&self) -> bool {
        is_front_header(self)
    }
    fn stacked_title(&self) -> bool {
        is_stacked_title(self)
    }
    fn price_tag(&self) -> bool {
        shows_a_price_tag(self)
    }
    fn laid_lines(&self) -> usize {
        self.lines().filter(|line| is_laid_by_hand(line)).count()
    }
    fn hung(&self) -> usize {
        self.hung
    }
}

/// A line set in from the margin, or holding a tab or a gap of three spaces between words: the
/// marks of a layout made by hand, which the visible text of a web page, its spaces collapsed,
/// never carries.
fn is_laid_by_hand(line: &str) -> bool {
    let text = line.trim();
    !text.is_empty()
        && (line.starts_with([' ', '\t'])
            || text.contains('\t')
            || super::lines::has_column_gap(text))
}

/// A block's answers to [`Shaped`], read from its lines once.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    line_count: usize,
    form: Option<Form>,
    menu: bool,
    link_stack: bool,
    teaser_card: bool,
    table_of_figures: bool,
    gutenberg_start: bool,
    gutenberg_end: bool,
    front_fields: bool,
    front_header: bool,
    stacked_title: bool,
    price_tag: bool,
    laid_lines: usize,
    hung: usize,
}

impl Shape {
    pub fn of(raw: &Raw<'_>) -> Shape {
        Shape {
            line_count: raw.line_count(),
            form: raw.form,
            menu: raw.menu(),
            link_stack: raw.link_stack(),
            teaser_card: raw.teaser_card(),
            table_of_figures: raw.table_of_figures(),
            gutenberg_start: raw.gutenberg_start(),
            gutenberg_end: raw.gutenberg_end(),
            front_fields: raw.front_fields(),
            front_header: raw.front_header(),
            stacked_title: raw.stacked_title(),
            price_tag: raw.price_tag(),
            laid_lines: raw.laid_lines(),
            hung: raw.hung,
        }
    }
}

impl Shaped for Shape {
    fn line_count(&self) -> usize {
        self.line_count
    }
    fn form(&self) -> Option<Form> {
        self.form
    }
    fn menu(&self) -> bool {
        self.menu
    }
    fn link_stack(&self) -> bool {
        self.link_stack
    }
    fn teaser_card(&self) -> bool {
        self.teaser_card
    }
    fn table_of_figures(&self) -> bool {
        self.table_of_figures
    }
    fn gutenberg_start(&self) -> bool {
        self.gutenberg_start
    }
    fn gutenberg_end(&self) -> bool {
        self.gutenberg_end
    }
    fn front_fields(&self) -> bool {
        self.front_fields
    }
    fn front_header(&self) -> bool {
        self.front_header
    }
    fn stacked_title(&self) -> bool {
        self.stacked_title
    }
    fn price_tag(&self) -> bool {
        self.price_tag
    }
    fn laid_lines(&self) -> usize {
        self.laid_lines
    }
    fn hung(&self) -> usize {
        self.hung
    }
}

/// A block's shape as a page that sets every line apart shows it: a one-line block in a run of
/// short unpunctuated lines with no blank line between them (a menu written a line a block, as
/// a page's visible text is when each of its lines is a paragraph) is a menu, as the same lines
/// in one block would be.
pub struct InMenuRun<'a, S> {
    shape: &'a S,
    in_run: bool,
}

/// The fewest lines in a run that make it a menu.
const LEAST_MENU_RUN: usize = 6;

impl<'a, S: Shaped> InMenuRun<'a, S> {
    pub fn all(shapes: &'a [S], blocks: &[Block]) -> Vec<InMenuRun<'a, S>> {
        let item = |i: usize| {
            let block = &blocks[i];
            let text = block.text.trim();
            block.kind == BlockKind::Paragraph
                && shapes[i].line_count() == 1
                && text.len() <= 160
                && (1..=5).contains(&text.split_whitespace().count())
                && crate::text::display_width(text) <= 32
                && text.chars().any(char::is_alphabetic)
                && !text.ends_with([',', ';'])
                && !text.ends_with(crate::text::sentences::is_sentence_stop)
                // Speech, a note in brackets, a field and its value ("底本：…") are text.
                && !text.contains(['"', '“', '”', '「', '」', '『', '』', '（', '）', '：'])
                && !text.trim_end_matches(':').contains(':')
        };
        let mut in_run = vec![false; blocks.len()];
        let mut start = 0;
        while start < blocks.len() {
            let mut end = start;
            while end < blocks.len()
                && item(end)
                && (end == start || blocks[end].line == blocks[end - 1].line + 1)
            {
                end += 1;
            }
            // A menu's items are a word or two; a stanza of short lines runs longer.
            let words: usize = (start..end)
                .map(|i| blocks[i].text.split_whitespace().count())
                .sum();
            if end - start >= LEAST_MENU_RUN && words <= 3 * (end - start) {
                in_run[start..end].iter_mut().for_each(|r| *r = true);
            }
            start = end.max(start + 1);
        }
        shapes
            .iter()
            .zip(in_run)
            .map(|(shape, in_run)| InMenuRun { shape, in_run })
            .collect()
    }
}

impl<S: Shaped> Shaped for InMenuRun<'_, S> {
    fn line_count(&self) -> usize {
        self.shape.line_count()
    }
    fn form(&self) -> Option<Form> {
        self.shape.form()
    }
    fn menu(&self) -> bool {
        self.in_run || self.shape.menu()
    }
    fn link_stack(&self) -> bool {
        self.shape.link_stack()
    }
    fn teaser_card(&self) -> bool {
        self.shape.teaser_card()
    }
    fn table_of_figures(&self) -> bool {
        self.shape.table_of_figures()
    }
    fn gutenberg_start(&self) -> bool {
        self.shape.gutenberg_start()
    }
    fn gutenberg_end(&self) -> bool {
        self.shape.gutenberg_end()
    }
    fn front_fields(&self) -> bool {
        self.shape.front_fields()
    }
    fn front_header(&self) -> bool {
        self.shape.front_header()
    }
    fn stacked_title(&self) -> bool {
        self.shape.stacked_title()
    }
    fn price_tag(&self) -> bool {
        self.shape.price_tag()
    }
    fn laid_lines(&self) -> usize {
        self.shape.laid_lines()
    }
    fn hung(&self) -> usize {
        self.shape.hung()
    }
}
