//! Benchmarks for the reader's hot paths: loading a book, laying out all of it (what a resize
//! costs), drawing one frame, and a whole page turn (the key's update, the drawing, ratatui's
//! comparison with the frame before and the frame backend writing the changed cells). Books come from `$QUIRE_CORPUS` (Moby-Dick and 西遊記); without
//! it a synthetic book of the same size is built from the bundled article, and a line says so.
//!
//! Run: `QUIRE_CORPUS=/path/to/corpus cargo bench --bench reader`

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use quire::app::backend::FrameBackend;
use quire::document::Document;
use quire::input::key::parse_keys;
use quire::layout::Pages;
use quire::reader::{Effect, Model, Msg, Opened, Setup, update};
use ratatui::backend::TestBackend;

fn books() -> Vec<(String, Vec<u8>)> {
    let wanted = [
        "A-books/moby-dick.pg2701.txt",
        "B-nonlatin/xi-you-ji.pg23962.txt",
    ];
    if let Some(dir) = std::env::var_os("QUIRE_CORPUS").map(PathBuf::from) {
        let found: Vec<(String, Vec<u8>)> = wanted
            .iter()
            .filter_map(|rel| {
                let bytes = std::fs::read(dir.join(rel)).ok()?;
                let name = rel.rsplit('/').next().unwrap_or(rel).to_string();
                Some((name, bytes))
            })
            .collect();
        if !found.is_empty() {
            return found;
        }
    }
    eprintln!("QUIRE_CORPUS not set (or books missing): benchmarking a synthetic 1.2 MB book");
    let mut text = String::new();
    while text.len() < 1_200_000 {
        text.push_str(quire::BUNDLED_ARTICLE);
        text.push_str("\n\n");
    }
    vec![("synthetic-book".to_string(), text.into_bytes())]
}

fn bench(c: &mut Criterion) {
    for (name, bytes) in books() {
        c.bench_function(&format!("load/{name}"), |b| {
            b.iter(|| Document::from_bytes(black_box(&bytes), &name))
        });
        let Ok(doc) = Document::from_bytes(&bytes, &name) else {
            continue;
        };
        c.bench_function(&format!("layout_all/{name}/72x40"), |b| {
            b.iter(|| Pages::new(black_box(&doc), 72, 40, false))
        });
        c.bench_function(&format!("outline/{name}"), |b| {
            b.iter(|| quire::outline::Outline::build(black_box(&doc)))
        });
        let setup = Setup {
            screen: (200, 60),
            ..Setup::default()
        };
        let mut model = Model::open(Opened::fresh(doc.clone()), setup);
        // As in a session: after the first frame the whole is laid out and the outline built
        // (in the background there; here on the spot).
        while model.wants_work_after_paint() {
            settle(&mut model, Msg::Painted);
        }
        for key in parse_keys("<Space>").unwrap_or_default() {
            settle(&mut model, Msg::from(key));
        }
        let mut terminal = match quire::app::terminal(TestBackend::new(200, 60)) {
            Ok(t) => t,
            Err(_) => continue,
        };
        c.bench_function(&format!("frame/{name}/200x60"), |b| {
            b.iter(|| {
                let _ = terminal.draw(|frame| quire::ui::render(black_box(&model), frame));
            })
        });
        // What a page down costs the thread that draws, from the key to the bytes of the
        // frame: the page turns forward and back so every frame changes the reading column.
        let backend = FrameBackend::with_size(std::io::sink(), 200, 60);
        let Ok(mut terminal) = quire::app::terminal(backend) else {
            continue;
        };
        let _ = terminal.clear();
        let turns: Vec<_> = ["<Space>", "b"]
            .iter()
            .filter_map(|k| parse_keys(k).ok()?.into_iter().next())
            .collect();
        let mut next = 0;
        c.bench_function(&format!("page_turn/{name}/200x60"), |b| {
            b.iter(|| {
                settle(&mut model, Msg::from(turns[next % turns.len()]));
                next += 1;
                let _ = terminal.draw(|frame| quire::ui::render(black_box(&model), frame));
            })
        });
    }
}

/// Hand the reader `msg`, and carry out at once the background work it asks for.
fn settle(model: &mut Model, msg: Msg) {
    let mut pending = vec![msg];
    while let Some(msg) = pending.pop() {
        for effect in update(model, msg) {
            if let Effect::Spawn(job) = effect {
                pending.push(job.run());
            }
        }
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
