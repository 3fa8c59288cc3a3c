//! What kind of text a document is, told from the marks each kind leaves near its start: a
//! Project Gutenberg book, an RFC, a PEP or other reStructuredText memo, a licence, a text
//! marked up in Markdown, or anything else ([`Genre::Page`]). Only the last can be a web page
//! copied as text, so only it may have page furniture (menus, share rows, comment forms)
//! folded inside it: the other kinds have none, and a short line in them is text.

use super::heading::Form;
use super::shape::Shaped;
use crate::document::Block;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Genre {
    /// A book: Project Gutenberg's markers, or chapters in the Aozora Bunko notation.
    Book,
    /// An IETF memo: "Request for Comments:" or "Internet-Draft" in its header.
    Rfc,
    /// A memo opening with "Field: value" lines and written in reStructuredText (a PEP).
    Memo,
    /// A licence or other legal text that names itself so in its title.
    Licence,
    /// Plain text marked up as Markdown: "#" headings or fenced code.
    Markdown,
    /// Anything else: an essay, notes, or the visible text of a web page.
    Page,
}

impl Genre {
    /// Whether the kind can carry web-page furniture inside it.
    pub fn has_chrome(self) -> bool {
        self == Genre::Page
    }
}

/// How many blocks from the start the marks of a memo's header are looked for in.
const HEAD_BLOCKS: usize = 8;

/// The genre of a structured text, from its first blocks and the forms of its headings.
pub fn of(shapes: &[impl Shaped], blocks: &[Block]) -> Genre {
    if shapes
        .iter()
        .any(|s| s.gutenberg_start() || s.gutenberg_end())
    {
        return Genre::Book;
    }
    let head = || blocks.iter().take(HEAD_BLOCKS).map(|b| b.text.as_str());
    if head().any(names_an_ietf_memo) {
        return Genre::Rfc;
    }
    if shapes.first().is_some_and(Shaped::front_fields) && blocks.iter().any(is_rst_markup) {
        return Genre::Memo;
    }
    if blocks.iter().take(3).any(|b| names_a_licence(&b.text)) {
        return Genre::Licence;
    }
    let forms = || shapes.iter().filter_map(Shaped::form);
    if forms().filter(|f| matches!(f, Form::Aozora(_))).count() >= 2 {
        return Genre::Book;
    }
    if forms().filter(|f| matches!(f, Form::Atx(_))).count() >= 2 {
        return Genre::Markdown;
    }
    Genre::Page
}

/// The header of an RFC or an Internet-Draft names the series.
fn names_an_ietf_memo(text: &str) -> bool {
    text.len() < 2000
        && (text.contains("Request for Comments:")
            || text.contains("Internet-Draft")
            || text.starts_with("Network Working Group")
            || text.starts_with("Internet Engineering Task Force"))
}

/// A reStructuredText mark: a directive or comment ("..  code-block::", ".. _label:") or a
/// paragraph that introduces a literal block ("… as follows::").
fn is_rst_markup(block: &Block) -> bool {
    let text = block.text.trim();
    text.starts_with(".. ") || text.ends_with("::")
}

/// A short title that says the text is a licence ("GNU GENERAL PUBLIC LICENSE", "Mozilla
/// Public License Version 2.0", "The MIT License").
fn names_a_licence(text: &str) -> bool {
    let words = text.split_whitespace().count();
    if words == 0 || words > 12 {
        return false;
    }
    text.split(|c: char| !c.is_alphabetic()).any(|w| {
        let lower = w.to_lowercase();
        lower == "license" || lower == "licence" || lower == "unlicense"
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::structure::{classified, to_block};

    fn genre(text: &str) -> Genre {
        let raws = classified(text);
        let blocks: Vec<Block> = raws.iter().map(to_block).collect();
        of(&raws, &blocks)
    }

    #[test]
    fn each_kind_is_told_by_its_marks() {
        let book = "The Project Gutenberg eBook of A Tale\n\n*** START OF THE PROJECT GUTENBERG EBOOK A TALE ***\n\nIt was a dark night.\n";
        assert_eq!(genre(book), Genre::Book);
        let rfc = "Internet Engineering Task Force (IETF)                  A. Writer\nRequest for Comments: 9999                                  Example\nCategory: Informational                                    May 2030\n\n                  A Protocol for Examples\n\nAbstract\n\n   This memo says how examples are made.\n";
        assert_eq!(genre(rfc), Genre::Rfc);
        let pep = "PEP: 9999\nTitle: A Proposal\nAuthor: A. Writer\n\nAbstract\n========\n\nWrite it like this::\n\n    x = 1\n";
        assert_eq!(genre(pep), Genre::Memo);
        let licence = "                    THE EXAMPLE PUBLIC LICENSE\n                       Version 1, May 2030\n\n  0. Definitions.\n\n  \"This License\" refers to version 1 of the Example Public License.\n";
        assert_eq!(genre(licence), Genre::Licence);
        let markdown = "# Guide\n\nSome words.\n\n## Setup\n\nMore words.\n";
        assert_eq!(genre(markdown), Genre::Markdown);
        let page = "Example News\n\nSign in\n\nThe council met on Monday to discuss the budget.\n\nShare this\n";
        assert_eq!(genre(page), Genre::Page);
    }

    #[test]
    fn a_sentence_about_a_licence_does_not_make_one() {
        let text = "A short story\n\nShe read the licence agreement twice before she signed it, and then she read it again because the print was very small.\n";
        assert_eq!(genre(text), Genre::Page);
    }
}
