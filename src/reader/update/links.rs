//! A book's notes and internal links, from the reader: the note of the first note reference on
//! the screen shows in a pop-up, and the first internal link on the screen is followed
//! through the jump history, so `Ctrl-o` comes back (a note's own backlink is such a link).

use crate::document::Anchor;
use crate::document::book::Link;

use super::super::model::{Model, Popup};

/// The index among the book's links of the first one on the screen, from the reading place
/// on, that `wanted` accepts.
fn first_on_screen(model: &Model, wanted: impl Fn(&Link) -> bool) -> Option<usize> {
    let book = model.doc.book()?;
    let place = (model.anchor.block, model.anchor.byte);
    let from = book
        .links
        .partition_point(|l| (l.block, l.range.start) < place);
    let end = model.top_line() + model.pages.height();
    book.links[from..]
        .iter()
        .take_while(|l| model.pages.line_of(Anchor::new(l.block, l.range.start)) < end)
        .position(wanted)
        .map(|i| from + i)
}

/// Show the note of the first note reference on the screen.
pub(super) fn show_note(model: &mut Model) {
    let Some(book) = model.doc.book() else {
        model.message = Some("no notes: only a book has them".into());
        return;
    };
    match first_on_screen(model, |l| book.note(l).is_some()) {
        Some(link) => model.popup = Some(Popup::Note { link, scroll: 0 }),
        None => model.message = Some("no note reference on this screen".into()),
    }
}

/// Go where the first internal link on the screen leads.
pub(super) fn follow_link(model: &mut Model) {
    let Some(book) = model.doc.book() else {
        model.message = Some("no links to follow: only a book has them".into());
        return;
    };
    let target = first_on_screen(model, |l| book.follow(l).is_some())
        .and_then(|i| book.links.get(i))
        .and_then(|link| book.follow(link));
    match target {
        Some(place) => model.land(place, Anchor::new(place.block, 0), false),
        None => model.message = Some("no link on this screen".into()),
    }
}
