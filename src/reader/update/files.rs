//! Several files in one session, as less reads them: `:n`, `:p` and `:x` open the next, the
//! previous and the first of the files given, each at the place the reader left it. The
//! document is read off the loop ([`Effect::Open`]); meanwhile the reader keeps reading.

use crate::document::Anchor;

use super::super::model::Model;
use super::super::msg::{Effect, Opened};

/// Which way to go among the files.
#[derive(Debug, Clone, Copy)]
pub(super) enum Step {
    Next,
    Previous,
    First,
}

/// Open another of the session's files; a complaint when there is none that way.
pub(super) fn switch(model: &mut Model, step: Step) -> Result<Vec<Effect>, String> {
    let files = &model.files;
    let count = files.sources.len();
    if count < 2 {
        return Err("only one file is open (quire a.txt b.txt … opens several)".into());
    }
    let target = match step {
        Step::Next if files.current + 1 < count => files.current + 1,
        Step::Next => return Err("this is the last file".into()),
        Step::Previous if files.current > 0 => files.current - 1,
        Step::Previous => return Err("this is the first file".into()),
        Step::First => 0,
    };
    if target == files.current {
        return Ok(Vec::new());
    }
    let source = model.files.sources[target].clone();
    let here = model.files.sources[model.files.current].clone();
    model.files.places.insert(here, model.anchor);
    model.files.opening = Some(target);
    let name = source.short_name();
    model.message = Some(format!("opening {name} ({} of {count})…", target + 1));
    Ok(vec![Effect::Open(source)])
}

/// The file asked for is read: it replaces the document shown, at the place the reader left
/// it this session (else its saved place), keeping the session's files.
pub(super) fn opened(model: &mut Model, result: Result<Opened, String>) -> Vec<Effect> {
    let Some(target) = model.files.opening.take() else {
        return Vec::new();
    };
    let opened = match result {
        Ok(opened) => opened,
        Err(why) => {
            model.message = Some(why);
            return Vec::new();
        }
    };
    let mut setup = model.setup();
    setup.files.current = target;
    let generation = model.generation + 1;
    let left_at = setup
        .files
        .places
        .get(&setup.files.sources[target])
        .copied();
    let count = setup.files.sources.len();
    *model = Model::open(opened, setup);
    model.generation = generation;
    if let Some(place) = left_at.filter(|&p| p != Anchor::default()) {
        model.open_at(place);
    }
    // "file 1 of 1" says nothing: the only file of the session (one opened from the library
    // over the bundled article, say) is named by the status line already.
    if count > 1 {
        let file = format!("file {} of {count}", target + 1);
        model.message = Some(match model.message.take() {
            Some(said) => format!("{file} · {said}"),
            None => file,
        });
    }
    Vec::new()
}
