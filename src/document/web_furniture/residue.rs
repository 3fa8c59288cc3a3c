//! What a page's machinery leaves in its text where it would have drawn something else: an
//! editor's markup escaped into the text (`&lt;span data-mce-type="bookmark" …&gt;`), a
//! content manager's button code left unrendered (`[button link="…"] Send us a review[/button]`),
//! the notice a script would have replaced ("This slideshow requires JavaScript."). None of it
//! is the article's; each is folded wherever it stands.

use super::letters;
use crate::document::structure::size_up_to;
use crate::document::{Block, BlockKind, Fold};

/// What a page says where a script of its would have shown something, lower-cased.
const SCRIPT_NOTICES: &[&str] = &[
    "requires javascript",
    "enable javascript",
    "javascript is disabled",
    "media playback is unsupported",
    "your browser does not support",
];

/// Fold the residue in the article.
pub(super) fn mark(blocks: &mut [Block]) {
    for block in blocks.iter_mut() {
        if !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem) {
            continue;
        }
        let text = block.text.trim();
        if is_escaped_markup(text) || is_button_code(text) || is_script_notice(text) {
            block.fold_as(Fold::Furniture);
        }
    }
}

/// Text made of nothing but escaped tags and entities: `&lt;span …&gt;&amp;#65279;&lt;/span&gt;`.
fn is_escaped_markup(text: &str) -> bool {
    if !text.starts_with("&lt;") || text.len() > 4000 {
        return false;
    }
    let mut rest = text;
    let mut outside = String::new();
    while let Some(open) = rest.find("&lt;") {
        outside.push_str(&rest[..open]);
        match rest[open..].find("&gt;") {
            Some(close) => rest = &rest[open + close + "&gt;".len()..],
            None => return false,
        }
    }
    outside.push_str(rest);
    // What is left between the tags is entities at most ("&amp;#65279;").
    let words: String = outside
        .split('&')
        .map(|part| part.split_once(';').map_or(part, |(_, after)| after))
        .collect();
    letters(&words) == 0
}

/// A button's code: `[name key="value" …] a few words[/name]`.
fn is_button_code(text: &str) -> bool {
    let Some(inner) = text.strip_prefix('[') else {
        return false;
    };
    let Some((open, rest)) = inner.split_once(']') else {
        return false;
    };
    let Some((name, attributes)) = open.split_once(' ') else {
        return false;
    };
    let closing = format!("[/{name}]");
    let Some(label) = rest.trim_end().strip_suffix(closing.as_str()) else {
        return false;
    };
    !name.is_empty()
        && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
        && attributes.contains('=')
        && size_up_to(label, 9) <= 8
}

/// "This slideshow requires JavaScript.": a short line saying what a script would show.
fn is_script_notice(text: &str) -> bool {
    if size_up_to(text, 11) > 10 {
        return false;
    }
    let lower = text.to_lowercase();
    SCRIPT_NOTICES.iter().any(|n| lower.contains(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(texts: &[&str]) -> Vec<bool> {
        let mut blocks: Vec<Block> = texts
            .iter()
            .map(|t| Block::new(BlockKind::Paragraph, *t, 1))
            .collect();
        mark(&mut blocks);
        blocks
            .iter()
            .map(|b| b.kind == BlockKind::Leftover)
            .collect()
    }

    #[test]
    fn escaped_editor_markup_is_folded_text_that_quotes_a_tag_is_not() {
        assert_eq!(
            folded(&[
                "&lt;span data-mce-type=\"bookmark\" style=\"width: 0px;\"&gt;&amp;#65279;&lt;/span&gt;",
                "&lt;b&gt;Bold&lt;/b&gt; is how the old pages set a heading.",
                "Write &lt;br&gt; to break a line.",
            ]),
            [true, false, false]
        );
    }

    #[test]
    fn unrendered_button_code_is_folded_other_brackets_are_not() {
        assert_eq!(
            folded(&[
                "[button link=\"https://example.com/review/\" type=\"big\"] Send us YOUR review[/button]",
                "[Editor's note: the council met again on Tuesday.]",
                "[quote] A long passage quoted from the report, which the article goes on to discuss at length and in detail, word by word[/quote]",
            ]),
            [true, false, false]
        );
    }

    #[test]
    fn a_notice_in_place_of_a_script_is_folded() {
        assert_eq!(
            folded(&[
                "This slideshow requires JavaScript.",
                "Media playback is unsupported on your device",
                "The site requires JavaScript developers with five years of experience, the listing said.",
            ]),
            [true, true, false]
        );
    }
}
