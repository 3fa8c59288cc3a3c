//! The reading column's width and the sidebar's presence as the reader changes them: `+` and
//! `-` widen and narrow the column a step at a time, the reset keys (`=` when the width was
//! changed, `_` always) return to the configured width, and each choice is handed to the store to be remembered for every document.

use crate::reader::config::{MIN_READING_WIDTH, REMEMBERED_SIDEBAR, REMEMBERED_WIDTH};
use crate::reader::model::Model;
use crate::reader::msg::Effect;

/// Columns gained or lost per key press: enough to see, few enough to choose finely.
const STEP: usize = 4;

/// `+`: a wider column, as far as the screen allows.
pub(super) fn widen(model: &mut Model) -> Vec<Effect> {
    let shown = model.geometry().column.width as usize;
    if shown < model.config.max_width {
        model.message = Some(format!(
            "the column is as wide as this screen allows ({shown} columns)"
        ));
        return Vec::new();
    }
    set_width(model, shown + STEP)
}

/// `-`: a narrower column, from the width it shows now (which may be less than the setting on
/// a narrow screen), down to a floor that still reads.
pub(super) fn narrow(model: &mut Model) -> Vec<Effect> {
    let shown = (model.geometry().column.width as usize).min(model.config.max_width);
    if shown <= MIN_READING_WIDTH {
        model.message = Some(format!(
            "the column is as narrow as it goes ({MIN_READING_WIDTH} columns)"
        ));
        return Vec::new();
    }
    set_width(model, shown.saturating_sub(STEP).max(MIN_READING_WIDTH))
}

/// True when the reading width is not the one set (by `+`/`-` now, or remembered from them).
pub(super) fn changed(model: &Model) -> bool {
    model.config.max_width != model.config.configured_width
}

/// The reset key: the width of the settings file (or `--width`), and nothing remembered.
pub(super) fn reset(model: &mut Model) -> Vec<Effect> {
    model.config.max_width = model.config.configured_width;
    model.relayout();
    model.message = Some(format!(
        "reading width {} columns, as set",
        model.config.max_width
    ));
    vec![Effect::Remember {
        key: REMEMBERED_WIDTH,
        value: None,
    }]
}

fn set_width(model: &mut Model, width: usize) -> Vec<Effect> {
    model.config.max_width = width;
    model.relayout();
    let shown = model.geometry().column.width;
    model.message = Some(format!("reading width {shown} columns"));
    vec![Effect::Remember {
        key: REMEMBERED_WIDTH,
        value: Some(width.to_string()),
    }]
}

/// What showing or hiding the sidebar asks the store to remember, when it changed.
pub(super) fn sidebar_changed(model: &mut Model, shown_before: bool) -> Vec<Effect> {
    let wanted = model.sidebar_wanted;
    if wanted == shown_before {
        return Vec::new();
    }
    model.config.sidebar = wanted;
    vec![Effect::Remember {
        key: REMEMBERED_SIDEBAR,
        value: Some(wanted.to_string()),
    }]
}
