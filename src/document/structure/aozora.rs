//! Aozora Bunko's inline notation, as a reader is shown it: ruby (the reading given to a word,
//! `漢字《かんじ》`, or `｜base《reading》` when the base must be marked) is written after its
//! word in parentheses, `漢字(かんじ)`, as Japanese plain text does; input notes (`［＃…］`:
//! emphasis dots, indentation, characters outside the character set) are left out of the text.
//! Headings made by notes are found before this, by [`super::heading::aozora`].
//!
//! Around the work, an Aozora file has its own matter: the title and the author on the first
//! two lines, a legend of the notation between two rules, and at the end the colophon (the
//! printed edition it was typed from, `底本：…`, and who typed and proofread it). The legend and
//! the colophon fold as front and back matter; the author is the byline.

use crate::document::{Block, BlockKind};

/// Where an Aozora file's own matter is, by source line (1-based).
#[derive(Debug, Clone, Default)]
pub struct Matter {
    /// The legend's first and last line (its rules included).
    legend: Option<(usize, usize)>,
    /// The line the colophon starts at.
    colophon: Option<usize>,
}

impl Matter {
    pub fn of(text: &str) -> Matter {
        let mut matter = Matter::default();
        let is_rule = |line: &str| line.trim().len() >= 10 && line.trim().chars().all(|c| c == '-');
        let mut opened: Option<usize> = None;
        for (index, line) in text.lines().enumerate() {
            let number = index + 1;
            if matter.legend.is_none() {
                if line.contains("【テキスト中に現れる記号について】") && opened.is_none()
                {
                    // The rule above the legend's heading, when there is one, is its start.
                    opened = Some(number);
                } else if let Some(start) = opened
                    && is_rule(line)
                {
                    matter.legend = Some((start.saturating_sub(1).max(1), number));
                }
            }
            if line.starts_with("底本：") {
                matter.colophon = Some(number);
            }
        }
        matter
    }

    pub fn in_legend(&self, line: usize) -> bool {
        self.legend
            .is_some_and(|(first, last)| (first..=last).contains(&line))
    }

    /// Fold the legend and the colophon; the line under the title, before the legend, is the
    /// author's name.
    pub fn mark(&self, blocks: &mut [Block]) {
        for block in blocks.iter_mut() {
            let in_colophon = self.colophon.is_some_and(|start| block.line >= start);
            if self.in_legend(block.line) || in_colophon {
                block.kind = BlockKind::Leftover;
            }
        }
        if let Some((first, _)) = self.legend
            && let Some(title) = blocks.iter().position(|b| b.kind == BlockKind::Title)
            && let Some(author) = blocks.get_mut(title + 1)
            && author.line < first
            && author.text.chars().count() <= 30
        {
            author.kind = BlockKind::Byline;
        }
    }
}

/// The most characters a ruby's base (after `｜`) and its reading are looked for over.
const MAX_BASE: usize = 40;
const MAX_READING: usize = 20;

/// The text with its ruby in parentheses and its notes left out; the same text when it has
/// neither.
pub fn shown(text: &str) -> Option<String> {
    if !text.contains(['《', '｜', '［']) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            // A note: up to its closing bracket (a note never holds another).
            '［' if text[at + c.len_utf8()..].starts_with('＃') => {
                for (_, inner) in chars.by_ref() {
                    if inner == '］' {
                        break;
                    }
                }
            }
            // The mark that says where a ruby's base begins.
            // (A base is a few characters: the look ahead is kept short, so a long paragraph
            // with many marks is not read over and over.)
            '｜' if text[at..].chars().take(MAX_BASE).any(|c| c == '《') => {}
            '《' => {
                let rest = &text[at + c.len_utf8()..];
                let close = rest
                    .char_indices()
                    .take(MAX_READING + 1)
                    .find(|&(_, c)| c == '》')
                    .map(|(i, _)| i);
                match close {
                    Some(end) if is_reading(&rest[..end]) => {
                        out.push('(');
                        out.push_str(&rest[..end]);
                        out.push(')');
                        // Skip the reading and its closing bracket.
                        let close = at + c.len_utf8() + end;
                        while chars.peek().is_some_and(|&(i, _)| i <= close) {
                            chars.next();
                        }
                    }
                    // Not a ruby (a title in double angle brackets): kept as written.
                    _ => out.push(c),
                }
            }
            _ => out.push(c),
        }
    }
    Some(out)
}

/// A ruby reading: a short run of kana (or, for a foreign word, letters), no sentence.
fn is_reading(text: &str) -> bool {
    let count = text.chars().count();
    (1..=MAX_READING).contains(&count)
        && text.chars().all(|c| {
            matches!(c as u32, 0x3040..=0x30ff | 0x31f0..=0x31ff | 0xff66..=0xff9f)
                || c.is_ascii_alphabetic()
                || c == '・'
                || c == 'ー'
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ruby_goes_in_parentheses_and_notes_go() {
        assert_eq!(
            shown("親譲《おやゆず》りの無鉄砲《むてっぽう》で").as_deref(),
            Some("親譲(おやゆず)りの無鉄砲(むてっぽう)で")
        );
        assert_eq!(
            shown("夕方｜折戸《おりど》の").as_deref(),
            Some("夕方折戸(おりど)の")
        );
        assert_eq!(
            shown("おくれんかな［＃「おくれんかな」に傍点］と").as_deref(),
            Some("おくれんかなと")
        );
        // A title in double angle brackets is not a reading.
        assert_eq!(
            shown("《吾輩は猫である。名前はまだ無い》").as_deref(),
            Some("《吾輩は猫である。名前はまだ無い》")
        );
        assert_eq!(shown("ただの文。"), None);
        // An unclosed bracket keeps what follows.
        assert_eq!(shown("下人《げにん").as_deref(), Some("下人《げにん"));
    }

    #[test]
    fn the_legend_and_the_colophon_fold_and_the_author_is_the_byline() {
        let text = "羅生門\n芥川龍之介\n\n-------------------------------------------------------\n【テキスト中に現れる記号について】\n\n《》：ルビ\n（例）下人《げにん》\n-------------------------------------------------------\n\n［＃３字下げ］一［＃「一」は中見出し］\n　ある日の暮方《くれがた》の事である。\n　一人の下人《げにん》が雨やみを待っていた。\n\n底本：「芥川龍之介全集1」ちくま文庫\n入力：平山誠\n";
        let doc = crate::document::Document::from_text(text, "r.txt");
        let kind_of = |needle: &str| {
            doc.blocks
                .iter()
                .find(|b| b.text.contains(needle))
                .map(|b| b.kind)
        };
        assert_eq!(kind_of("羅生門"), Some(BlockKind::Title));
        assert_eq!(kind_of("芥川龍之介"), Some(BlockKind::Byline));
        // The legend shows the notation as it is, folded.
        assert_eq!(kind_of("（例）下人《げにん》"), Some(BlockKind::Leftover));
        assert_eq!(kind_of("底本"), Some(BlockKind::Leftover));
        assert_eq!(kind_of("入力"), Some(BlockKind::Leftover));
        // Each line is its paragraph, its ruby in parentheses.
        assert_eq!(
            kind_of("ある日の暮方(くれがた)の事である。"),
            Some(BlockKind::Paragraph)
        );
        assert_eq!(kind_of("一人の下人(げにん)が"), Some(BlockKind::Paragraph));
        assert_eq!(kind_of("一"), Some(BlockKind::Heading));
    }
}
