//! Aozora Bunko's notation, as a reader is shown it: ruby written after its word in
//! parentheses or left out ([`notation`]); input notes (`［＃…］`) taken out of the text and
//! kept beside it for plain output with every fold open, and those a terminal can honour
//! honoured ([`directive`]): a page break starts a new page, indentation sets lines in, a line
//! set against the bottom of the page goes against the right edge. A line of notes alone leaves
//! no block: its notes go to the block after it. Headings made by notes are found before this,
//! by [`super::heading::aozora`].
//!
//! Around the work, an Aozora file has its own matter: the title and the author on the first
//! two lines, a legend of the notation between two rules, and at the end the colophon (the
//! printed edition it was typed from, `底本：…`, and who typed and proofread it). The legend and
//! the colophon fold as front and back matter; the author is the byline.

mod directive;
mod notation;

use crate::document::{Block, BlockKind, Fold, Note, Placement, Ruby};
use directive::{Directive, Setting};

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
            if self.in_legend(block.line) {
                block.fold_as(Fold::FrontMatter);
            } else if self.colophon.is_some_and(|start| block.line >= start) {
                block.fold_as(Fold::BackMatter);
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

/// Columns a full-width character takes: the unit Aozora Bunko's notes count in.
const FULL_WIDTH: u16 = 2;

/// The notation of every block but code and the legend that explains it (which must show it as
/// it is): ruby shown as `ruby` asks, notes taken out of the text and kept beside it, and what
/// the notes ask of the layout given to the blocks it is for. A block left with notes alone is
/// emptied, for [`settle`] to take away once nothing counts blocks by the source's any more.
pub fn apply(matter: &Matter, blocks: &mut [Block], ruby: Ruby) {
    let mut passage = Passage::default();
    let mut new_page = false;
    for block in blocks.iter_mut() {
        if block.kind == BlockKind::Code || matter.in_legend(block.line) {
            continue;
        }
        let (leading, indent) = match notation::read(&block.text, ruby) {
            Some(shown) => {
                block.text = shown.text;
                block.spans.extend(shown.readings);
                block.notes = shown.notes;
                (shown.leading, shown.indent)
            }
            None => (Vec::new(), 0),
        };
        for &directive in &leading {
            passage.follow(directive, &mut new_page);
        }
        if block.text.trim().is_empty() && !block.notes.is_empty() {
            block.text.clear();
            continue;
        }
        let own_indent = block
            .placement
            .first
            .saturating_add(indent.saturating_mul(FULL_WIDTH));
        block.placement = passage.place(&leading, own_indent);
        block.placement.new_page = std::mem::take(&mut new_page);
    }
}

/// The notes of a heading's source line (its heading note among them), kept beside its title:
/// those before the title's words at its start, the others at its end.
pub fn heading_notes(line: &str, title: &str) -> Vec<Note> {
    let Some(shown) = notation::read(line, Ruby::Hidden) else {
        return Vec::new();
    };
    shown
        .notes
        .into_iter()
        .map(|note| Note {
            at: if note.at == 0 { 0 } else { title.len() },
            ..note
        })
        .collect()
}

/// Take away the blocks left with notes alone (see [`apply`]), giving their notes to the block
/// after them (at the end, to the one before), to be written on lines of their own.
pub fn settle(blocks: &mut Vec<Block>) {
    let notes_alone = |block: &Block| block.text.is_empty() && !block.notes.is_empty();
    let Some(first_line) = blocks.iter().find(|b| notes_alone(b)).map(|b| b.line) else {
        return;
    };
    let mut kept = Vec::with_capacity(blocks.len());
    let mut carried: Vec<Note> = Vec::new();
    for mut block in blocks.drain(..) {
        if notes_alone(&block) {
            carried.extend(block.notes.into_iter().map(|note| Note {
                at: 0,
                alone: true,
                ..note
            }));
            continue;
        }
        if !carried.is_empty() {
            carried.append(&mut block.notes);
            block.notes = std::mem::take(&mut carried);
        }
        kept.push(block);
    }
    if !carried.is_empty() {
        match kept.last_mut() {
            Some(last) => {
                let end = last.text.len();
                last.notes
                    .extend(carried.into_iter().map(|note| Note { at: end, ..note }));
            }
            // Notes and nothing else: one empty paragraph keeps them.
            None => {
                let mut block = Block::new(BlockKind::Paragraph, "", first_line);
                block.notes = carried;
                kept.push(block);
            }
        }
    }
    *blocks = kept;
}

/// The passages open where the reading has got to: set in, or set against the right edge.
#[derive(Debug, Clone, Copy, Default)]
struct Passage {
    indent: Option<(u16, u16)>,
    flush: Option<u16>,
}

impl Passage {
    fn follow(&mut self, directive: Directive, new_page: &mut bool) {
        match directive {
            Directive::PageBreak => *new_page = true,
            Directive::Open(Setting::Indent { first, rest }) => self.indent = Some((first, rest)),
            Directive::Open(Setting::Flush { gap }) => self.flush = Some(gap),
            Directive::EndIndent => self.indent = None,
            Directive::EndFlush => self.flush = None,
            Directive::Line(_) => {}
        }
    }

    /// Where a line goes: as its own notes say, else as the passage it is in says; `own_indent`
    /// (in columns) is its first-line indent of ideographic spaces, which a passage set in
    /// adds to.
    fn place(&self, leading: &[Directive], own_indent: u16) -> Placement {
        let own = leading.iter().rev().find_map(|d| match d {
            Directive::Line(setting) => Some(*setting),
            _ => None,
        });
        let setting = own.or(self.flush.map(|gap| Setting::Flush { gap })).or(self
            .indent
            .map(|(first, rest)| Setting::Indent { first, rest }));
        let columns = |count: u16| count.saturating_mul(FULL_WIDTH);
        match setting {
            Some(Setting::Flush { gap }) => Placement {
                from_right: Some(columns(gap)),
                ..Placement::default()
            },
            Some(Setting::Indent { first, rest }) => Placement {
                first: columns(first).saturating_add(own_indent),
                rest: columns(rest),
                ..Placement::default()
            },
            None => Placement {
                first: own_indent,
                ..Placement::default()
            },
        }
    }
}
#[cfg(test)]
mod tests {
    use super::*;

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
        let fold_of = |needle: &str| {
            doc.blocks
                .iter()
                .find(|b| b.text.contains(needle))
                .map(|b| b.fold)
        };
        assert_eq!(fold_of("（例）"), Some(Fold::FrontMatter));
        assert_eq!(fold_of("底本"), Some(Fold::BackMatter));
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

    /// A night of a dream, in Aozora Bunko's notation: a page break, a heading, a passage set
    /// in, a line set in by its own note, emphasis dots, and a date against the bottom.
    const NIGHT: &str = "夢の話\n作者\n\n［＃改ページ］\n［＃５字下げ］第一夜［＃「第一夜」は中見出し］\n　こんな夢《ゆめ》を見た。\n［＃ここから２字下げ］\n　腕組をして枕元《まくらもと》に坐っていると、\n仰向に寝た女が、静かな声でもう死にますと云う。\n［＃ここで字下げ終わり］\n［＃３字下げ］女は長い髪を枕に敷いて［＃「枕に敷いて」に傍点］いた。\n［＃地から１字上げ］（明治四十一年）\n";

    fn night() -> Vec<Block> {
        crate::document::Document::from_text(NIGHT, "yume.txt").blocks
    }

    fn block<'a>(blocks: &'a [Block], starting: &str) -> &'a Block {
        blocks
            .iter()
            .find(|b| b.text.starts_with(starting))
            .unwrap_or_else(|| panic!("no block starts {starting:?}: {blocks:#?}"))
    }

    #[test]
    fn a_page_break_note_starts_a_new_page_and_leaves_no_block() {
        let blocks = night();
        assert!(
            blocks
                .iter()
                .all(|b| !b.text.is_empty() && !b.text.contains('＃'))
        );
        let heading = block(&blocks, "第一夜");
        assert_eq!(heading.kind, BlockKind::Heading);
        assert!(heading.placement.new_page);
        assert_eq!(blocks.iter().filter(|b| b.placement.new_page).count(), 1);
        // The note itself is kept with the block it stood before.
        assert_eq!(
            heading.notes.first().map(|n| (n.text.as_str(), n.alone)),
            Some(("［＃改ページ］", true))
        );
    }

    #[test]
    fn indentation_notes_set_lines_in_by_full_width_characters() {
        let blocks = night();
        let placed = |starting: &str| {
            let p = block(&blocks, starting).placement;
            (p.first, p.rest, p.from_right)
        };
        // A paragraph's own indent of one ideographic space.
        assert_eq!(placed("こんな夢(ゆめ)を見た。"), (2, 0, None));
        // Inside a passage set in by two characters, its own indent adds to the first line.
        assert_eq!(placed("腕組をして"), (6, 4, None));
        assert_eq!(placed("仰向に寝た女が"), (4, 4, None));
        // After the passage ends, a line's own note sets it in by three.
        assert_eq!(placed("女は長い髪"), (6, 6, None));
        // A line against the bottom of the page ends a character short of the right edge.
        assert_eq!(placed("（明治四十一年）"), (0, 0, Some(2)));
    }

    #[test]
    fn notes_are_kept_beside_the_text_where_they_stood() {
        let blocks = night();
        let notes = |starting: &str| -> Vec<(usize, String, bool)> {
            let b = block(&blocks, starting);
            b.notes
                .iter()
                .map(|n| (b.text[..n.at].chars().count(), n.text.clone(), n.alone))
                .collect()
        };
        assert_eq!(
            notes("腕組をして"),
            [(0, "［＃ここから２字下げ］".to_string(), true)]
        );
        assert_eq!(
            notes("女は長い髪"),
            [
                (0, "［＃ここで字下げ終わり］".to_string(), true),
                (0, "［＃３字下げ］".to_string(), false),
                (11, "［＃「枕に敷いて」に傍点］".to_string(), false),
            ]
        );
    }

    #[test]
    fn a_note_alone_at_the_end_goes_to_the_block_before_it() {
        let mut blocks = vec![
            Block::new(BlockKind::Paragraph, "本文", 1),
            Block::new(BlockKind::Paragraph, "", 2),
        ];
        blocks[1].notes.push(Note {
            at: 0,
            text: "［＃ここで字下げ終わり］".into(),
            alone: false,
        });
        settle(&mut blocks);
        assert_eq!(blocks.len(), 1);
        assert_eq!(
            blocks[0].notes,
            [Note {
                at: "本文".len(),
                text: "［＃ここで字下げ終わり］".into(),
                alone: true
            }]
        );
        // Notes and nothing else keep one empty block.
        let mut only = vec![blocks[0].clone()];
        only[0].text.clear();
        settle(&mut only);
        assert_eq!(only.len(), 1);
        assert_eq!(only[0].notes.len(), 1);
    }

    #[test]
    fn the_text_after_a_heading_set_in_its_line_is_a_paragraph_with_its_own_notes() {
        let text = "題\n作者\n\n［＃３字下げ］一［＃「一」は中見出し］\n　雪［＃「雪」は同行小見出し］　本文が続く《つづく》［＃「続く」に傍点］。\n　次の段落［＃「次の段落」に傍点］。\n";
        let blocks = crate::document::Document::from_text(text, "d.txt").blocks;
        let heading = block(&blocks, "雪");
        assert_eq!(heading.kind, BlockKind::Heading);
        let notes = |b: &Block| b.notes.iter().map(|n| n.text.clone()).collect::<Vec<_>>();
        assert_eq!(notes(heading), ["［＃「雪」は同行小見出し］"]);
        let rest = block(&blocks, "本文が続く(つづく)。");
        assert_eq!(rest.kind, BlockKind::Paragraph);
        assert_eq!(rest.line, heading.line);
        assert_eq!(rest.placement.first, 2);
        assert_eq!(notes(rest), ["［＃「続く」に傍点］"]);
    }
}
