//! The outline evaluation over the shared corpus (QUIRE_CORPUS), with floors the overall
//! figures must not fall below. Skips, saying so, when the corpus is not configured.

#[path = "../examples/eval.rs"]
mod eval;

#[test]
fn outline_figures_do_not_regress() {
    let Some(root) = std::env::var_os("QUIRE_CORPUS") else {
        println!("skipping: QUIRE_CORPUS is not set");
        return;
    };
    let (table, summary) = eval::run(std::path::Path::new(&root), false);
    println!("{table}");
    assert!(
        summary.heading_f1 >= 0.90,
        "heading F1 {:.3}",
        summary.heading_f1
    );
    assert!(summary.body_f1 >= 0.70, "body F1 {:.3}", summary.body_f1);
    assert!(
        summary.body_recall >= 0.85,
        "body recall {:.3}",
        summary.body_recall
    );
    // Floors at the level first measured (Pk 0.498, label hits 0.180): they catch regressions;
    // the targets (Pk 15 % under the best baseline, half the labels hitting) are not met yet.
    assert!(
        summary.pk <= 0.55,
        "Pk {:.3} vs baseline {:.3}",
        summary.pk,
        summary.pk_baseline
    );
    assert!(
        summary.label_hits >= 0.12,
        "label hits {:.3}",
        summary.label_hits
    );
}
