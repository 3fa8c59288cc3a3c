//! `--wrap-code` end to end: the real binary, in a tmux pane, starts with a long code line
//! continued on `↪` rows, and `w` cuts it at the column again. Skips with a printed line when
//! tmux is not installed.

use crate::common::tmux::Tmux;

#[test]
fn wrap_code_starts_wrapped_and_w_cuts_again() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.md");
    std::fs::write(
        &file,
        "# Notes\n\nThe command:\n\n```sh\nrsync --archive --compress --delete source/ backup/ --exclude cache HIDDENTAIL\necho done\n```\n\nThat is all.\n",
    )
    .unwrap();
    // Bookmarks and the reading place go to the test's own directory, never the user's.
    let command = format!(
        "QUIRE_DATA_DIR='{}' '{}' --wrap-code '{}'",
        dir.path().display(),
        env!("CARGO_BIN_EXE_quire"),
        file.display()
    );
    let Some(tmux) = Tmux::start("wrap-code", (60, 20), &command) else {
        return;
    };
    let wrapped =
        tmux.wait_for_reader("the wrapped code line", |t| t.pane().contains("HIDDENTAIL"));
    assert!(wrapped.contains('↪'), "{wrapped}");
    assert!(wrapped.contains("echo done"), "{wrapped}");

    tmux.send(&["w"]);
    let cut = tmux.wait_for_reader("the cut code line", |t| {
        let pane = t.pane();
        !pane.contains("HIDDENTAIL") && pane.contains('›')
    });
    assert!(!cut.contains('↪'), "{cut}");
    assert!(cut.contains("long code lines cut"), "{cut}");
    tmux.send(&["q"]);
}
