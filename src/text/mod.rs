//! Text measured and cut for display, with no knowledge of documents, layout or the screen:
//! display width by grapheme cluster ([`width`]), sentence boundaries ([`sentences`]), the
//! one-line excerpts shown in lists ([`excerpt`]), and Base64 for the clipboard ([`base64`]).
//! Every layer above may use it.

pub mod base64;
pub mod excerpt;
pub mod sentences;
pub mod width;

pub use width::{display_width, stands_alone};
