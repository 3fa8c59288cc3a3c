//! `R`: the document read again where it came from, as less's `R` rereads a file. A web page
//! is fetched anew (the runtime keeps the new copy), a file is read again from disk; the new
//! text opens at the same place, found by the words there, and the status line says what
//! came of it. A failure is one line, and the document shown stays. A text read from standard
//! input, or the bundled article, has nowhere to be read again from: that is said.

use crate::anchoring::{FlatText, Span, position_at};

use super::super::model::Model;
use super::super::msg::{Effect, Opened};
use super::super::source::Source;

/// Ask for the document to be read again, with where the reader is in it.
pub(super) fn refresh(model: &mut Model) -> Vec<Effect> {
    let source = match model.current_source() {
        Some(source @ (Source::File(_) | Source::Web(_))) => source.clone(),
        Some(Source::Stdin(_)) => {
            model.message =
                Some("nothing to refresh: this text was read from standard input".into());
            return Vec::new();
        }
        None => {
            model.message =
                Some("nothing to refresh: this text was not read from a file or a page".into());
            return Vec::new();
        }
    };
    let here = Span {
        start: model.anchor,
        end: model.anchor,
    };
    let around = FlatText::around_span(&model.doc, here);
    let place = position_at(&around, model.anchor);
    model.message = Some(match &source {
        Source::Web(url) => format!("fetching {url} again…"),
        other => format!("reading {} again…", other.short_name()),
    });
    vec![Effect::Refresh {
        source,
        place,
        generation: model.generation,
    }]
}

/// The document read again (for the document of `generation`; anything later wins): it
/// replaces the one shown, at the place found for the reader, keeping the session's files.
pub(super) fn refreshed(model: &mut Model, generation: u64, result: Result<Opened, String>) {
    if generation != model.generation {
        return;
    }
    let mut opened = match result {
        Ok(opened) => opened,
        Err(why) => {
            model.message = Some(format!("not refreshed: {why} (the text shown stays)"));
            return;
        }
    };
    let notices = std::mem::take(&mut opened.saved.notices);
    let unchanged = opened.doc.blocks == model.doc.blocks;
    let generation = model.generation + 1;
    *model = Model::open(opened, model.setup());
    model.generation = generation;
    let mut said = if unchanged {
        "refreshed: unchanged".to_string()
    } else {
        "refreshed: the text changed".to_string()
    };
    for notice in notices {
        said.push_str(" · ");
        said.push_str(&notice);
    }
    model.message = Some(said);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Anchor, Document};
    use crate::reader::model::{Files, Setup};
    use crate::reader::msg::Msg;
    use crate::reader::update::update;

    fn text(first: &str) -> String {
        let mut text = format!("The Harbour\n\n{first}\n\n");
        for n in 1..=30 {
            text.push_str(&format!("Paragraph {n} tells of boats and tides.\n\n"));
        }
        text
    }

    fn model(source: Option<Source>) -> Model {
        let setup = Setup {
            files: Files {
                sources: source.into_iter().collect(),
                ..Files::default()
            },
            ..Setup::default()
        };
        let doc = Document::from_text(&text("An opening."), "harbour.txt");
        Model::open(Opened::fresh(doc), setup)
    }

    fn press_r(model: &mut Model) -> Vec<Effect> {
        let key = crate::input::key::parse_keys("R").unwrap()[0];
        update(model, Msg::from(key))
    }

    #[test]
    fn a_text_with_nowhere_to_come_from_says_so() {
        let mut bundled = model(None);
        assert!(press_r(&mut bundled).is_empty());
        assert!(bundled.message().unwrap().starts_with("nothing to refresh"));
        let mut piped = model(Some(Source::Stdin(Some("/kept/ab".into()))));
        assert!(press_r(&mut piped).is_empty());
        assert!(piped.message().unwrap().contains("standard input"));
    }

    #[test]
    fn r_asks_for_the_source_again_with_the_words_at_the_reader_s_place() {
        let url = "http://example.org/harbour".to_string();
        let mut model = model(Some(Source::Web(url.clone())));
        model.open_at(Anchor::new(7, 0));
        let effects = press_r(&mut model);
        let [
            Effect::Refresh {
                source,
                place,
                generation,
            },
        ] = &effects[..]
        else {
            panic!("R asks for the page again: {effects:?}");
        };
        assert_eq!(*source, Source::Web(url.clone()));
        assert_eq!(*generation, model.generation);
        assert!(
            place.quote.exact.starts_with("Paragraph 6 tells"),
            "{place:?}"
        );
        assert_eq!(
            model.message(),
            Some(format!("fetching {url} again…").as_str())
        );
    }

    #[test]
    fn the_new_text_opens_at_the_place_found_and_says_what_changed() {
        let mut model = model(Some(Source::File("harbour.txt".into())));
        let doc = Document::from_text(&text("A new opening.\n\nAnd a new paragraph."), "h.txt");
        let mut opened = Opened::fresh(doc);
        // The runtime found the reader's place one block further on in the new text.
        opened.saved.position = Some(Anchor::new(8, 0));
        opened.saved.notices = vec!["the text changed: 1 of 1 bookmarks re-attached".into()];
        let generation = model.generation;
        let _ = update(
            &mut model,
            Msg::Refreshed {
                generation,
                result: Box::new(Ok(opened)),
            },
        );
        assert_eq!(model.anchor(), Anchor::new(8, 0));
        assert_eq!(
            model.message(),
            Some("refreshed: the text changed · the text changed: 1 of 1 bookmarks re-attached")
        );
        assert_eq!(
            model.current_source(),
            Some(&Source::File("harbour.txt".into()))
        );
        // The same text again: unchanged.
        let same = Opened::fresh((*model.doc).clone());
        let generation = model.generation;
        refreshed(&mut model, generation, Ok(same));
        assert_eq!(model.message(), Some("refreshed: unchanged"));
    }

    #[test]
    fn a_failure_keeps_the_text_and_a_late_answer_is_dropped() {
        let mut model = model(Some(Source::Web("http://example.org/".into())));
        let before = model.doc.blocks.clone();
        let generation = model.generation;
        refreshed(&mut model, generation, Err("cannot connect".into()));
        assert_eq!(
            model.message(),
            Some("not refreshed: cannot connect (the text shown stays)")
        );
        assert_eq!(model.doc.blocks, before);
        // An answer for a document no longer shown changes nothing.
        let other = Opened::fresh(Document::from_text("Other\n\nWords.\n", "o.txt"));
        refreshed(&mut model, generation + 1, Ok(other));
        assert_eq!(model.doc.blocks, before);
    }
}
