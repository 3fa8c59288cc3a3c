//! Messages from outside the keyboard: a frame painted (time for work held back so the first
//! paint came first), the terminal's size, the whole of a previewed document arriving, a
//! background outline finished, and a store write that failed.

use crate::document::{Anchor, Document, LoadError};
use crate::layout::Pages;
use crate::outline::Outline;
use crate::reader::config::REMEMBERED_BACKGROUND;
use crate::reader::palette::Palette;

use super::super::model::{Model, OutlineState};
use super::super::msg::{Effect, Job, Opened, Write};
use super::{position_effect, update};

/// After a paint: lay out the rest of the document (a short one here, a long one in the
/// background), then ask for the full outline.
pub(super) fn painted(model: &mut Model) -> Vec<Effect> {
    if !model.pages.is_complete() {
        if model.lays_out_at_once() {
            model.complete_layout();
            return Vec::new();
        }
        let cancel = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        model.layout_job = Some(std::sync::Arc::clone(&cancel));
        let (width, height, style) = model.layout_wanted();
        return vec![Effect::Spawn(Job::LayOut {
            generation: model.generation,
            doc: std::sync::Arc::clone(&model.doc),
            width,
            height,
            leftovers_open: model.leftovers_open,
            style,
            cancel,
        })];
    }
    if model.loading || model.outline_state != OutlineState::Wanted {
        return Vec::new();
    }
    model.outline_state = OutlineState::Requested;
    vec![Effect::Spawn(Job::BuildOutline {
        generation: model.generation,
        doc: std::sync::Arc::clone(&model.doc),
    })]
}

/// The terminal's answer about its background: its palette is drawn from now on, and the
/// answer remembered so that the next session's first frame is drawn with it.
pub(super) fn terminal_background(model: &mut Model, light: bool, palette: Palette) -> Vec<Effect> {
    model.config.palette = palette;
    let background = if light { "light" } else { "dark" };
    vec![Effect::Remember {
        key: REMEMBERED_BACKGROUND,
        value: Some(background.to_string()),
    }]
}

pub(super) fn resize(model: &mut Model, width: u16, height: u16) {
    model.screen = (width, height);
    model.relayout();
}

/// The whole layout made in the background: it replaces the window when it is for this
/// document at the size and folding wanted now (an older one is dropped: a newer is on its
/// way), and the input that waited for it acts, in order.
pub(super) fn laid_out(
    model: &mut Model,
    generation: u64,
    pages: Option<Box<Pages>>,
) -> Vec<Effect> {
    let Some(pages) = pages else {
        return Vec::new();
    };
    let (width, height, style) = model.layout_wanted();
    let wanted = generation == model.generation
        && !model.pages.is_complete()
        && (
            pages.width(),
            pages.height(),
            pages.leftovers_open(),
            pages.style(),
        ) == (width, height, model.leftovers_open, style);
    if !wanted {
        return Vec::new();
    }
    model.cancel_layout_job();
    model.pages = *pages;
    if model.loading {
        return Vec::new();
    }
    // The share read is known now: the place is written again with it, so a reader who stays
    // still until quitting does not leave the library the share of an earlier session.
    let mut effects: Vec<Effect> = position_effect(model).into_iter().collect();
    let deferred = std::mem::take(&mut model.pending.deferred);
    for input in deferred {
        effects.extend(update(model, super::super::msg::Msg::Input(input)));
    }
    effects
}

/// The full outline for the document of `generation` is built.
pub(super) fn outline_built(model: &mut Model, generation: u64, outline: Outline) {
    if generation == model.generation {
        model.set_outline(outline);
    }
}

/// The outline builder died (a bug): keep the provisional outline rather than wait forever,
/// and say so.
pub(super) fn outline_failed(model: &mut Model, generation: u64) {
    if generation == model.generation {
        model.outline_state = OutlineState::Done;
        model.message = Some("the outline could not be built: it shows opening words".into());
    }
}

/// The store could not take a write: the reader must know, since it believed it saved. A
/// bookmark stays in this session, marked as not saved, while the runtime retries.
pub(super) fn store_failed(model: &mut Model, write: &Write, error: &str) {
    model.message = Some(match write {
        Write::Position => format!("reading place not saved: {error}"),
        Write::Bookmark(change) => {
            model.marks.unsaved.insert(change.uid().to_string());
            format!("bookmark not saved: {error} · kept for this session and tried again")
        }
    });
}

/// Changes that had failed are in the store now.
pub(super) fn store_saved(model: &mut Model, uids: &[String]) {
    for uid in uids {
        model.marks.unsaved.remove(uid);
    }
    if model.marks.unsaved.is_empty() {
        model.message = Some("bookmarks saved".into());
    }
}

/// The whole of a previewed document: it replaces the preview, at the preview's place when
/// that paragraph reads the same in the whole (else at its saved place), with its bookmarks;
/// then the input kept for it acts, in order. The paragraph is found by its index after a
/// preview of the opening, and by the line of the file it starts on after a preview of a part
/// inside the text (around a saved place, whose place the whole finds itself unless the
/// reader moved, or of the end). A refusal ends the session with its reason.
pub(super) fn whole_arrived(model: &mut Model, whole: Result<Opened, LoadError>) -> Vec<Effect> {
    let opened = match whole {
        Ok(opened) => opened,
        Err(err) => return vec![Effect::Abort(err)],
    };
    let read_to = model.anchor;
    let carried = match model.preview_inside {
        // Around a saved place, the whole opens there itself unless the reader moved.
        Some(opened_at) if opened_at == read_to && !model.preview_at_end => None,
        Some(_) => same_paragraph_by_line(&model.doc, &opened.doc, read_to),
        // The preview's place holds in the whole document when its paragraph is there with
        // the same words (the preview's last one may be cut short).
        None => (read_to != Anchor::default()
            && match (
                model.doc.blocks.get(read_to.block),
                opened.doc.blocks.get(read_to.block),
            ) {
                (Some(seen), Some(whole)) => whole.text.starts_with(seen.text.as_str()),
                _ => false,
            })
        .then_some(read_to),
    };
    let from_start = model.preview_inside.is_none();
    let deferred = std::mem::take(&mut model.pending.deferred);
    let generation = model.generation + 1;
    *model = Model::open(opened, model.setup());
    model.generation = generation;
    let mut effects = Vec::new();
    if let Some(place) = carried
        && (model.anchor == Anchor::default() || !from_start)
    {
        model.open_at(place);
        effects.extend(position_effect(model));
    }
    for input in deferred {
        effects.extend(update(model, super::super::msg::Msg::Input(input)));
    }
    effects
}

/// The end of the file, asked for by `G` while the whole is read: shown as a preview at its
/// last page, in place of the `G` that waited for it (the keys typed after it act on it as
/// they would on any preview). Dropped when the whole came first, or when the key waiting
/// first is no longer that `G`; when it could not be read, the `G` waits for the whole.
pub(super) fn end_read(
    model: &mut Model,
    generation: u64,
    doc: Option<Box<Document>>,
) -> Vec<Effect> {
    if generation != model.generation || !model.loading {
        return Vec::new();
    }
    model.pending.end_asked = false;
    let Some(doc) = doc else {
        return Vec::new();
    };
    let asked_by = model.pending.deferred.front().copied();
    if !asked_by.is_some_and(|input| super::keys::is_bottom(model, input)) {
        return Vec::new();
    }
    let mut deferred = std::mem::take(&mut model.pending.deferred);
    deferred.pop_front();
    *model = Model::preview_around(*doc, Anchor::default(), model.setup());
    model.generation = generation;
    // A preview is short: laid out whole, its last page is known.
    model.complete_layout();
    super::navigation::bottom(model, None);
    model.preview_inside = Some(model.anchor);
    model.preview_at_end = true;
    let mut effects = Vec::new();
    for input in deferred {
        effects.extend(update(model, super::super::msg::Msg::Input(input)));
    }
    effects
}

/// Where `place`, in a preview of part of a text, is in the whole `doc`: in the paragraph
/// that starts on the same line of the file with the same words (the preview's last may be
/// cut short).
fn same_paragraph_by_line(preview: &Document, doc: &Document, place: Anchor) -> Option<Anchor> {
    let seen = preview.blocks.get(place.block)?;
    let first = doc.blocks.partition_point(|block| block.line < seen.line);
    doc.blocks[first..]
        .iter()
        .take_while(|block| block.line == seen.line)
        .position(|block| block.text.starts_with(seen.text.as_str()))
        .map(|k| Anchor::new(first + k, place.byte))
}

/// Say that the session continues the document read last: "continuing: Title, ¶ 4,102" in
/// place of the plain "resumed at ¶ 4102", before whatever else opening had to say.
pub(super) fn continuing(model: &mut Model, title: &str) {
    let title = crate::text::excerpt::opening(title, 40);
    let (k, _) = model.paragraph_position();
    let mut said = if model.anchor == Anchor::default() {
        format!("continuing: {title}")
    } else {
        format!("continuing: {title}, ¶ {}", crate::text::number::grouped(k))
    };
    if let Some(earlier) = model.message.take() {
        for part in earlier
            .split(" · ")
            .filter(|p| !p.starts_with("resumed at ¶"))
        {
            said.push_str(" · ");
            said.push_str(part);
        }
    }
    model.message = Some(said);
}
