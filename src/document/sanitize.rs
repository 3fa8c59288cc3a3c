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

/// Sanitize a whole text. Returns the input untouched (no copy) when it is already safe.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    // Column in the current output line, in chars, for tab expansion.
    let mut column = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\n' => {
                out.push('\n');
                column = 0;
            }
            '\r' => {
                // CRLF and lone CR both end a line.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
                column = 0;
            }
            '\t' => {
                let spaces = TAB_STOP - column % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            '\u{0c}' => {
                // A form feed is a page break: a paragraph break is the nearest thing in flowing
                // text. At the start of a line the line itself becomes the break, so the source
                // line numbers of the blocks after it stay right.
                if column > 0 {
                    out.push_str("\n\n");
                } else if !matches!(chars.peek(), Some('\n' | '\r') | None) {
                    out.push('\n');
                }
                column = 0;
            }
            ESC => skip_escape(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\u{9b}' => skip_csi(&mut chars),
            c if is_bidi_control(c) => {}
            c if c.is_control() => {
                out.push(visible(c));
                column += 1;
            }
            c => {
                out.push(c);
                column += 1;
            }
        }
    }
    Cow::Owned(out)
}

/// Sanitize a one-line label (a file name, a title): as [`sanitize`], with line breaks and
/// runs of whitespace folded into single spaces.
pub fn sanitize_line(text: &str) -> String {
    sanitize(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The soft hyphen: invisible, except where a word is broken at it.
pub const SOFT_HYPHEN: char = '\u{ad}';

/// A visible stand-in for a control char: the Unicode "control pictures" for C0 and DEL,
/// the replacement character for the rest.
fn visible(c: char) -> char {
    match c as u32 {
        n @ 0..=0x1f => char::from_u32(0x2400 + n).unwrap_or('\u{fffd}'),
        0x7f => '\u{2421}',
        _ => '\u{fffd}',
    }
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// After an ESC: drop the whole sequence, whatever its kind.
fn skip_escape(chars: &mut Chars<'_>) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string(chars);
        }
        // Intermediate bytes then one final byte (e.g. ESC ( B).
        Some(c) if ('\u{20}'..='\u{2f}').contains(&c) => {
            while chars
                .next_if(|c| ('\u{20}'..='\u{2f}').contains(c))
                .is_some()
            {}
            chars.next_if(|c| ('\u{30}'..='\u{7e}').contains(c));
        }
        Some(c) if ('\u{30}'..='\u{7e}').contains(&c) => {
            chars.next();
        }
        // A lone ESC (at the end, or before text/newline): drop just the ESC.
        _ => {}
    }
}

/// CSI: parameter and intermediate bytes, then one final byte. Stops early at anything else so
/// a malformed sequence cannot eat the text after it.
fn skip_csi(chars: &mut Chars<'_>) {
    while chars
        .next_if(|c| ('\u{20}'..='\u{3f}').contains(c))
        .is_some()
    {}
    chars.next_if(|c| ('\u{40}'..='\u{7e}').contains(c));
}

/// OSC, DCS, SOS, PM, APC: a string up to BEL, ESC \ or 8-bit ST. A newline also ends it here,
/// so an unterminated sequence swallows at most the rest of its line.
fn skip_string(chars: &mut Chars<'_>) {
    while let Some(&c) = chars.peek() {
        match c {
            BEL | ST => {
                chars.next();
                return;
            }
            ESC => {
                chars.next();
                chars.next_if_eq(&'\\');
                return;
            }
            '\n' | '\r' => return,
            _ => {
                chars.next();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(sanitize("a\u{c}b"), "a\n\nb");
        assert_eq!(sanitize("a\n\u{c}\nb"), "a\n\nb");
        assert_eq!(sanitize("a\n\u{c}b"), "a\n\nb");
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
