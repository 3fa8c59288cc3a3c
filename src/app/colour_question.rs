//! Asking the terminal for its colours without losing a key: the questions (foreground,
//! background, then the device attributes every terminal answers, so that a terminal which
//! does not know the colour questions still says so at once) are written to the terminal, and
//! everything it sends back is read until the last answer. Keys the reader typed before or
//! while the terminal answered (quire started with `G` already pressed, a fast `Space` over
//! ssh) come back mixed with the answers; they are kept, decoded, and handed to the reader as
//! if read at the start. The scanning and the decoding are pure functions of bytes.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What the terminal said: whether its background is lighter than its text (`None`: no
/// answer), and the keys typed meanwhile, in order.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Answer {
    pub light: Option<bool>,
    pub typed: Vec<KeyEvent>,
}

/// The questions, in the order the answers come back: text colour, background colour, and
/// the device attributes (answered by every terminal, last). Each colour question ends with
/// BEL, which terminals that get ST wrong still understand.
pub const QUESTIONS: &[u8] = b"\x1b]10;?\x07\x1b]11;?\x07\x1b[c";

/// A 16-bit-per-channel colour, as terminals answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u16, pub u16, pub u16);

impl Rgb {
    /// CIE lightness, 0 (black) to 1 (white).
    fn lightness(self) -> f64 {
        let linear = |c: u16| {
            let c = f64::from(c) / f64::from(u16::MAX);
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let y = 0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2);
        let l = if y <= 216.0 / 24389.0 {
            y * 24389.0 / 27.0
        } else {
            y.cbrt() * 116.0 - 16.0
        };
        l / 100.0
    }
}

/// What the bytes read so far hold.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Scan {
    pub foreground: Option<Rgb>,
    pub background: Option<Rgb>,
    /// The device attributes came: nothing more will.
    pub finished: bool,
    /// The bytes that were no answer: keys.
    pub typed: Vec<u8>,
}

impl Scan {
    /// Whether the background is lighter than the text; with the background alone, whether
    /// it is light.
    pub fn light(&self) -> Option<bool> {
        let background = self.background?.lightness();
        Some(match self.foreground.map(Rgb::lightness) {
            Some(text) if text > background => false,
            Some(text) if text < background => true,
            _ => background > 0.5,
        })
    }
}

/// Sort what the terminal sent into answers and keys. An answer cut short at the end (its
/// terminator not yet read) is left for a later call: the returned count is how many bytes
/// were taken; the rest should be read again with more after it.
pub fn scan(bytes: &[u8], into: &mut Scan) -> usize {
    let mut at = 0;
    while at < bytes.len() {
        let rest = &bytes[at..];
        if rest.starts_with(b"\x1b]") {
            // An operating-system command answer: "ESC ] 11 ; rgb:… BEL" (or ESC \ at its end).
            let Some(end) = osc_end(rest) else {
                return at;
            };
            let body = &rest[2..end.0];
            if let Some(colour) = body.strip_prefix(b"10;").and_then(parse_colour) {
                into.foreground = Some(colour);
            } else if let Some(colour) = body.strip_prefix(b"11;").and_then(parse_colour) {
                into.background = Some(colour);
            }
            at += end.1;
        } else if rest.starts_with(b"\x1b[?") {
            // The device attributes: "ESC [ ? 62 ; 22 c". Any other report of that form is
            // taken whole and dropped: no key is written so.
            let Some(last) = rest[3..].iter().position(|b| (0x40..=0x7e).contains(b)) else {
                return at;
            };
            if rest[3 + last] == b'c' {
                into.finished = true;
            }
            at += 3 + last + 1;
        } else if rest == b"\x1b" || rest == b"\x1b[" {
            // Maybe the start of an answer: wait for more.
            return at;
        } else {
            into.typed.push(rest[0]);
            at += 1;
        }
    }
    at
}

/// Where an operating-system command ends: (where its terminator starts, just past it).
fn osc_end(rest: &[u8]) -> Option<(usize, usize)> {
    let mut i = 2;
    while i < rest.len() {
        match rest[i] {
            0x07 => return Some((i, i + 1)),
            0x1b if rest.get(i + 1) == Some(&b'\\') => return Some((i, i + 2)),
            0x1b if i + 1 == rest.len() => return None,
            _ => {}
        }
        i += 1;
    }
    None
}

/// "rgb:ffff/ffff/ffff" (one to four hex digits a channel) to a colour.
fn parse_colour(body: &[u8]) -> Option<Rgb> {
    let text = std::str::from_utf8(body).ok()?;
    let channels = text.strip_prefix("rgb:")?;
    let mut values = channels.split('/').map(|c| {
        let digits = c.len();
        let value = u32::from_str_radix(c, 16).ok()?;
        let max = (1u32 << (4 * digits as u32)).checked_sub(1)?;
        ((1..=4).contains(&digits)).then(|| (value * u32::from(u16::MAX) / max) as u16)
    });
    let (r, g, b) = (values.next()??, values.next()??, values.next()??);
    values.next().is_none().then_some(Rgb(r, g, b))
}

/// Keys from the bytes a terminal sends for them: characters, Enter, Tab, Backspace, Esc,
/// Ctrl with a letter, and the arrows, Home, End, Page Up and Page Down in their usual forms.
/// A sequence not among them is dropped whole, never read as the letters it is made of.
pub fn decode_keys(bytes: &[u8]) -> Vec<KeyEvent> {
    let mut keys = Vec::new();
    let text = String::from_utf8_lossy(bytes);
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        let key = match c {
            '\x1b' => {
                let (key, used) = escape(&chars[i..]);
                i += used;
                key
            }
            '\r' | '\n' => Some(KeyEvent::from(KeyCode::Enter)),
            '\t' => Some(KeyEvent::from(KeyCode::Tab)),
            '\x7f' | '\x08' => Some(KeyEvent::from(KeyCode::Backspace)),
            '\x01'..='\x1a' => Some(KeyEvent::new(
                KeyCode::Char((b'a' + (c as u8 - 1)) as char),
                KeyModifiers::CONTROL,
            )),
            c if c.is_control() || c == char::REPLACEMENT_CHARACTER => None,
            c => Some(KeyEvent::from(KeyCode::Char(c))),
        };
        keys.extend(key);
    }
    keys
}

/// The key an escape sequence stands for (the characters after ESC), and how many of them
/// it took.
fn escape(after: &[char]) -> (Option<KeyEvent>, usize) {
    match after {
        ['[' | 'O', rest @ ..] => {
            // Parameters, then a final character.
            let Some(end) = rest.iter().position(|c| ('\x40'..='\x7e').contains(c)) else {
                return (None, after.len());
            };
            let params: String = rest[..end].iter().collect();
            let code = match (rest[end], params.as_str()) {
                ('A', _) => Some(KeyCode::Up),
                ('B', _) => Some(KeyCode::Down),
                ('C', _) => Some(KeyCode::Right),
                ('D', _) => Some(KeyCode::Left),
                ('H', _) | ('~', "1" | "7") => Some(KeyCode::Home),
                ('F', _) | ('~', "4" | "8") => Some(KeyCode::End),
                ('~', "5") => Some(KeyCode::PageUp),
                ('~', "6") => Some(KeyCode::PageDown),
                ('~', "3") => Some(KeyCode::Delete),
                _ => None,
            };
            (code.map(KeyEvent::from), 1 + end + 1)
        }
        // Esc pressed alone (or twice).
        [] | ['\x1b', ..] => (Some(KeyEvent::from(KeyCode::Esc)), 0),
        // Alt with a key: read as the key.
        [c, ..] if !c.is_control() => {
            (Some(KeyEvent::new(KeyCode::Char(*c), KeyModifiers::ALT)), 1)
        }
        _ => (Some(KeyEvent::from(KeyCode::Esc)), 0),
    }
}

/// Ask the terminal (`/dev/tty`, in raw mode already) and read until its last answer or
/// `limit`.
#[cfg(target_os = "linux")]
pub fn ask(limit: std::time::Duration) -> Answer {
    use std::io::{Read, Write};
    use std::time::Instant;

    if !asks_this_terminal(std::env::var("TERM").ok().as_deref()) {
        return Answer::default();
    }
    let Ok(mut tty) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
    else {
        return Answer::default();
    };
    if tty.write_all(QUESTIONS).and_then(|()| tty.flush()).is_err() {
        return Answer::default();
    }
    let deadline = Instant::now() + limit;
    let mut scanned = Scan::default();
    let mut pending: Vec<u8> = Vec::new();
    let mut buf = [0u8; 256];
    while !scanned.finished {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        let timeout = rustix::event::Timespec {
            tv_sec: left.as_secs() as i64,
            tv_nsec: i64::from(left.subsec_nanos()),
        };
        let mut fds = [rustix::event::PollFd::new(
            &tty,
            rustix::event::PollFlags::IN,
        )];
        match rustix::event::poll(&mut fds, Some(&timeout)) {
            Ok(0) => break,
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => continue,
            Err(_) => break,
        }
        match tty.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => pending.extend_from_slice(&buf[..n]),
        }
        let taken = scan(&pending, &mut scanned);
        pending.drain(..taken);
    }
    // What was left half-read (a lone Esc, an answer that never ended) is the reader's.
    scanned.typed.extend_from_slice(&pending);
    Answer {
        light: scanned.light(),
        typed: decode_keys(&scanned.typed),
    }
}

/// Terminals known not to answer in order, or not at all, are not asked: one that says
/// nothing to anything ("dumb"), GNU Screen (it passes the colour question on but answers the
/// attributes itself, first) and Eterm (no device attributes).
pub fn asks_this_terminal(term: Option<&str>) -> bool {
    match term {
        None | Some("dumb" | "Eterm") => false,
        Some(term) => term != "screen" && !term.starts_with("screen."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scanned(bytes: &[u8]) -> (Scan, usize) {
        let mut scan_result = Scan::default();
        let taken = scan(bytes, &mut scan_result);
        (scan_result, taken)
    }

    const LIGHT: &[u8] =
        b"\x1b]10;rgb:0000/0000/0000\x1b\\\x1b]11;rgb:ffff/ffff/ffff\x07\x1b[?62;22c";

    #[test]
    fn a_light_terminal_is_told_from_its_answers() {
        let (scan, taken) = scanned(LIGHT);
        assert_eq!(taken, LIGHT.len());
        assert!(scan.finished);
        assert_eq!(scan.light(), Some(true));
        assert!(scan.typed.is_empty());
        let dark = b"\x1b]10;rgb:cccc/cccc/cccc\x07\x1b]11;rgb:1e/1e/1e\x07\x1b[?1;2c";
        assert_eq!(scanned(dark).0.light(), Some(false));
        // The attributes alone: a terminal that does not know the colour questions.
        let (silent, _) = scanned(b"\x1b[?1;2c");
        assert!(silent.finished);
        assert_eq!(silent.light(), None);
    }

    #[test]
    fn keys_typed_around_the_answers_are_kept_in_order() {
        let mut bytes = b"G".to_vec();
        bytes.extend_from_slice(&LIGHT[..20]);
        let (first, taken) = scanned(&bytes);
        // The colour answer is cut short: it waits for the rest.
        assert_eq!(taken, 1);
        assert_eq!(first.typed, b"G");
        let mut rest = bytes[taken..].to_vec();
        rest.extend_from_slice(&LIGHT[20..]);
        rest.extend_from_slice(b" \x1b[6~q");
        let mut scan_result = first;
        let taken = scan(&rest, &mut scan_result);
        assert_eq!(taken, rest.len());
        assert!(scan_result.finished);
        assert_eq!(scan_result.light(), Some(true));
        assert_eq!(scan_result.typed, b"G \x1b[6~q");
        let keys: Vec<KeyCode> = decode_keys(&scan_result.typed)
            .into_iter()
            .map(|k| k.code)
            .collect();
        assert_eq!(
            keys,
            [
                KeyCode::Char('G'),
                KeyCode::Char(' '),
                KeyCode::PageDown,
                KeyCode::Char('q')
            ]
        );
    }

    #[test]
    fn keys_decode_as_a_terminal_sends_them() {
        let keys = decode_keys("é\r\t\x7f\x03\x1b\x1b[A\x1bOB\x1b[5~\x1b[1;5C\x1b[99z/".as_bytes());
        let expected = [
            KeyEvent::from(KeyCode::Char('é')),
            KeyEvent::from(KeyCode::Enter),
            KeyEvent::from(KeyCode::Tab),
            KeyEvent::from(KeyCode::Backspace),
            KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
            KeyEvent::from(KeyCode::Esc),
            KeyEvent::from(KeyCode::Up),
            KeyEvent::from(KeyCode::Down),
            KeyEvent::from(KeyCode::PageUp),
            KeyEvent::from(KeyCode::Right),
            // "ESC [ 99 z" names no key: dropped whole, its letters not typed.
            KeyEvent::from(KeyCode::Char('/')),
        ];
        assert_eq!(keys, expected);
        assert_eq!(decode_keys(b"\x1b"), [KeyEvent::from(KeyCode::Esc)]);
        assert!(decode_keys(b"\x1b[12").is_empty());
    }

    #[test]
    fn colours_of_every_width_are_read_and_nonsense_is_not() {
        assert_eq!(parse_colour(b"rgb:ff/80/00"), Some(Rgb(65535, 32896, 0)));
        assert_eq!(parse_colour(b"rgb:f/f/f"), Some(Rgb(65535, 65535, 65535)));
        assert_eq!(parse_colour(b"rgb:ffff/0/8000"), Some(Rgb(65535, 0, 32768)));
        for bad in [
            &b"rgb:ff/ff"[..],
            b"rgb:fffff/0/0",
            b"rgb:zz/0/0",
            b"cmy:1/1/1",
            b"rgb:1/2/3/4",
        ] {
            assert_eq!(parse_colour(bad), None, "{}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn hostile_answers_end_and_keep_nothing_unread() {
        // An answer that never ends is waited for, not taken as keys.
        let endless = b"\x1b]11;rgb:ffff/ffff/ffff and on and on";
        assert_eq!(scanned(endless).1, 0);
        // Other reports of the attributes' form are dropped whole.
        let (scan_result, taken) = scanned(b"\x1b[?1;0$yq");
        assert_eq!(taken, 9);
        assert!(!scan_result.finished);
        assert_eq!(scan_result.typed, b"q");
    }

    #[test]
    fn terminals_that_answer_out_of_order_are_not_asked() {
        assert!(asks_this_terminal(Some("xterm-256color")));
        assert!(asks_this_terminal(Some("tmux-256color")));
        for term in [
            None,
            Some("dumb"),
            Some("screen"),
            Some("screen.xterm-256color"),
            Some("Eterm"),
        ] {
            assert!(!asks_this_terminal(term), "{term:?}");
        }
    }
}
