//! Terminal safety, end to end: the real binary runs in a pseudo-terminal on a document (with a
//! hostile file name) full of escape sequences and controls; every byte it writes is read and
//! checked. Only the sequences quire's own drawing emits (CSI cursor, erase, SGR and mode
//! switches) may appear; OSC, DCS, APC, PM, SOS, C1 controls, BEL and bidi controls may not.

use std::io::{Read, Write};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Every hostile form the sanitizer must neutralise, with a marker that must still be drawn.
fn hostile_document() -> Vec<u8> {
    let mut doc = String::new();
    // A sentence, not a title line: the status line then shows the (hostile) file name.
    doc.push_str("This hostile sample starts with VISIBLEMARKER and a full stop.\n\n");
    doc.push_str("csi \u{1b}[31mred\u{1b}[0m \u{1b}[2J\u{1b}[H clear \u{1b}[?1049l leave\n\n");
    doc.push_str("osc52 \u{1b}]52;c;aGVsbG8=\u{7} osc8 \u{1b}]8;;https://evil.example\u{1b}\\link\u{1b}]8;;\u{1b}\\\n\n");
    doc.push_str("title \u{1b}]0;pwned\u{1b}\\ dcs \u{1b}Pq#0;2;0;0;0\u{1b}\\ apc \u{1b}_payload\u{1b}\\\n\n");
    doc.push_str("pm \u{1b}^privacy\u{1b}\\ sos \u{1b}Xstring\u{1b}\\ lone \u{1b} esc\n\n");
    doc.push_str("c1 \u{9b}31m csi \u{9d}0;t\u{9c} osc \u{90}dcs\u{9c} \u{9e}pm\u{9c} \u{9f}apc\u{9c} \u{85}nel\n\n");
    doc.push_str("bel \u{7} nul \u{0} del \u{7f} bs \u{8} vt \u{b}\n\n");
    doc.push_str("bidi \u{202e}desrever\u{202c} \u{2066}iso\u{2069} \u{202a}\u{202b}\u{202d}\u{2067}\u{2068}\n\n");
    doc.push_str("# Markdownish heading \u{1b}]2;x\u{7}\n\nend VISIBLEMARKER\n");
    let mut bytes = doc.into_bytes();
    // Raw 8-bit C1 bytes as well (invalid UTF-8, shown as placeholders under --force).
    bytes.extend_from_slice(b"raw \x9b31m \x9d0;t\x07 \x1b\n");
    bytes
}

/// A problem found in the output stream, or None if every sequence is one quire emits.
fn first_foreign_sequence(output: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(output);
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\u{1b}' => {
                // The OSCs quire writes on its own: the questions to the terminal of what its
                // text and background colours are (theme "auto"), closed by BEL or ST.
                let rest: String = chars[i..chars.len().min(i + 8)].iter().collect();
                if let Some(end) = [
                    "\u{1b}]10;?\u{7}",
                    "\u{1b}]11;?\u{7}",
                    "\u{1b}]10;?\u{1b}\\",
                    "\u{1b}]11;?\u{1b}\\",
                ]
                .iter()
                .find(|q| rest.starts_with(*q))
                {
                    i += end.chars().count();
                    continue;
                }
                if chars.get(i + 1) != Some(&'[') {
                    return Some(format!("ESC {:?} at {i}", chars.get(i + 1)));
                }
                let mut j = i + 2;
                let params_start = j;
                while j < chars.len() && ('\u{30}'..='\u{3f}').contains(&chars[j]) {
                    j += 1;
                }
                let params: String = chars[params_start..j].iter().collect();
                while j < chars.len() && ('\u{20}'..='\u{2f}').contains(&chars[j]) {
                    j += 1;
                }
                let Some(&final_byte) = chars.get(j) else {
                    return Some("unterminated CSI".into());
                };
                let allowed = match final_byte {
                    // SGR, cursor position and moves, erase.
                    'm' | 'H' | 'f' | 'A' | 'B' | 'C' | 'D' | 'G' | 'J' | 'K' => {
                        !params.contains('?')
                    }
                    // Device attributes, asked after the colour question so that a terminal
                    // that does not answer that one is not waited for.
                    'c' => params.is_empty(),
                    // Private modes: alternate screen, cursor visibility, mouse reporting.
                    'h' | 'l' => matches!(
                        params.as_str(),
                        "?1049" | "?25" | "?1000" | "?1002" | "?1003" | "?1006" | "?1015" | "?2004"
                    ),
                    _ => false,
                };
                if !allowed {
                    return Some(format!("CSI {params}{final_byte}"));
                }
                i = j + 1;
            }
            '\r' | '\n' => i += 1,
            c if c.is_control() => return Some(format!("control U+{:04X} at {i}", c as u32)),
            c if quire::document::sanitize::is_bidi_control(c) => {
                return Some(format!("bidi control U+{:04X}", c as u32));
            }
            _ => i += 1,
        }
    }
    None
}

#[test]
fn allow_list_rejects_what_it_should() {
    assert_eq!(
        first_foreign_sequence(b"\x1b[1;1H\x1b[0m\x1b[?1049hok"),
        None
    );
    assert_eq!(first_foreign_sequence(b"\x1b]11;?\x07\x1b[cok"), None);
    for bad in [
        &b"\x1b]52;c;x\x07"[..],
        b"\x1bPq\x1b\\",
        b"\x1b_a\x1b\\",
        b"\x1b[6n",
        b"\x1b]11;rgb:ffff/ffff/ffff\x07",
        b"\x1b]12;?\x07",
        b"\xc2\x9b2J",
        b"\x07",
    ] {
        assert!(first_foreign_sequence(bad).is_some(), "{bad:?}");
    }
}

/// quire running in a pseudo-terminal: the terminal's side (to type on) and what quire
/// writes, as it comes.
struct InPty {
    child: std::process::Child,
    pty: std::sync::Arc<pty_process::blocking::Pty>,
    written: mpsc::Receiver<Vec<u8>>,
    output: Vec<u8>,
}

impl InPty {
    /// Start quire with `args` in a pseudo-terminal of `rows`×`cols`.
    fn start(args: &[&std::ffi::OsStr], (rows, cols): (u16, u16)) -> InPty {
        let (pty, pts) = pty_process::blocking::open().unwrap();
        pty.resize(pty_process::Size::new(rows, cols)).unwrap();
        let child = pty_process::blocking::Command::new(env!("CARGO_BIN_EXE_quire"))
            .args(args)
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR")
            .spawn(pts)
            .unwrap();
        let pty = std::sync::Arc::new(pty);
        let reader_pty = std::sync::Arc::clone(&pty);
        let (tx, written) = mpsc::channel::<Vec<u8>>();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // Ends with an error (EIO) once the child has exited and the pty is closed.
            while let Ok(n) = (&*reader_pty).read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        InPty {
            child,
            pty,
            written,
            output: Vec::new(),
        }
    }

    /// Take what quire writes until `until`, or until `want` has been written.
    fn collect(&mut self, until: Instant, want: Option<&[u8]>) {
        while Instant::now() < until {
            if let Ok(chunk) = self.written.recv_timeout(Duration::from_millis(50)) {
                self.output.extend_from_slice(&chunk);
            }
            if want.is_some_and(|w| self.output.windows(w.len()).any(|win| win == w)) {
                return;
            }
        }
    }

    /// Type `bytes` (the child may have exited already: a failed write is not a test's point).
    fn type_in(&self, bytes: &[u8]) {
        let _ = (&*self.pty).write_all(bytes);
    }

    /// How quire ended (None: it had to be killed after 10 s), and every byte it wrote.
    fn finish(mut self) -> (Option<std::process::ExitStatus>, Vec<u8>) {
        let deadline = Instant::now() + Duration::from_secs(10);
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break Some(status);
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                let _ = self.child.wait();
                break None;
            }
            self.collect(Instant::now() + Duration::from_millis(20), None);
        };
        self.collect(Instant::now() + Duration::from_millis(300), None);
        if let Some(dump) = std::env::var_os("QUIRE_PTY_DUMP") {
            std::fs::write(dump, &self.output).unwrap();
        }
        (status, self.output)
    }
}

/// Run quire in a 30×110 pseudo-terminal with `args`, wait for `ready` to be drawn (if any),
/// type `keys` one at a time, and return its exit status (None if it had to be killed) and
/// every byte it wrote to the terminal.
pub(crate) fn run_in_pty(
    args: &[&std::ffi::OsStr],
    ready: Option<&[u8]>,
    keys: &[&str],
) -> (Option<std::process::ExitStatus>, Vec<u8>) {
    let mut quire = InPty::start(args, (30, 110));
    if ready.is_some() {
        quire.collect(Instant::now() + Duration::from_secs(10), ready);
        // Keys go once quire reads them: it asks for mouse reports then (its first frame comes
        // before, while the terminal is asked about its colours).
        quire.collect(
            Instant::now() + Duration::from_secs(10),
            Some(b"\x1b[?1000h"),
        );
    }
    for key in keys {
        quire.type_in(key.as_bytes());
        quire.collect(Instant::now() + Duration::from_millis(150), None);
    }
    quire.finish()
}

/// A file name that tries every trick, for the status line and error messages.
const HOSTILE_NAME: &str = "evil\u{1b}]0;pwned\u{7}\u{9b}2J\u{202e}txt.exe";

#[test]
fn nothing_from_the_document_reaches_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(HOSTILE_NAME);
    std::fs::write(&path, hostile_document()).unwrap();
    // Page through, open the leftovers fold and help, then quit.
    let keys = ["j", " ", "z", "?", "?", "G", "q"];
    let (status, output) = run_in_pty(
        &[path.as_os_str(), "--force".as_ref()],
        Some(b"VISIBLEMARKER"),
        &keys,
    );
    assert!(
        status.is_some_and(|s| s.success()),
        "quire did not quit cleanly: {status:?}"
    );
    assert!(
        output.windows(13).any(|w| w == b"VISIBLEMARKER"),
        "the document was never drawn"
    );
    assert!(
        output.windows(4).any(|w| w == b"evil"),
        "the file name was never drawn"
    );
    if let Some(problem) = first_foreign_sequence(&output) {
        panic!("foreign sequence in quire's output: {problem}");
    }
}

#[test]
fn refusal_message_for_a_hostile_name_is_safe() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(HOSTILE_NAME);
    std::fs::write(&path, b"\0\0\0binary\0").unwrap();
    let (status, output) = run_in_pty(&[path.as_os_str()], None, &[]);
    assert_eq!(status.and_then(|s| s.code()), Some(1));
    let text = String::from_utf8_lossy(&output);
    assert!(text.contains("binary") && text.contains("evil"), "{text:?}");
    if let Some(problem) = first_foreign_sequence(&output) {
        panic!("foreign sequence in quire's output: {problem}");
    }
}

#[test]
fn y_copies_the_selected_passage_through_the_terminal_and_only_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("copy.txt");
    let text = "Copy Test\n\nThe first sentence is the one to copy. The second is not.\n";
    std::fs::write(&path, text).unwrap();
    // `}` to the paragraph, `v` selects its first sentence, `y` copies it, then quit.
    let (status, output) = run_in_pty(
        &[path.as_os_str()],
        Some(b"first sentence"),
        &["}", "v", "y", "q"],
    );
    assert!(status.is_some_and(|s| s.success()), "{status:?}");
    let wanted = format!(
        "\u{1b}]52;c;{}\u{7}",
        quire::text::base64::encode(b"The first sentence is the one to copy.")
    );
    let written = String::from_utf8_lossy(&output);
    assert!(
        written.contains(&wanted),
        "no clipboard request in the output"
    );
    // That request is the one OSC quire writes; nothing else foreign.
    let rest = written.replacen(&wanted, "", 1);
    if let Some(problem) = first_foreign_sequence(rest.as_bytes()) {
        panic!("foreign sequence in quire's output: {problem}");
    }
}

/// The frame backend writes runs of cells again instead of moving over them, and follows the
/// cursor across wide characters: on a hostile document of wide characters, styled words and
/// spaced prose, paged and resized, still nothing foreign reaches the terminal, a line of
/// prose arrives whole, and a line of wide characters arrives without a move between them.
#[test]
fn frames_written_in_runs_stay_safe() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wide.md");
    let mut doc = String::from("# Wide \u{1b}]0;x\u{7}title\n\n");
    doc.push_str("A line of prose with several words and spaces in it, VISIBLEMARKER.\n\n");
    doc.push_str("天地玄黃宇宙洪荒日月盈昃辰宿列張\u{1b}[2J寒來暑往秋收冬藏\n\n");
    doc.push_str(
        "*emphasis* and **strong** and `code \u{9b}2J` with 😀 and e\u{301} and \u{202e}x\n\n",
    );
    for i in 0..60 {
        doc.push_str(&format!(
            "Paragraph {i}: 閏餘成歲 律呂調陽 and plain words after it.\n\n"
        ));
    }
    std::fs::write(&path, doc).unwrap();
    let (status, output) = run_in_pty(
        &[path.as_os_str()],
        Some(b"VISIBLEMARKER"),
        &[" ", "j", "j", "z", "G", "g", "q"],
    );
    assert!(status.is_some_and(|s| s.success()), "{status:?}");
    let text = String::from_utf8_lossy(&output);
    assert!(
        text.contains("A line of prose with several words and spaces in it"),
        "the prose line did not arrive whole"
    );
    assert!(
        text.contains("天地玄黃宇宙洪荒日月盈昃辰宿列張"),
        "the wide characters did not arrive in one run"
    );
    if let Some(problem) = first_foreign_sequence(&output) {
        panic!("foreign sequence in quire's output: {problem}");
    }
}

/// Run the bundled article in a pseudo-terminal that answers quire's colour question with
/// `reply` (keys mixed in as a fast typist's would be), and give back how it ended and what it
/// wrote.
fn answered_in_pty(reply: &[u8]) -> (Option<std::process::ExitStatus>, Vec<u8>) {
    let data = tempfile::tempdir().unwrap();
    let args = [
        "--from-start".as_ref(),
        "--data-dir".as_ref(),
        data.path().as_os_str(),
    ];
    let mut quire = InPty::start(&args, (24, 80));
    quire.collect(Instant::now() + Duration::from_secs(10), Some(b"\x1b]11"));
    assert!(
        quire.output.windows(4).any(|w| w == b"\x1b]11"),
        "quire never asked about the background"
    );
    quire.type_in(reply);
    quire.finish()
}

/// The answers of a terminal with black text on white.
const LIGHT_ANSWERS: &[u8] =
    b"\x1b]10;rgb:0000/0000/0000\x1b\\\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?62;22c";

#[test]
fn keys_typed_while_the_terminal_answers_are_not_lost() {
    // "q" typed before the answers came, then after them in the same read: either way it is
    // the reader's first key, and quire ends (waiting forever for a key would fail here).
    let mut before = b"q".to_vec();
    before.extend_from_slice(LIGHT_ANSWERS);
    let mut after = LIGHT_ANSWERS.to_vec();
    after.extend_from_slice(b"q");
    for reply in [before, after] {
        let (status, output) = answered_in_pty(&reply);
        let shown = String::from_utf8_lossy(&output);
        assert!(
            status.is_some_and(|s| s.success()),
            "quire did not take the q typed with the answers {:?}: {status:?}\n{shown}",
            String::from_utf8_lossy(&reply)
        );
    }
}

/// A change of the terminal's size reaches the reader: the page is laid out again and its
/// status line drawn on the new last row. (The terminal's signal tells the loop at once; a
/// frame drawn for any other reason would find the new size too, so this shows the end, not
/// the way.)
#[test]
fn a_resized_terminal_gets_a_page_laid_out_for_its_new_size() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("prose.txt");
    let paragraph = "Call me Ishmael. Some years ago, never mind how long precisely, having \
                     little or no money in my purse, I thought I would sail about a little.\n\n";
    std::fs::write(&path, paragraph.repeat(40)).unwrap();
    let data = tempfile::tempdir().unwrap();
    let args = [
        "--from-start".as_ref(),
        "--data-dir".as_ref(),
        data.path().as_os_str(),
        path.as_os_str(),
    ];
    let mut quire = InPty::start(&args, (24, 80));
    // Reading keys (and so past its first frame): it asks for mouse reports then.
    quire.collect(
        Instant::now() + Duration::from_secs(10),
        Some(b"\x1b[?1000h"),
    );
    assert!(
        quire.output.windows(7).any(|w| w == b"\x1b[24;1H"),
        "no status line on the 24th row"
    );
    quire.pty.resize(pty_process::Size::new(14, 60)).unwrap();
    quire.collect(
        Instant::now() + Duration::from_secs(10),
        Some(b"\x1b[14;1H"),
    );
    let resized = quire.output.windows(7).any(|w| w == b"\x1b[14;1H");
    quire.type_in(b"q");
    let (status, _) = quire.finish();
    assert!(resized, "nothing drawn on the 14th row after the resize");
    assert!(status.is_some_and(|s| s.success()), "{status:?}");
}
