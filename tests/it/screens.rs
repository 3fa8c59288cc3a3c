//! Full-screen snapshots of the bundled article, drawn by the real event loop on a
//! `TestBackend`: the first page at common sizes, with help open, with the outline focused, and
//! on terminals too small to read in. The snapshots are the screen's text (styles aside).

use crate::common::{bundled, run};

fn screen(size: (u16, u16), script: &str) -> String {
    run(bundled(), size, script).screen()
}

#[test]
fn first_page_at_80x24() {
    insta::assert_snapshot!("bundled_80x24", screen((80, 24), ""));
}

#[test]
fn first_page_at_120x40() {
    insta::assert_snapshot!("bundled_120x40", screen((120, 40), ""));
}

#[test]
fn first_page_at_40x12_hides_the_sidebar() {
    let text = screen((40, 12), "");
    assert!(
        !text.contains("Outline"),
        "a 40-column screen has no room for the sidebar"
    );
    insta::assert_snapshot!("bundled_40x12", text);
}

#[test]
fn second_page_at_80x24() {
    insta::assert_snapshot!("bundled_80x24_page2", screen((80, 24), "<Space>"));
}

#[test]
fn help_overlay_at_80x24() {
    let text = screen((80, 24), "?");
    assert!(text.contains("quire help"));
    insta::assert_snapshot!("bundled_80x24_help", text);
}

#[test]
fn outline_focused_at_80x24() {
    let text = screen((80, 24), "<Tab>j");
    assert!(text.contains("Outline"));
    insta::assert_snapshot!("bundled_80x24_outline", text);
}

#[test]
fn leftovers_unfolded_at_last_page() {
    insta::assert_snapshot!("bundled_80x24_leftovers_open", screen((80, 24), "zG"));
}

#[test]
fn tiny_terminals_draw_without_panic() {
    for (w, h) in [
        (1, 1),
        (2, 2),
        (10, 3),
        (0, 0),
        (1, 40),
        (200, 1),
        (7, 7),
        (8, 2),
    ] {
        // Keys that move, fold and open overlays, at a size where little fits.
        let session = run(bundled(), (w, h), "jG?<Esc><Tab>jz}]<Space>b");
        let text = session.screen();
        assert_eq!(text.split('\n').count(), h.max(1) as usize, "{w}x{h}");
    }
    insta::assert_snapshot!("bundled_1x1", screen((1, 1), ""));
    insta::assert_snapshot!("bundled_2x2", screen((2, 2), ""));
    insta::assert_snapshot!("bundled_10x3", screen((10, 3), ""));
}

#[test]
fn hebrew_headings_read_right_to_left_in_the_sidebar_and_the_status_line() {
    let text = "הכרזה לכל באי עולם\n\nסעיף א.\n\nכל בני אדם נולדו בני חורין ושווים בערכם ובזכויותיהם. כולם חוננו בתבונה ובמצפון, לפיכך חובה עליהם לנהוג איש ברעהו ברוח של אחוה.\n\nסעיף ב.\n\nכל אדם זכאי לזכויות ולחירויות שנקבעו בהכרזה זו ללא הפליה כלשהיא מטעמי גזע, צבע, מין, לשון, דת, דעה פוליטית או דעה בבעיות אחרות.\n";
    let doc = quire::document::Document::from_text(text, "udhr.txt");
    let session = run(doc, (100, 20), "");
    let screen = session.screen();
    // Drawn for a terminal that does not reorder: the letters of a right-to-left label are
    // laid out from the right, so the cells hold them reversed, as the reading pane does.
    assert!(screen.contains(".א ףיעס"), "{screen}");
    assert!(!screen.contains("סעיף א."), "{screen}");
    assert!(
        session.status().contains("םלוע יאב לכל הזרכה"),
        "{}",
        session.status()
    );
}
