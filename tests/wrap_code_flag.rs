//! `--wrap-code` end to end: the real binary, in a tmux pane, starts with a long code line
//! continued on `↪` rows, and `w` cuts it at the column again. Skips with a printed line when
//! tmux is not installed.

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

/// A tmux server on a socket of its own, killed when the test ends.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> Option<String> {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }

    fn pane(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "w"])
            .unwrap_or_default()
    }

    /// Wait (up to 10 s) until the pane's text satisfies `ready`, and return it.
    fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let pane = self.pane();
            if ready(&pane) {
                return pane;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "timed out waiting for {what}:\n{pane}"
            );
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

#[test]
fn wrap_code_starts_wrapped_and_w_cuts_again() {
    if Command::new("tmux").arg("-V").output().is_err() {
        println!("skipped: tmux is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.md");
    std::fs::write(
        &file,
        "# Notes\n\nThe command:\n\n```sh\nrsync --archive --compress --delete source/ backup/ --exclude cache HIDDENTAIL\necho done\n```\n\nThat is all.\n",
    )
    .unwrap();
    let tmux = Tmux {
        socket: format!("quire-wrap-code-{}", std::process::id()),
    };
    // Bookmarks and the reading place go to the test's own directory, never the user's.
    let command = format!(
        "QUIRE_DATA_DIR='{}' '{}' --wrap-code '{}'",
        dir.path().display(),
        env!("CARGO_BIN_EXE_quire"),
        file.display()
    );
    let started = tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "w",
        "-x",
        "60",
        "-y",
        "20",
        &command,
    ]);
    assert!(started.is_some(), "tmux could not start a session");
    let wrapped = tmux.wait_for("the wrapped code line", |pane| pane.contains("HIDDENTAIL"));
    assert!(wrapped.contains('↪'), "{wrapped}");
    assert!(wrapped.contains("echo done"), "{wrapped}");

    tmux.run(&["send-keys", "-t", "w", "w"]);
    let cut = tmux.wait_for("the cut code line", |pane| {
        !pane.contains("HIDDENTAIL") && pane.contains('›')
    });
    assert!(!cut.contains('↪'), "{cut}");
    assert!(cut.contains("long code lines cut"), "{cut}");
    tmux.run(&["send-keys", "-t", "w", "q"]);
}
