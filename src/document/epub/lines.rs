//! What an element is to the reader: a block or inline, and whether it is a group of verse
//! lines. Books set a poem's lines as sibling `<div>`s (or `<span class="line">`s) that a
//! style sheet stacks; quire reads no style sheets, so a group of such lines is recognised by
//! its shape and kept as one block whose lines stay lines.

use std::ops::Range;

use super::tree::{Attr, Tree};

pub use crate::document::html_text::is_block;

/// The most text a line of verse has; longer children are paragraphs, not lines.
const LONGEST_LINE: usize = 160;

/// Words in a class or `epub:type` that say "verse".
fn says_verse(value: &str) -> bool {
    value
        .split(|c: char| c.is_whitespace() || c == ':')
        .any(|word| {
            let word = word.to_ascii_lowercase();
            matches!(
                word.as_str(),
                "poem"
                    | "poetry"
                    | "verse"
                    | "stanza"
                    | "linegroup"
                    | "line-group"
                    | "lg"
                    | "song"
                    | "hymn"
                    | "lyrics"
                    | "lines"
            )
        })
}

fn is_marked_verse(tree: &Tree, node: usize) -> bool {
    [Attr::Class, Attr::EpubType]
        .iter()
        .any(|&a| tree.attr(node, a).is_some_and(says_verse))
}

/// A `<span>` a style sheet would show as a line of its own.
fn is_line_span(tree: &Tree, node: usize) -> bool {
    tree.name(node) == "span"
        && tree.attr(node, Attr::Class).is_some_and(|c| {
            c.split_whitespace()
                .any(|w| w.to_ascii_lowercase().starts_with("line"))
        })
}

/// True when nothing under `node` is a block or a line break.
fn holds_only_inline(tree: &Tree, node: usize) -> bool {
    let mut stack: Vec<usize> = tree.children(node).to_vec();
    while let Some(n) = stack.pop() {
        let name = tree.name(n);
        if is_block(name) || name == "br" {
            return false;
        }
        stack.extend_from_slice(tree.children(n));
    }
    true
}

/// Whether a child of a container can be a line of verse, and how sure that is: a `<div>` or
/// a line span holding one short line (no block or `<br>` inside) can; a `<p>` or another span
/// can only in a container marked as verse. Short paragraphs of dialogue are not a poem.
fn is_line(tree: &Tree, child: usize, marked: bool) -> bool {
    let name = tree.name(child);
    let shaped = name == "div" || is_line_span(tree, child);
    if !(shaped || (marked && matches!(name, "p" | "span"))) || !holds_only_inline(tree, child) {
        return false;
    }
    let text = tree.text_content(child);
    let text = text.trim();
    !text.is_empty() && (marked || text.len() <= LONGEST_LINE)
}

/// Where the trailing line-like children of a container begin, if it ends with any: where the
/// opening of a chapter cut inside it must stop, since the lines may go on past the cut.
pub fn trailing_lines(tree: &Tree, node: usize) -> Option<usize> {
    let marked = is_marked_verse(tree, node);
    let children = tree.children(node);
    let mut start = None;
    for (i, &child) in children.iter().enumerate().rev() {
        if tree.text(child).is_some_and(|t| t.trim().is_empty()) {
            continue;
        }
        if !is_line(tree, child, marked) {
            break;
        }
        start = Some(i);
    }
    start
}

/// The runs of verse lines among a container's children, as ranges of indices into its
/// children: two or more line-like children in a row, with only whitespace between them. Each
/// run is one block, a line a child.
pub fn line_runs(tree: &Tree, node: usize) -> Vec<Range<usize>> {
    let marked = is_marked_verse(tree, node);
    let children = tree.children(node);
    let mut runs = Vec::new();
    let mut run: Option<(usize, usize, usize)> = None; // (first, last, lines)
    for (i, &child) in children.iter().enumerate() {
        let blank = tree.text(child).is_some_and(|t| t.trim().is_empty());
        if blank {
            continue;
        }
        if is_line(tree, child, marked) {
            run = Some(match run {
                Some((first, _, lines)) => (first, i, lines + 1),
                None => (i, i, 1),
            });
            continue;
        }
        if let Some((first, last, lines)) = run.take()
            && lines >= 2
        {
            runs.push(first..last + 1);
        }
    }
    if let Some((first, last, lines)) = run
        && lines >= 2
    {
        runs.push(first..last + 1);
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(tree: &Tree, name: &str) -> usize {
        (0..tree.nodes.len())
            .find(|&n| tree.name(n) == name)
            .unwrap()
    }

    fn runs(text: &str, name: &str) -> Vec<Range<usize>> {
        let tree = Tree::parse(text);
        line_runs(&tree, first(&tree, name))
    }

    #[test]
    fn stacked_divs_and_marked_spans_are_lines() {
        assert_eq!(
            runs(
                "<section><div><div>April is</div>\n<div>Lilacs</div></div></section>",
                "div"
            ),
            vec![0..3]
        );
        let marked = r#"<section><div class="poem"><span class="line">Farewell</span><span>For this day</span></div></section>"#;
        assert_eq!(runs(marked, "div"), vec![0..2]);
    }

    #[test]
    fn a_quotation_between_lines_parts_the_runs() {
        let text = "<section><div>a</div><div>b</div><blockquote><div>c</div></blockquote><div>d</div><div>e</div></section>";
        assert_eq!(runs(text, "section"), vec![0..2, 3..5]);
    }

    #[test]
    fn paragraphs_and_breaks_are_not_lines() {
        assert!(runs("<div><p>Yes.</p><p>No.</p></div>", "div").is_empty());
        assert!(
            runs(
                r#"<div class="poem"><p>a<br/>b</p><p>c<br/>d</p></div>"#,
                "div"
            )
            .is_empty()
        );
        let long = "word ".repeat(60);
        let text = format!("<section><div>{long}</div><div>{long}</div></section>");
        assert!(runs(&text, "section").is_empty());
    }
}
