//! Chinese and Japanese texts as their readers expect them, end to end: the reader paging over
//! a page break, with the text after it starting its page and the keys that scroll crossing
//! the blank rest of the page before it. Each fixture is a few lines written for its test.

use quire::document::{Anchor, Document};
use quire::layout::LineKind;

use crate::common::{model, press};

/// A few lines of a story in Aozora Bunko's notation: ruby, a heading, a page break, notes.
const STORY: &str = "門の話\n作者\n\n［＃５字下げ］一［＃「一」は中見出し］\n　ある日の暮方《くれがた》の事である。一人の下人《げにん》が、羅生門《らしょうもん》の下で雨やみを待っていた。\n［＃改ページ］\n［＃５字下げ］二［＃「二」は中見出し］\n　広い門の下には、この男のほかに誰《たれ》もいない。\n";

#[test]
fn paging_over_a_page_break_starts_the_text_after_it_on_a_new_page() {
    let doc = Document::from_text(STORY, "story.txt");
    let after = doc
        .blocks
        .iter()
        .position(|b| b.placement.new_page)
        .expect("a block after the break");
    assert_eq!(doc.blocks[after].text, "二");
    let mut reader = model(doc, (40, 12));
    let pages = reader.pages();
    let break_row = pages
        .lines_from(0)
        .position(|l| l.kind == LineKind::PageBreak)
        .expect("the break's row");
    let first_of_after = pages.first_line_of_block(after).unwrap();
    assert!(pages.page_starts().contains(&first_of_after));
    assert!(break_row < first_of_after);
    // Space goes to the page the break starts.
    for _ in 0..4 {
        if reader.anchor().block >= after {
            break;
        }
        press(&mut reader, "<Space>");
    }
    assert_eq!(reader.anchor(), Anchor::new(after, 0));
    // One line up crosses the blank rows and the break to the last text before them.
    let last_before = (0..break_row)
        .rev()
        .find(|&row| {
            reader
                .pages()
                .line(row)
                .is_some_and(|l| l.kind == LineKind::Text)
        })
        .unwrap();
    press(&mut reader, "k");
    assert_eq!(reader.top_line(), last_before);
    assert!(reader.anchor().block < after, "{:?}", reader.anchor());
    // And one line down from there crosses them again to the text after the break.
    press(&mut reader, "j");
    assert_eq!(reader.anchor(), Anchor::new(after, 0));
}
