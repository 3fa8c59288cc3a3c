//! The terminal is handed back however quire stops: the real binary runs in a tmux pane, is
//! stopped by SIGTERM, SIGHUP or Ctrl-C, and the pane must be out of the alternate screen, with
//! mouse reporting off, the cursor shown, and the line discipline cooked again (icanon, echo).
//! Skips with a printed line when tmux is not installed.

use std::process::Command;

use crate::common::tmux::Tmux;

/// The process running in the pane under its shell: quire.
fn quire_pid(tmux: &Tmux) -> String {
    let shell = tmux.flag("pane_pid");
    let children =
        std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).unwrap_or_default();
    children
        .split_whitespace()
        .next()
        .expect("quire runs under the pane's shell")
        .to_string()
}

/// Start quire in the pane, stop it with `stop`, and check what it left behind.
fn stops_cleanly(name: &str, stop: impl Fn(&Tmux), expected_exit: u8) {
    let Some(tmux) = Tmux::start(name, (80, 24), "sh") else {
        return;
    };
    // Bookmarks and the reading place go to a directory of the test's own, never the user's.
    let data = tempfile::tempdir().expect("a temporary data directory");
    let command = format!(
        "echo BEFORE-QUIRE; QUIRE_DATA_DIR='{}' '{}'; echo EXIT=$?",
        data.path().display(),
        env!("CARGO_BIN_EXE_quire")
    );
    tmux.send(&[&command, "Enter"]);
    // The reader asks for mouse events once it reads keys.
    tmux.wait_for_reader("the reader", |t| {
        t.flag("alternate_on") == "1" && t.pane().contains("Outline")
    });
    stop(&tmux);
    assert_restored(&tmux, name, expected_exit);
}

/// Once quire has exited: the exit status, and the terminal as the shell had it.
fn assert_restored(tmux: &Tmux, name: &str, expected_exit: u8) {
    // The typed command holds "EXIT=$?" too: wait for the line the shell prints.
    let pane = tmux.wait_for("quire to exit", |t| {
        t.pane().lines().any(|l| {
            l.strip_prefix("EXIT=")
                .is_some_and(|code| code.starts_with(|c: char| c.is_ascii_digit()))
        })
    });
    assert!(
        pane.contains(&format!("EXIT={expected_exit}")),
        "{name}: wrong exit status:\n{pane}"
    );
    assert_eq!(
        tmux.flag("alternate_on"),
        "0",
        "{name}: still on the alternate screen"
    );
    assert!(
        pane.contains("BEFORE-QUIRE"),
        "{name}: the shell's screen was not given back:\n{pane}"
    );
    assert!(
        !pane.contains("Outline"),
        "{name}: the reader's screen is left on the terminal"
    );
    assert_eq!(
        tmux.flag("mouse_any_flag"),
        "0",
        "{name}: mouse reporting left on"
    );
    assert_eq!(tmux.flag("cursor_flag"), "1", "{name}: cursor left hidden");
    tmux.send(&["stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' '; echo STTY-DONE", "Enter"]);
    let pane = tmux.wait_for("stty", |t| {
        t.pane().contains("STTY-DONE\n") || t.pane().lines().any(|l| l.ends_with("STTY-DONE"))
    });
    let modes = pane
        .lines()
        .rev()
        .find(|l| l.contains("icanon"))
        .unwrap_or_default()
        .to_string();
    assert!(
        modes.split_whitespace().any(|w| w == "icanon")
            && modes.split_whitespace().any(|w| w == "echo"),
        "{name}: terminal left in raw mode: {modes:?}"
    );
}

fn signal(name: &'static str) -> impl Fn(&Tmux) {
    move |tmux: &Tmux| {
        let pid = quire_pid(tmux);
        let status = Command::new("kill")
            .args(["-s", name, &pid])
            .status()
            .unwrap();
        assert!(status.success());
    }
}

#[test]
fn sigterm_restores_the_terminal() {
    stops_cleanly("term", signal("TERM"), 128 + 15);
}

#[test]
fn sighup_restores_the_terminal() {
    stops_cleanly("hup", signal("HUP"), 128 + 1);
}

#[test]
fn ctrl_c_quits_and_restores_the_terminal() {
    // In raw mode Ctrl-C is a key, bound to stop at once: the exit status says interrupted,
    // as when the signal stops a program.
    stops_cleanly("ctrl-c", |t| t.send(&["C-c"]), 128 + 2);
}

#[test]
fn sigint_from_outside_restores_the_terminal() {
    stops_cleanly("int", signal("INT"), 128 + 2);
}

#[test]
fn sigquit_sigusr1_and_sigalrm_restore_the_terminal() {
    stops_cleanly("quit", signal("QUIT"), 128 + 3);
    stops_cleanly("usr1", signal("USR1"), 128 + 10);
    stops_cleanly("alrm", signal("ALRM"), 128 + 14);
}

#[test]
fn a_panic_restores_the_terminal_and_says_one_line() {
    if !cfg!(debug_assertions) {
        eprintln!("skipped: only debug builds can be asked to panic");
        return;
    }
    let Some(tmux) = Tmux::start("panic", (80, 24), "sh") else {
        return;
    };
    let data = tempfile::tempdir().expect("a temporary data directory");
    // Debug builds panic on purpose when asked, right after taking the terminal.
    let command = format!(
        "echo BEFORE-QUIRE; QUIRE_DEBUG_PANIC=1 QUIRE_DATA_DIR='{}' '{}'; echo EXIT=$?",
        data.path().display(),
        env!("CARGO_BIN_EXE_quire")
    );
    tmux.send(&[&command, "Enter"]);
    assert_restored(&tmux, "panic", 70);
    let pane = tmux.pane();
    let said: Vec<&str> = pane.lines().filter(|l| l.starts_with("quire:")).collect();
    assert_eq!(said.len(), 1, "one line, no backtrace:\n{pane}");
    assert!(said[0].starts_with("quire: internal error:"), "{pane}");
    assert!(!pane.contains("stack backtrace"), "{pane}");
}

#[test]
fn q_quits_and_restores_the_terminal() {
    stops_cleanly("q", |t| t.send(&["q"]), 0);
}
