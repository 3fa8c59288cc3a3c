//! A tmux server of a test's own, on its own socket, to run the real binary in a pane and read
//! what a person would see. Shared by the tests that drive quire through tmux.

// Each test crate uses its own subset of these helpers.
#![allow(dead_code)]

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

/// The session every pane of these tests lives in.
pub const SESSION: &str = "t";

/// A tmux server of our own (its own socket), killed when the test ends.
pub struct Tmux {
    socket: String,
    /// Where the socket file is, asked of the server as it starts: tmux leaves the file
    /// behind when its server ends (one per test, run after run, in the user's tmux folder),
    /// so it is removed with the server.
    socket_path: Option<String>,
}

impl Tmux {
    /// A server with one `width`×`height` pane running `command`; None (with a printed line)
    /// when tmux is not installed.
    pub fn start(name: &str, (width, height): (u16, u16), command: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            println!("skipped: tmux is not installed");
            return None;
        }
        let mut tmux = Tmux {
            socket: format!("quire-test-{}-{name}", std::process::id()),
            socket_path: None,
        };
        let (width, height) = (width.to_string(), height.to_string());
        let ok = tmux.run(&[
            "new-session",
            "-d",
            "-s",
            SESSION,
            "-x",
            &width,
            "-y",
            &height,
            command,
        ]);
        assert!(ok.is_some(), "tmux could not start a session");
        tmux.socket_path = tmux
            .run(&["display", "-p", "#{socket_path}"])
            .map(|path| path.trim().to_string())
            .filter(|path| !path.is_empty());
        Some(tmux)
    }

    pub fn run(&self, args: &[&str]) -> Option<String> {
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

    pub fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", SESSION];
        args.extend_from_slice(keys);
        self.run(&args).expect("send-keys");
    }

    /// A pane variable ("alternate_on", "pane_pid", …).
    pub fn flag(&self, name: &str) -> String {
        let format = format!("#{{{name}}}");
        self.run(&["display", "-p", "-t", SESSION, &format])
            .unwrap_or_default()
            .trim()
            .to_string()
    }

    pub fn pane(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", SESSION])
            .unwrap_or_default()
    }

    /// Wait until quire reads keys (it has asked for mouse reports, which it does once it
    /// reads input: its first frame comes before) and `ready` holds; the pane's text.
    pub fn wait_for_reader(&self, what: &str, ready: impl Fn(&Tmux) -> bool) -> String {
        self.wait_for(what, |t| t.flag("mouse_any_flag") == "1" && ready(t))
    }

    /// Wait until `ready` holds, then return the pane's text. What is waited for is another
    /// process (tmux, the binary in its pane), so nothing can be handed in as a message: the
    /// pane is looked at again every 50 ms, and only a pane that never gets there (a minute,
    /// far past any busy machine's slowness) fails the test.
    pub fn wait_for(&self, what: &str, ready: impl Fn(&Tmux) -> bool) -> String {
        let start = Instant::now();
        while !ready(self) {
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "timed out waiting for {what}:\n{}",
                self.pane()
            );
            sleep(Duration::from_millis(50));
        }
        self.pane()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
        if let Some(path) = &self.socket_path {
            let _ = std::fs::remove_file(path);
        }
    }
}
