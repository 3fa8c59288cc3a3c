//! Terminal safety for document text. Every control character, escape sequence (CSI, OSC, DCS,
//! SOS, PM, APC, their 8-bit C1 forms, lone ESC) and bidi override/isolate is removed or made
//! visible here, once, at load time — so nothing drawn later can carry one to the terminal.
//! Also normalises line ends (CRLF and lone CR become LF) and expands tabs.

use std::borrow::Cow;

const ESC: char = '\u{1b}';
const BEL: char = '\u{07}';
/// 8-bit String Terminator.
const ST: char = '\u{9c}';
const TAB_STOP: usize = 8;

/// True for the explicit bidi embedding/override/isolate controls: they could reorder what the
/// terminal shows and so hide text; the bidi algorithm needs none of them to lay out real text.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// True when the char must never reach the terminal as is.
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n') || is_bidi_control(c)
}

/// Bytes that may start something unsafe: C0 controls but LF, DEL, the lead byte of the C1
/// range (U+0080–U+009F) and the lead byte of the bidi controls (U+202A–U+202E, U+2066–U+2069).
fn may_be_unsafe(byte: u8) -> bool {
    (byte < 0x20 && byte != b'\n') || byte == 0x7f || byte == 0xc2 || byte == 0xe2
}

/// Byte offset of the first char sanitizing would change, if any.
fn first_unsafe(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    (0..bytes.len())
        .find(|&i| may_be_unsafe(bytes[i]) && text[i..].chars().next().is_some_and(is_unsafe))
}

/// Sanitize a whole text. Returns the input untouched (no copy) when it is already safe.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    let Some(first) = first_unsafe(text) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    let mut rest = &text[first..];
    loop {
        // Copy the run of plainly safe bytes in one go; only suspicious chars go one by one.
        let run = rest.bytes().position(may_be_unsafe).unwrap_or(rest.len());
        out.push_str(&rest[..run]);
        rest = &rest[run..];
        let Some(c) = rest.chars().next() else {
            break;
        };
        let after = &rest[c.len_utf8()..];
        let skipped = match c {
            '\r' => {
                // CRLF and lone CR both end a line.
                out.push('\n');
                usize::from(after.starts_with('\n'))
            }
            '\t' => {
                let line_start = out.rfind('\n').map_or(0, |i| i + 1);
                let column = out[line_start..].chars().count();
                out.extend(std::iter::repeat_n(' ', TAB_STOP - column % TAB_STOP));
                0
            }
            // A form feed is a page break. It must not add a line (block lines are source
            // lines), so: alone on its line it leaves that line blank, which already breaks the
            // paragraph; inside a line it becomes a space.
            '\u{0c}' => {
                let line_start = out.is_empty() || out.ends_with('\n');
                let line_end = after.is_empty() || after.starts_with(['\n', '\r']);
                if !(line_start || line_end) {
                    out.push(' ');
                }
                0
            }
            ESC => escape_len(after),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => string_len(after),
            '\u{9b}' => csi_len(after),
            c if is_bidi_control(c) => 0,
            c if c.is_control() => {
                out.push(visible(c));
                0
            }
            c => {
                out.push(c);
                0
            }
        };
        rest = &after[skipped..];
    }
    Cow::Owned(out)
}

/// Sanitize a text that is given away, reusing its buffer: the result of [`sanitize`], without
/// a second copy of a big text. Nothing sanitizing does reaches across a line end (sequences
/// stop at one, tab columns and form feeds are line-local), so the text is sanitized in chunks
/// of whole lines and each result written back over what was read. Only when a chunk grows
/// (tabs expanded, controls made visible) past the room freed so far is the rest copied out.
pub fn sanitize_owned(text: String) -> String {
    sanitize_owned_in_chunks(text, OWNED_CHUNK)
}

/// Bytes sanitized at a time by [`sanitize_owned`]: big enough to be quick, small enough that
/// a chunk's copy costs nothing next to a book.
const OWNED_CHUNK: usize = 1 << 20;

fn sanitize_owned_in_chunks(text: String, chunk: usize) -> String {
    let Some(first) = first_unsafe(&text) else {
        return text;
    };
    // Everything before the line of the first change stays where it is.
    let line_start = text[..first].rfind('\n').map_or(0, |i| i + 1);
    let mut bytes = text.into_bytes();
    let mut read = line_start;
    let mut write = line_start;
    while read < bytes.len() {
        let end = chunk_end(&bytes, read, chunk);
        // Chunks start and end on line boundaries, so they are whole UTF-8.
        let safe = match std::str::from_utf8(&bytes[read..end]) {
            Ok(piece) => sanitize(piece).into_owned(),
            Err(_) => sanitize(&String::from_utf8_lossy(&bytes[read..end])).into_owned(),
        };
        if write + safe.len() > end {
            // No room to write it back: copy what is done and sanitize the rest the plain way.
            let done = String::from_utf8_lossy(&bytes[..write]).into_owned();
            let rest = String::from_utf8_lossy(&bytes[end..]).into_owned();
            drop(bytes);
            return done + &safe + &sanitize(&rest);
        }
        bytes[write..write + safe.len()].copy_from_slice(safe.as_bytes());
        write += safe.len();
        read = end;
    }
    bytes.truncate(write);
    bytes.shrink_to_fit();
    String::from_utf8(bytes)
        .unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned())
}

/// End of the chunk starting at `start`: just after the first line end at or past
/// `start + chunk`, or the end of the text.
fn chunk_end(bytes: &[u8], start: usize, chunk: usize) -> usize {
    let from = (start + chunk).min(bytes.len());
    match bytes[from..].iter().position(|&b| b == b'\n') {
        Some(at) => from + at + 1,
        None => bytes.len(),
    }
}

/// A visible stand-in for a control char: the Unicode "control pictures" for C0 and DEL,
/// the replacement character for the rest.
fn visible(c: char) -> char {
    match c as u32 {
        n @ 0..=0x1f => char::from_u32(0x2400 + n).unwrap_or('\u{fffd}'),
        0x7f => '\u{2421}',
        _ => '\u{fffd}',
    }
}

/// Sanitize a one-line label (a file name, a title): as [`sanitize`], with line breaks and
/// runs of whitespace folded into single spaces.
pub fn sanitize_line(text: &str) -> String {
    sanitize(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A name or an argument as it may be printed on one line of a message: every control, line
/// break and bidi control shown as a visible stand-in (`␛`, `␊`, `�`), nothing removed, so
/// the reader sees what the name holds and no name can drive the terminal or forge a line.
pub fn visible_line(text: &str) -> String {
    text.chars()
        .map(|c| {
            if is_unsafe(c) || c == '\n' {
                visible(c)
            } else {
                c
            }
        })
        .collect()
}

/// The soft hyphen: invisible, except where a word is broken at it.
pub const SOFT_HYPHEN: char = '\u{ad}';

/// Whether the line of `text` ending at byte `end` breaks a word at a soft hyphen, so that the
/// hyphen shows: the line ends on one and the text goes on past it on the same source line
/// (a line of code that ends on one breaks no word). Asked by the screen and by `--print`.
pub fn breaks_at_soft_hyphen(text: &str, end: usize) -> bool {
    text.get(..end)
        .is_some_and(|line| line.ends_with(SOFT_HYPHEN))
        && text
            .get(end..)
            .is_some_and(|rest| !rest.is_empty() && !rest.starts_with('\n'))
}

fn is_intermediate(c: char) -> bool {
    ('\u{20}'..='\u{2f}').contains(&c)
}

/// Bytes of the sequence after an ESC: the whole sequence, whatever its kind.
fn escape_len(after: &str) -> usize {
    let mut chars = after.chars();
    match chars.next() {
        Some('[') => 1 + csi_len(&after[1..]),
        Some(']' | 'P' | 'X' | '^' | '_') => 1 + string_len(&after[1..]),
        // Intermediate bytes then one final byte (e.g. ESC ( B).
        Some(c) if is_intermediate(c) => {
            let intermediates = after.chars().take_while(|&c| is_intermediate(c)).count();
            let final_byte = after[intermediates..]
                .chars()
                .next()
                .is_some_and(|c| ('\u{30}'..='\u{7e}').contains(&c));
            intermediates + usize::from(final_byte)
        }
        Some(c) if ('\u{30}'..='\u{7e}').contains(&c) => 1,
        // A lone ESC (at the end, or before text or a newline): drop just the ESC.
        _ => 0,
    }
}

/// CSI: parameter and intermediate bytes, then one final byte. Stops early at anything else so
/// a malformed sequence cannot eat the text after it.
fn csi_len(after: &str) -> usize {
    let params = after
        .chars()
        .take_while(|c| ('\u{20}'..='\u{3f}').contains(c))
        .count();
    let final_byte = after[params..]
        .chars()
        .next()
        .is_some_and(|c| ('\u{40}'..='\u{7e}').contains(&c));
    params + usize::from(final_byte)
}

/// OSC, DCS, SOS, PM, APC: a string up to BEL, ESC \\ or 8-bit ST. A newline also ends it here,
/// so an unterminated sequence swallows at most the rest of its line.
fn string_len(after: &str) -> usize {
    for (i, c) in after.char_indices() {
        match c {
            BEL | ST => return i + c.len_utf8(),
            ESC => return i + 1 + usize::from(after[i + 1..].starts_with('\\')),
            '\n' | '\r' => return i,
            _ => {}
        }
    }
    after.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_visible_line_shows_every_control_and_keeps_one_line() {
        let name = "a\u{1b}]0;x\u{7}b\nc\u{9b}d\u{202e}e.txt";
        let shown = visible_line(name);
        assert_eq!(
            shown,
            "a\u{241b}]0;x\u{2407}b\u{240a}c\u{fffd}d\u{fffd}e.txt"
        );
        assert!(!shown.chars().any(|c| c.is_control() || is_bidi_control(c)));
        assert_eq!(visible_line("plain name.txt"), "plain name.txt");
    }

    #[test]
    fn owned_text_is_sanitized_in_place_like_borrowed_text() {
        let samples = [
            "plain\ntext\n",
            "crlf\r\nlines\r\nonly\r\n",
            "\u{1b}[31mred\u{1b}[0m\r\n\u{1b}]52;c;eA==\u{7}after\n",
            "tabs\tgrow\t\tthe\ttext\n\u{1}\u{2}\u{3}\n",
            "lone\rcarriage\rreturns\u{c}form\u{c}\nfeed\n",
            "bidi \u{202e}override\u{2066} and C1 \u{9b}2J \u{9d}title\u{9c}\n",
            "unterminated \u{1b}]0;title\nnext line\u{1b}",
            "",
        ];
        for sample in samples {
            let expected = sanitize(sample).into_owned();
            assert_eq!(sanitize_owned(sample.to_string()), expected, "{sample:?}");
            // Tiny chunks put chunk boundaries on every line end, and let tabs and control
            // pictures outgrow the room freed so far.
            for chunk in [1, 2, 5, 16] {
                let got = sanitize_owned_in_chunks(sample.to_string(), chunk);
                assert_eq!(got, expected, "{sample:?} in chunks of {chunk}");
            }
        }
        // Mixed and repeated: many chunks, shrinking and growing.
        let mixed = samples.concat().repeat(50);
        let expected = sanitize(&mixed).into_owned();
        for chunk in [1, 7, 64, 1000] {
            assert_eq!(sanitize_owned_in_chunks(mixed.clone(), chunk), expected);
        }
    }

    proptest::proptest! {
        #[test]
        fn chunked_in_place_sanitizing_matches_sanitize(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "word ", "\n", "\r\n", "\r", "\t", "\u{c}", "\u{1b}", "\u{1b}[", "31m",
                    "\u{1b}]", "\u{7}", "\u{1b}\\", "\u{9b}", "\u{9c}", "\u{9d}", "\u{0}", "\u{7f}",
                    "\u{202e}", "\u{2066}", "é", "你好", "\u{ad}",
                ]),
                0..80,
            ),
            chunk in 1usize..40,
        ) {
            let text = pieces.concat();
            let expected = sanitize(&text).into_owned();
            proptest::prop_assert_eq!(sanitize_owned_in_chunks(text, chunk), expected);
        }
    }

    fn no_controls(s: &str) -> bool {
        !s.chars().any(is_unsafe)
    }

    #[test]
    fn safe_text_is_borrowed() {
        assert!(matches!(sanitize("plain\ntext"), Cow::Borrowed(_)));
    }

    #[test]
    fn csi_and_osc_sequences_are_removed() {
        let s = "a\u{1b}[31mred\u{1b}[0m b\u{1b}]52;c;SGVsbG8=\u{07}c \u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\";
        assert_eq!(sanitize(s), "ared bc link");
    }

    #[test]
    fn eight_bit_c1_forms_are_removed() {
        let s = "x\u{9b}2Jy\u{9d}0;title\u{9c}z\u{90}dcs\u{9c}w";
        assert_eq!(sanitize(s), "xyzw");
    }

    #[test]
    fn dcs_apc_pm_sos_are_removed() {
        for intro in ['P', 'X', '^', '_'] {
            let s = format!("a\u{1b}{intro}payload\u{1b}\\b");
            assert_eq!(sanitize(&s), "ab", "intro {intro}");
        }
    }

    #[test]
    fn unterminated_string_stops_at_newline() {
        assert_eq!(sanitize("a\u{1b}]0;never ends\nnext line"), "a\nnext line");
    }

    #[test]
    fn lone_controls_become_visible() {
        assert_eq!(
            sanitize("a\u{0}b\u{7}c\u{7f}"),
            "a\u{2400}b\u{2407}c\u{2421}"
        );
        assert_eq!(sanitize("end\u{1b}"), "end");
    }

    #[test]
    fn bidi_overrides_are_removed() {
        assert_eq!(sanitize("a\u{202e}b\u{2066}c\u{2069}"), "abc");
    }

    #[test]
    fn line_ends_and_tabs() {
        assert_eq!(sanitize("a\r\nb\rc"), "a\nb\nc");
        assert_eq!(sanitize("ab\tc"), "ab      c");
        assert_eq!(sanitize("a\u{c}b"), "a b");
        // A form feed on its own line leaves a blank line: the page break still ends the
        // paragraph and no line is added, so later lines keep their source numbers.
        assert_eq!(sanitize("a\n\u{c}\nb"), "a\n\nb");
        assert_eq!(sanitize("a\r\n\u{c}\r\nb").lines().count(), 3);
    }

    #[test]
    fn labels_are_one_safe_line() {
        assert_eq!(
            sanitize_line("evil\u{1b}]0;title\u{7}\nname\u{9b}1m.txt"),
            "evil name.txt"
        );
    }

    #[test]
    fn every_byte_pair_is_safe_after_sanitizing() {
        for a in 0u32..0x100 {
            for b in [0x1bu32, 0x5b, 0x5d, 0x07, 0x9c, 0x41, 0x0a] {
                let s: String = [a, b, a]
                    .iter()
                    .filter_map(|&n| char::from_u32(n))
                    .collect();
                assert!(no_controls(&sanitize(&s)), "{s:?}");
            }
        }
    }
}
