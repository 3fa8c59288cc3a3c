//! What the bookmark actions do to the model: bookmark a paragraph, select a passage by
//! sentence and paragraph, type a note, move between bookmarks, and the bookmarks panel (jump,
//! edit, delete, undo). Like all of `update`, no I/O: writes are returned as
//! [`Effect::Store`].

use crate::anchoring::{Bookmark, FlatText, Span};
use crate::document::{Anchor, BlockKind};
use crate::input::Key;
use crate::input::lineedit::{Edit, LineEditor};
use crate::text::sentences::{sentence_index, sentence_ranges};

use super::super::marks::{NoteEditing, Persistence, StoreChange};
use super::super::model::Model;
use super::super::msg::Effect;

/// The bookmarks panel opens on the first bookmark at or after the reader's place.
pub(super) fn open_panel(model: &mut Model) {
    let here = model
        .marks
        .bookmarks
        .iter()
        .position(|b| !b.orphaned && b.span.start >= model.anchor);
    model.marks.panel = Some(here.unwrap_or(0));
}

/// A change to write, when the document has a record in the store. Without one, the
/// bookmark is kept for this session only, marked as not saved, and the message says so.
fn store(model: &mut Model, change: StoreChange) -> Vec<Effect> {
    match model.record {
        Some(record) => vec![Effect::Store { record, change }],
        None => {
            if let Persistence::NotSaved(reason) = &model.marks.persistence {
                let uid = change.uid().to_string();
                if !matches!(change, StoreChange::Delete(_)) {
                    model.marks.unsaved.insert(uid);
                }
                let said = model.message.take().unwrap_or_default();
                model.message = Some(format!("{said} · not saved: {reason}"));
            }
            Vec::new()
        }
    }
}

fn is_markable(kind: BlockKind) -> bool {
    kind != BlockKind::Leftover
}

/// The block the reader is on: the block at the top of the screen, or the next markable one.
fn current_block(model: &Model) -> Option<usize> {
    (model.anchor.block..model.doc.blocks.len()).find(|&b| {
        model
            .doc
            .blocks
            .get(b)
            .is_some_and(|blk| is_markable(blk.kind) && !blk.text.trim().is_empty())
    })
}

fn new_bookmark(model: &mut Model, span: Span) -> Bookmark {
    let flat = FlatText::around_span(&model.doc, span);
    let section = model
        .outline
        .section_for_block(span.start.block)
        .map(|e| e.label.clone())
        .unwrap_or_default();
    Bookmark {
        uid: model.marks.next_uid(),
        span,
        quote: flat.quote(span),
        note: String::new(),
        section,
        created: 0,
        orphaned: false,
    }
}

/// Keep the bookmark in the model (in reading order) and ask for it to be written.
fn add(model: &mut Model, bookmark: Bookmark) -> Vec<Effect> {
    model.marks.bookmarks.push(bookmark.clone());
    model.marks.sort();
    store(model, StoreChange::Add(bookmark))
}

pub(super) fn bookmark_paragraph(model: &mut Model) -> Vec<Effect> {
    let Some(block) = current_block(model) else {
        model.message = Some("nothing here to bookmark".into());
        return Vec::new();
    };
    let len = model.doc.text(block).len();
    let span = Span {
        start: Anchor::new(block, 0),
        end: Anchor::new(block, len),
    };
    if model
        .marks
        .bookmarks
        .iter()
        .any(|b| b.span == span && !b.orphaned)
    {
        model.message = Some("this paragraph is already bookmarked".into());
        return Vec::new();
    }
    let bookmark = new_bookmark(model, span);
    model.message = Some(format!("bookmarked ¶ {}", paragraph_number(model, block)));
    add(model, bookmark)
}

fn paragraph_number(model: &Model, block: usize) -> usize {
    model.doc.blocks[..block.min(model.doc.blocks.len())]
        .iter()
        .filter(|b| b.kind.is_body())
        .count()
        + 1
}

/// Sentence ends of a block, with the trailing whitespace of each sentence left out.
fn sentence_ends(text: &str) -> Vec<usize> {
    sentence_ranges(text)
        .into_iter()
        .map(|r| r.start + text[r].trim_end().len())
        .filter(|&end| end > 0)
        .collect()
}

pub(super) fn start_selection(model: &mut Model) {
    let Some(block) = current_block(model) else {
        model.message = Some("nothing here to select".into());
        return;
    };
    let text = model.doc.text(block);
    let byte = if block == model.anchor.block {
        model.anchor.byte
    } else {
        0
    };
    let ranges = sentence_ranges(text);
    let Some(sentence) = ranges.get(sentence_index(&ranges, byte)).cloned() else {
        return;
    };
    let end = sentence.start + text[sentence.clone()].trim_end().len();
    model.marks.selection = Some(Span {
        start: Anchor::new(block, sentence.start),
        end: Anchor::new(block, end),
    });
    model.message =
        Some("selecting: ) ( by sentence, } { by paragraph, m or Enter saves, Esc cancels".into());
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Step {
    NextSentence,
    PrevSentence,
    NextParagraph,
    PrevParagraph,
}

fn next_markable(model: &Model, after: usize) -> Option<usize> {
    (after + 1..model.doc.blocks.len())
        .find(|&b| is_markable(model.doc.blocks[b].kind) && !model.doc.text(b).is_empty())
}

fn prev_markable(model: &Model, before: usize, not_before: usize) -> Option<usize> {
    (not_before..before)
        .rev()
        .find(|&b| is_markable(model.doc.blocks[b].kind) && !model.doc.text(b).is_empty())
}

pub(super) fn step_selection(model: &mut Model, step: Step) {
    let Some(span) = model.marks.selection else {
        return;
    };
    let end = span.end;
    let text = model.doc.text(end.block);
    let new_end = match step {
        Step::NextSentence => match sentence_ends(text).into_iter().find(|&e| e > end.byte) {
            Some(e) => Some(Anchor::new(end.block, e)),
            None => next_markable(model, end.block).and_then(|b| {
                sentence_ends(model.doc.text(b))
                    .first()
                    .map(|&e| Anchor::new(b, e))
            }),
        },
        Step::PrevSentence => {
            let floor = if end.block == span.start.block {
                span.start.byte
            } else {
                0
            };
            match sentence_ends(text)
                .into_iter()
                .rev()
                .find(|&e| e < end.byte && e > floor)
            {
                Some(e) => Some(Anchor::new(end.block, e)),
                None => prev_markable(model, end.block, span.start.block)
                    .map(|b| Anchor::new(b, model.doc.text(b).trim_end().len())),
            }
        }
        Step::NextParagraph => {
            let block_end = text.trim_end().len();
            if end.byte < block_end {
                Some(Anchor::new(end.block, block_end))
            } else {
                next_markable(model, end.block)
                    .map(|b| Anchor::new(b, model.doc.text(b).trim_end().len()))
            }
        }
        Step::PrevParagraph => prev_markable(model, end.block, span.start.block)
            .map(|b| Anchor::new(b, model.doc.text(b).trim_end().len())),
    };
    match new_end {
        Some(new_end) if new_end > span.start => {
            model.marks.selection = Some(Span {
                end: new_end,
                ..span
            });
            keep_in_view(model, new_end);
        }
        _ => {
            let grow = matches!(step, Step::NextSentence | Step::NextParagraph);
            model.message = Some(
                if grow {
                    "the passage cannot grow further"
                } else {
                    "the passage is as short as it gets"
                }
                .into(),
            );
        }
    }
}

/// The most a copy sends: terminals refuse or cut longer clipboard requests.
const MOST_COPIED: usize = 100_000;

/// `y`: the passage goes to the clipboard, through the terminal; the selection ends.
pub(super) fn copy_selection(model: &mut Model) -> Vec<Effect> {
    let Some(span) = model.marks.selection.take() else {
        return Vec::new();
    };
    let text = FlatText::around_span(&model.doc, span)
        .slice(span)
        .to_string();
    if text.len() > MOST_COPIED {
        model.message = Some(format!(
            "the passage is too long to copy ({} KB; at most {} KB)",
            text.len() / 1000,
            MOST_COPIED / 1000
        ));
        return Vec::new();
    }
    let chars = text.chars().count();
    model.message = Some(format!(
        "copied {chars} characters (a terminal that allows clipboard requests puts them there)"
    ));
    vec![Effect::Copy(text)]
}

pub(super) fn cancel_selection(model: &mut Model) {
    model.marks.selection = None;
    model.message = Some("selection cancelled".into());
}

/// Scroll so a place is on screen (the selection's end when it grows past the page).
fn keep_in_view(model: &mut Model, place: Anchor) {
    let line = model.pages.line_of(place);
    let top = model.top_line();
    let height = model.pages.height();
    if line >= top + model.pages.rows_shown_from(top) {
        // Past a page that ends early (before a heading) the top moves on by a row at least:
        // away from the page's start, the screen shows its whole height.
        let new_top = (line + 1).saturating_sub(height).max(top + 1);
        model.anchor = model.pages.anchor_at_line(new_top);
    }
}

pub(super) fn save_selection(model: &mut Model) -> Vec<Effect> {
    let Some(span) = model.marks.selection.take() else {
        return Vec::new();
    };
    let bookmark = new_bookmark(model, span);
    model.marks.editing = Some(NoteEditing {
        uid: bookmark.uid.clone(),
        editor: LineEditor::new(),
    });
    add(model, bookmark)
}

pub(super) fn note_key(model: &mut Model, key: Key) -> Vec<Effect> {
    let Some(editing) = model.marks.editing.as_mut() else {
        return Vec::new();
    };
    match editing.editor.handle(key) {
        Edit::Submit => {
            let uid = editing.uid.clone();
            let note = editing.editor.text().to_string();
            model.marks.editing = None;
            let Some(bookmark) = model.marks.bookmarks.iter_mut().find(|b| b.uid == uid) else {
                return Vec::new();
            };
            if bookmark.note == note {
                return Vec::new();
            }
            bookmark.note = note.clone();
            model.message = Some(
                match (note.is_empty(), model.record.is_some()) {
                    (true, _) => "note removed",
                    (false, true) => "note saved",
                    (false, false) => "note kept",
                }
                .into(),
            );
            store(model, StoreChange::SetNote { uid, note })
        }
        Edit::Cancel => {
            model.marks.editing = None;
            model.message = Some("note unchanged".into());
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Go to a bookmark: the line holding it at the top, the place left recorded in the jump
/// history (so `Ctrl-o` and `''` come back), folded leftovers opened if it lies in them.
fn jump_to(model: &mut Model, place: Anchor) {
    model.land(place, Anchor::new(place.block, 0), false);
}

pub(super) fn step_bookmark(model: &mut Model, forward: bool) {
    let top = model.top_line();
    let lines: Vec<(usize, Anchor)> = model
        .marks
        .bookmarks
        .iter()
        .filter(|b| !b.orphaned)
        .map(|b| (model.pages.line_of(b.span.start), b.span.start))
        .collect();
    let target = if forward {
        lines.iter().find(|(line, _)| *line > top)
    } else {
        lines.iter().rev().find(|(line, _)| *line < top)
    };
    match target {
        Some(&(_, place)) => jump_to(model, place),
        None if lines.is_empty() => {
            model.message = Some("no bookmarks yet: m bookmarks a paragraph".into())
        }
        None => {
            model.message = Some(
                if forward {
                    "no bookmark further on"
                } else {
                    "no bookmark before this"
                }
                .into(),
            )
        }
    }
}

pub(super) fn move_panel(model: &mut Model, delta: isize) {
    let last = model.marks.bookmarks.len().saturating_sub(1);
    if let Some(cursor) = model.marks.panel.as_mut() {
        *cursor = cursor.saturating_add_signed(delta).min(last);
    }
}

pub(super) fn panel_jump(model: &mut Model) {
    let Some(bookmark) = model.marks.panel.and_then(|i| model.marks.bookmarks.get(i)) else {
        return;
    };
    if bookmark.orphaned {
        model.message = Some("this passage is no longer in the text".into());
        return;
    }
    let place = bookmark.span.start;
    model.marks.panel = None;
    jump_to(model, place);
}

pub(super) fn panel_edit(model: &mut Model) {
    if let Some(bookmark) = model.marks.panel.and_then(|i| model.marks.bookmarks.get(i)) {
        model.marks.editing = Some(NoteEditing {
            uid: bookmark.uid.clone(),
            editor: LineEditor::with_text(&bookmark.note),
        });
    }
}

pub(super) fn panel_delete(model: &mut Model) -> Vec<Effect> {
    let Some(cursor) = model.marks.panel else {
        return Vec::new();
    };
    if cursor >= model.marks.bookmarks.len() {
        return Vec::new();
    }
    let bookmark = model.marks.bookmarks.remove(cursor);
    let uid = bookmark.uid.clone();
    model.marks.deleted.push(bookmark);
    model.marks.panel = Some(cursor.min(model.marks.bookmarks.len().saturating_sub(1)));
    model.message = Some("bookmark deleted · u undoes".into());
    store(model, StoreChange::Delete(uid))
}

pub(super) fn undo_delete(model: &mut Model) -> Vec<Effect> {
    let Some(bookmark) = model.marks.deleted.pop() else {
        model.message = Some("nothing to undo".into());
        return Vec::new();
    };
    let uid = bookmark.uid.clone();
    let effects = add(model, bookmark);
    if model.marks.panel.is_some() {
        model.marks.panel = model.marks.bookmarks.iter().position(|b| b.uid == uid);
    }
    model.message = Some("bookmark restored".into());
    effects
}
