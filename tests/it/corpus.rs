//! The evaluation over the shared corpus (QUIRE_CORPUS), with floors the figures must not fall
//! below. Skips, saying so, when the corpus is not configured.

#[path = "../../benches/examples/eval/main.rs"]
mod eval;

#[test]
fn outline_and_fidelity_figures_do_not_regress() {
    let Some(root) = std::env::var_os("QUIRE_CORPUS") else {
        println!("skipping: QUIRE_CORPUS is not set");
        return;
    };
    let (table, s) = eval::run(std::path::Path::new(&root), false);
    println!("{table}");
    // On the documents the corpus first held, floors just under the figures measured before
    // it grew (heading F1 0.970, body F1 0.963 with recall 0.989, Pk 0.307 against a best
    // baseline of 0.434, label hits 0.507): they catch regressions.
    let first = |p: eval::Pair<f64>| p.first;
    assert!(
        first(s.heading_f1) >= 0.96,
        "heading F1 {:.3}",
        first(s.heading_f1)
    );
    assert!(first(s.body_f1) >= 0.95, "body F1 {:.3}", first(s.body_f1));
    assert!(
        first(s.body_recall) >= 0.98,
        "body recall {:.3}",
        first(s.body_recall)
    );
    // Pk: 29 % under the best baseline is what is asked (0.292 against 0.428 now); over the
    // whole corpus 0.358 against 0.420 now.
    assert!(
        first(s.pk) <= 0.31 && first(s.pk) <= 0.71 * first(s.pk_baseline),
        "Pk {:.3} vs baseline {:.3}",
        first(s.pk),
        first(s.pk_baseline)
    );
    assert!(
        s.pk.all <= 0.88 * s.pk_baseline.all,
        "Pk over the whole corpus {:.3} vs baseline {:.3}",
        s.pk.all,
        s.pk_baseline.all
    );
    assert!(
        first(s.label_hits) >= 0.50,
        "label hits {:.3}",
        first(s.label_hits)
    );
    // Fidelity, over the whole corpus: no fold inside the body of a book, an RFC, a PEP, a
    // licence or a Markdown text, and no text that loses more of its paragraphs than the
    // Chinese and Japanese books did when this was written.
    assert_eq!(s.interior_folds, 0, "folds inside a body");
    // A book saved as a web page is read whole: its print keeps the words it shows (98.5 %
    // at the least when this was written; the "p." of the page numbers a page sets in its
    // margin leaves with them).
    assert!(
        s.least_words_kept >= 0.97,
        "a saved book's print keeps {:.3} of its words",
        s.least_words_kept
    );
    assert!(
        s.short_of_paragraphs <= 6,
        "{} texts short of paragraphs",
        s.short_of_paragraphs
    );
    // What --print writes, over the whole corpus: the article of a scraped page and of a
    // saved page, with its furniture folded; the floors are the figures asked of it.
    assert!(
        s.print_scraped_f1.all >= 0.85,
        "--print body F1 on scraped text {:.3}",
        s.print_scraped_f1.all
    );
    assert!(
        s.print_html_f1.all >= 0.95,
        "--print body F1 on saved pages {:.3}",
        s.print_html_f1.all
    );
    assert!(
        s.heading_f1.all >= 0.95,
        "heading F1 over the whole corpus {:.3}",
        s.heading_f1.all
    );
}

/// A saved page's bold label is shown as bold: no Markdown marker is left after it (an
/// editor's `<b>Note: </b>`, its space inside, once printed as "**Note: **By far…"). Names a
/// page masks with asterisks ("Man**") are its text, and are not what is looked for.
#[test]
fn saved_pages_show_no_marker_after_a_bold_label() {
    let Some(root) = std::env::var_os("QUIRE_CORPUS") else {
        println!("skipping: QUIRE_CORPUS is not set");
        return;
    };
    let Ok(folders) = std::fs::read_dir(std::path::Path::new(&root).join("C-articles")) else {
        println!("skipping: the corpus has no C-articles");
        return;
    };
    // A colon, a space of any kind, then the marker that should have closed the label.
    let left_marker = |text: &str| {
        let chars: Vec<char> = text.chars().collect();
        chars
            .windows(4)
            .any(|w| w[0] == ':' && w[1].is_whitespace() && w[2] == '*' && w[3] == '*')
    };
    let mut marked = Vec::new();
    for folder in folders.flatten() {
        let Ok(bytes) = std::fs::read(folder.path().join("page.html")) else {
            continue;
        };
        let Ok(doc) = quire::document::Document::from_bytes(&bytes, "page.html") else {
            continue;
        };
        for block in doc.blocks.iter().filter(|b| left_marker(&b.text)) {
            marked.push(format!("{}: {}", folder.path().display(), block.text));
        }
    }
    assert!(marked.is_empty(), "{marked:#?}");
}
