//! A search's full list of hits, made off the loop. A keystroke reads only the document near
//! the place (enough to show the first hit and the hits around it); when that was not all of
//! it, the search is left counting and [`follow_up`] asks for a [`Job::FindAll`], whose result
//! comes back as [`Msg::SearchFound`](crate::reader::Msg::SearchFound) and is installed by
//! [`found`].
//!
//! Why a background job and not slices of the scan between frames: the scan is a pure function
//! of the document and the query, so a thread can do it whole while the loop stays free for
//! keys, and tests deliver its result exactly where their script says. Only one runs at a
//! time: a key typed meanwhile starts no second scan; when the stale result comes back it is
//! dropped and the scan for the search shown then is asked for. A result is for one run of
//! one search (its serial) in one document (its generation); any other is stale.

use std::sync::Arc;

use crate::search::{Found, Matcher, find_all_from};

use super::super::model::Model;
use super::super::msg::{Effect, Job};
use super::super::prompt::PromptKind;
use super::super::search::{COUNTING, Landing};
use super::search::show_match;

/// The background scan the active search needs, if it is counting and none is running.
pub(super) fn follow_up(model: &mut Model) -> Option<Effect> {
    if model.search.in_flight.is_some() {
        return None;
    }
    let search = model.search.active.as_mut()?;
    let counting = search.counting?;
    let Ok(Some(matcher)) = Matcher::new(&search.query, search.regex_mode) else {
        // It compiled when the search began; should it not now, what is known is the list.
        search.counting = None;
        return None;
    };
    model.search.in_flight = Some(counting.serial);
    Some(Effect::Spawn(Job::FindAll {
        generation: model.generation,
        serial: counting.serial,
        doc: Arc::clone(&model.doc),
        matcher,
        from: search.from,
    }))
}

/// The full list of hits for run `serial` of a search in the document of `generation`.
pub(super) fn found(model: &mut Model, generation: u64, serial: u64, found: Found) {
    if generation != model.generation {
        return;
    }
    if model.search.in_flight == Some(serial) {
        model.search.in_flight = None;
    }
    if is_counting(model, serial) {
        install(model, found);
    }
}

/// The background scan died (a bug): keep the hits known, say the list is short, and stop
/// counting rather than ask again forever.
pub(super) fn failed(model: &mut Model, generation: u64, serial: u64) {
    if generation != model.generation {
        return;
    }
    if model.search.in_flight == Some(serial) {
        model.search.in_flight = None;
    }
    if !is_counting(model, serial) {
        return;
    }
    let mut found = model
        .search
        .active
        .as_ref()
        .map(|s| s.found.clone())
        .unwrap_or_default();
    found.truncated = true;
    install(model, found);
    model.message = Some("not every match could be counted".into());
}

/// Make the active search's list whole now, on the loop, when something needs all of it at
/// once (`n`/`N`, the results list) before the background scan is back.
pub(super) fn ensure_complete(model: &mut Model) {
    let Some(search) = model.search.active.as_ref() else {
        return;
    };
    if search.counting.is_none() {
        return;
    }
    let found = match Matcher::new(&search.query, search.regex_mode) {
        Ok(Some(matcher)) => find_all_from(&model.doc, &matcher, search.from),
        _ => search.found.clone(),
    };
    install(model, found);
}

fn position_text(model: &Model) -> Option<String> {
    model.search.active.as_ref().map(|s| s.position_text())
}

fn is_counting(model: &Model, serial: u64) -> bool {
    model
        .search
        .active
        .as_ref()
        .and_then(|s| s.counting)
        .is_some_and(|c| c.serial == serial)
}

/// Put the full list in place of the partial one: the hit shown stays the current one, the
/// results list follows, a "match … of …" on the status line gets its numbers, and a search
/// whose first hit was not near the place goes there now.
fn install(model: &mut Model, found: Found) {
    let Some(mut search) = model.search.active.take() else {
        return;
    };
    let Some(counting) = search.counting.take() else {
        model.search.active = Some(search);
        return;
    };
    let shown = search
        .current
        .and_then(|i| search.found.matches.get(i))
        .copied();
    search.found = found;
    let matches = &search.found.matches;
    let at_place = || {
        let at = matches.partition_point(|m| m.anchor() < search.from);
        (!matches.is_empty()).then_some(if at < matches.len() { at } else { 0 })
    };
    search.current = match shown {
        Some(hit) => matches.binary_search(&hit).ok().or_else(at_place),
        None => at_place(),
    };
    let current = search.current;
    let target = current.and_then(|i| matches.get(i)).copied();
    let query = search.query.clone();
    model.search.set_active(Some(search), &model.outline);
    if let Some(row) = current.and_then(|i| model.search.row_of_hit(i)) {
        model.search.results_cursor = row;
    }
    if model.message.as_deref() == Some(COUNTING) {
        model.message = position_text(model);
    }
    match counting.then {
        Landing::Stay => {}
        Landing::Incremental => {
            let prompt_open = model
                .prompt
                .as_ref()
                .is_some_and(|p| p.kind == PromptKind::Search);
            if let (true, Some(hit)) = (prompt_open, target) {
                show_match(model, hit, false);
            }
        }
        Landing::Jump { record } => match target {
            Some(hit) => {
                show_match(model, hit, record);
                model.flash = Some(hit.anchor());
                model.message = position_text(model);
            }
            None => model.message = Some(format!("no match for {query}")),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Anchor, Document};
    use crate::input::key::parse_keys;
    use crate::reader::model::Setup;
    use crate::reader::msg::{Msg, Opened};
    use crate::reader::update::update;
    use crate::search::ScanLimits;

    /// Forty paragraphs, a whale in three of them; the search reads about seven paragraphs a
    /// keystroke, so the rest of the list is always left to the background.
    fn model() -> Model {
        let text: String = (0..40)
            .map(|n| match n {
                5 | 25 | 35 => format!("Paragraph {n} saw a whale.\n\n"),
                _ => format!("Paragraph {n} saw the sea.\n\n"),
            })
            .collect();
        let doc = Document::from_text(&text, "sea.txt");
        let mut model = Model::open(Opened::fresh(doc), Setup::default());
        update(
            &mut model,
            Msg::Resize {
                width: 80,
                height: 10,
            },
        );
        model.search.limits = ScanLimits {
            at_least: 0,
            past_first: 0,
            at_most: 200,
        };
        model
    }

    fn block_of(model: &Model, paragraph: usize) -> usize {
        let label = format!("Paragraph {paragraph} ");
        (0..model.doc.blocks.len())
            .find(|&b| model.doc.text(b).starts_with(&label))
            .unwrap()
    }

    fn press(model: &mut Model, keys: &str) -> Vec<Job> {
        let mut jobs = Vec::new();
        for key in parse_keys(keys).unwrap() {
            jobs.extend(spawned(update(model, Msg::from(key))));
        }
        jobs
    }

    fn spawned(effects: Vec<Effect>) -> Vec<Job> {
        effects
            .into_iter()
            .filter_map(|e| match e {
                Effect::Spawn(job @ Job::FindAll { .. }) => Some(job),
                _ => None,
            })
            .collect()
    }

    /// Deliver a job's result, as the runtime would; the jobs its arrival asks for.
    fn deliver(model: &mut Model, job: Job) -> Vec<Job> {
        spawned(update(model, job.run()))
    }

    /// The paragraph of the hit the view was moved to.
    fn current_block(model: &Model) -> Option<usize> {
        let search = model.search.active.as_ref()?;
        Some(search.found.matches.get(search.current?)?.block)
    }

    fn position(model: &Model) -> String {
        model.search.active.as_ref().unwrap().position_text()
    }

    #[test]
    fn the_first_hit_shows_at_once_and_the_count_follows() {
        let mut model = model();
        model.anchor = Anchor::new(block_of(&model, 20), 0);
        let jobs = press(&mut model, "/whale");
        // Only the first keystroke's scan runs: the others wait for it.
        assert_eq!(jobs.len(), 1);
        assert_eq!(current_block(&model), Some(block_of(&model, 25)));
        assert_eq!(model.anchor.block, block_of(&model, 25));
        assert_eq!(position(&model), "match … of …");
        let more = deliver(&mut model, jobs.into_iter().next().unwrap());
        // That result was for "w": stale. The scan for "whale" is asked for now.
        assert!(model.search.counting());
        assert_eq!(more.len(), 1);
        assert!(deliver(&mut model, more.into_iter().next().unwrap()).is_empty());
        assert!(!model.search.counting());
        assert_eq!(position(&model), "match 2 of 3");
        assert_eq!(current_block(&model), Some(block_of(&model, 25)));
        press(&mut model, "<Enter>");
        assert_eq!(model.message.as_deref(), Some("match 2 of 3"));
    }

    #[test]
    fn enter_before_the_count_is_back_gets_its_numbers_later() {
        let mut model = model();
        model.anchor = Anchor::new(block_of(&model, 20), 0);
        let jobs = press(&mut model, "/whale<Enter>");
        assert_eq!(model.message.as_deref(), Some(COUNTING));
        let job = jobs.into_iter().next().unwrap();
        let again = deliver(&mut model, job);
        deliver(&mut model, again.into_iter().next().unwrap());
        assert_eq!(model.message.as_deref(), Some("match 2 of 3"));
    }

    #[test]
    fn a_first_hit_far_from_the_place_is_gone_to_when_found() {
        let mut model = model();
        let origin = Anchor::new(block_of(&model, 36), 0);
        model.anchor = origin;
        model.search.in_flight = Some(99); // as if a scan were running: nothing starts yet
        press(&mut model, "/whale");
        assert_eq!(
            model.anchor, origin,
            "no hit near the place: the view stays"
        );
        assert_eq!(position(&model), "searching…");
        press(&mut model, "<Enter>");
        assert_eq!(model.message.as_deref(), Some("searching for whale…"));
        // The stale scan comes back; the one for "whale" starts and its result lands.
        let stale = Msg::SearchFound {
            generation: model.generation,
            serial: 99,
            found: Default::default(),
        };
        let jobs = spawned(update(&mut model, stale));
        assert_eq!(jobs.len(), 1);
        deliver(&mut model, jobs.into_iter().next().unwrap());
        assert_eq!(current_block(&model), Some(block_of(&model, 5)), "wrapped");
        assert_eq!(model.anchor.block, block_of(&model, 5));
        assert_eq!(model.message.as_deref(), Some("match 1 of 3"));
        // It was a jump: Ctrl-o goes back to where the search began.
        press(&mut model, "<C-o>");
        assert_eq!(model.anchor, origin);
    }

    #[test]
    fn n_needs_the_whole_list_and_makes_it_at_once() {
        let mut model = model();
        model.anchor = Anchor::new(block_of(&model, 20), 0);
        let jobs = press(&mut model, "/whale<Enter>n");
        assert!(!model.search.counting());
        assert_eq!(current_block(&model), Some(block_of(&model, 35)));
        assert_eq!(model.message.as_deref(), Some("match 3 of 3"));
        // The scan still running comes back to a list already whole: nothing changes.
        let before = model.search.active.clone();
        for job in jobs {
            deliver(&mut model, job);
        }
        assert_eq!(model.search.active, before);
    }

    #[test]
    fn results_for_another_document_or_search_are_dropped() {
        let mut model = model();
        model.anchor = Anchor::new(block_of(&model, 20), 0);
        press(&mut model, "/whale<Enter>");
        let partial = model.search.active.clone();
        let serial = partial.as_ref().and_then(|s| s.counting).unwrap().serial;
        let wrong = [
            (model.generation + 1, serial),
            (model.generation, serial + 7),
        ];
        for (generation, serial) in wrong {
            let found = crate::search::Found {
                matches: Vec::new(),
                truncated: false,
            };
            update(
                &mut model,
                Msg::SearchFound {
                    generation,
                    serial,
                    found,
                },
            );
            assert_eq!(model.search.active, partial);
        }
        // Esc on a new prompt puts the counting search back; it is still completed.
        press(&mut model, "/sea<Esc>");
        assert_eq!(model.search.active, partial);
    }

    #[test]
    fn a_scan_that_died_leaves_the_hits_known_and_says_so() {
        let mut model = model();
        model.anchor = Anchor::new(block_of(&model, 20), 0);
        let jobs = press(&mut model, "/whale<Enter>");
        // The first scan (for "w") is stale when it comes back; the one for "whale" dies.
        let jobs = deliver(&mut model, jobs.into_iter().next().unwrap());
        let Some(job) = jobs.first() else {
            panic!("no scan started for whale");
        };
        update(&mut model, job.failed());
        assert!(!model.search.counting());
        assert_eq!(
            model.message.as_deref(),
            Some("not every match could be counted")
        );
        assert!(position(&model).ends_with('+'), "{}", position(&model));
    }
}
