//! How the reading column sets text out, from the settings and the screen: the layout
//! style (code lines cut or wrapped, and how far they may reach; the gap between paragraphs;
//! hyphenation), and the language hyphenation follows.

use crate::document::{BlockKind, Document};
use crate::layout::geometry::Geometry;
use crate::layout::{CodeLines, Style};

use super::config::Config;

/// How the reading column sets the text out, from the settings: the hyphenation patterns
/// when justified text is hyphenated, what is done with code lines wider than the column,
/// the gap between paragraphs; and how wide code lines may be drawn (`code_width`, from the
/// screen's geometry).
pub(super) fn layout_style(
    config: &Config,
    language: Option<hypher::Lang>,
    code_width: u16,
) -> Style {
    Style {
        code_width: usize::from(code_width),
        hyphenation: language.filter(|_| hyphenates(config)),
        code: if config.wrap_code {
            CodeLines::Wrap
        } else {
            CodeLines::Cut
        },
        paragraph_gap: config.paragraph_spacing,
    }
}

/// The columns code lines may take: the geometry's room for them, or none past the column
/// (0) in a text without code, whose layout that room cannot change.
pub(super) fn code_room(geometry: &Geometry, has_code: bool) -> u16 {
    if has_code { geometry.code_width } else { 0 }
}

/// True when the settings justify text and hyphenate it.
pub(super) fn hyphenates(config: &Config) -> bool {
    config.justify && config.hyphenate
}

/// Paragraphs looked at to tell the language words are hyphenated in: enough words to be sure
/// (the detector stops at a few thousand), few enough to cost little.
const LANGUAGE_SAMPLE: usize = 200;

/// The hyphenation patterns for the document's language, told from its opening paragraphs
/// (not its furniture); `None` when the language has none or is not clear.
pub(super) fn hyphenation_of(doc: &Document) -> Option<hypher::Lang> {
    let paragraphs = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .take(LANGUAGE_SAMPLE)
        .map(|b| b.text.as_str());
    crate::outline::language::Language::detect_in(paragraphs).hyphenation()
}
