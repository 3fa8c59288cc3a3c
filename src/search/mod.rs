//! In-document search. A query is matched against each block's whole text (never against
//! wrapped screen lines), so a phrase that wraps is one hit. Smart case: a query without
//! upper-case letters ignores case; accents are ignored unless the query has some. A query
//! starting with `\` (or any query while regex mode is on) is a regular expression.
//!
//! Nothing is folded ahead of time and no folded copy of the document is kept: each block is
//! folded as the scan reaches it, into a buffer used again for the next ([`scan`]), and ASCII
//! blocks are searched as they are when the query allows it. A scan starts where the reader
//! is and goes outward (to the end, then round from the start), so the hit to show first is
//! found first, and it can stop there and leave the rest for later. Hits come back as
//! [`Match`]es: a block and a byte range of its original text. This module reads the document
//! and changes nothing else; the search as the reader holds it lives in `reader::search`.

pub mod fold;
pub mod scan;

use std::fmt;

use memchr::memmem;
use regex::{Regex, RegexBuilder};

use crate::document::{Anchor, Document};
use fold::{Folding, fold_str, has_accent, has_upper};
pub use scan::{Nearby, ScanLimits, find_all_from, scan_outward};

/// Stop collecting hits after this many: a one-letter query on a long book would otherwise
/// build a list nobody steps through, and typing must stay quick.
pub const MAX_MATCHES: usize = 100_000;

/// Compiled regexes larger than this are refused, so a pathological pattern cannot stall typing.
const REGEX_SIZE_LIMIT: usize = 4 << 20;

/// One hit: a byte range of a block's original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Match {
    pub block: usize,
    pub start: usize,
    pub end: usize,
}

impl Match {
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
    pub fn anchor(&self) -> Anchor {
        Anchor::new(self.block, self.start)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SearchError {
    /// The pattern does not parse or is too big; the text is one line for the prompt.
    #[error("bad regex: {0}")]
    BadRegex(String),
}

/// A query ready to run: how the text must be folded and what to look for in it.
#[derive(Clone)]
pub struct Matcher {
    folding: Folding,
    kind: MatcherKind,
}

#[derive(Clone)]
enum MatcherKind {
    Literal(Box<memmem::Finder<'static>>),
    Pattern(Regex),
}

impl fmt::Debug for Matcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match &self.kind {
            MatcherKind::Literal(finder) => {
                format!("literal {:?}", String::from_utf8_lossy(finder.needle()))
            }
            MatcherKind::Pattern(re) => format!("regex {:?}", re.as_str()),
        };
        f.debug_struct("Matcher")
            .field("folding", &self.folding)
            .field("kind", &kind)
            .finish()
    }
}

impl Matcher {
    /// Compile what the reader typed. `regex_mode` makes every query a pattern; otherwise a
    /// leading `\` does (and is not part of the pattern). `None` for an empty query.
    pub fn new(query: &str, regex_mode: bool) -> Result<Option<Matcher>, SearchError> {
        let (pattern, is_regex) = match query.strip_prefix('\\') {
            Some(rest) if !regex_mode => (rest, true),
            _ => (query, regex_mode),
        };
        if pattern.is_empty() {
            return Ok(None);
        }
        let folding = if is_regex {
            Folding {
                case: !pattern_has_upper(pattern),
                accents: !has_accent(pattern),
            }
        } else {
            Folding {
                case: !has_upper(pattern),
                accents: !has_accent(pattern),
            }
        };
        let kind = if is_regex {
            // The pattern meets the folded text, so its literal parts are folded the same way
            // (lower case, decomposed, accents dropped), leaving escapes and classes as typed.
            let folded = fold_pattern(pattern, folding);
            let re = RegexBuilder::new(&folded)
                .size_limit(REGEX_SIZE_LIMIT)
                .dfa_size_limit(REGEX_SIZE_LIMIT)
                .build()
                .map_err(|e| SearchError::BadRegex(first_line(&e.to_string())))?;
            MatcherKind::Pattern(re)
        } else {
            let needle = fold_str(pattern, folding);
            if needle.is_empty() {
                return Ok(None);
            }
            MatcherKind::Literal(Box::new(
                memmem::Finder::new(needle.as_bytes()).into_owned(),
            ))
        };
        Ok(Some(Matcher { folding, kind }))
    }

    pub fn folding(&self) -> Folding {
        self.folding
    }

    pub fn is_regex(&self) -> bool {
        matches!(self.kind, MatcherKind::Pattern(_))
    }
}

/// The useful line of a regex error: the crate's message has the pattern drawn over several
/// lines with a caret; the prompt has room for one.
fn first_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .rfind(|l| l.starts_with("error:"))
        .map(|l| l.trim_start_matches("error:").trim().to_string())
        .or_else(|| message.lines().next().map(|l| l.trim().to_string()))
        .unwrap_or_default()
}

/// Upper-case letters in a pattern, not counting escapes like `\S`, `\W`, `\p{Lu}`.
fn pattern_has_upper(pattern: &str) -> bool {
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            // \pL or \p{Name}: skip the class name.
            if matches!(chars.next(), Some('p' | 'P')) && chars.next() == Some('{') {
                for n in chars.by_ref() {
                    if n == '}' {
                        break;
                    }
                }
            }
            continue;
        }
        if c.is_uppercase() {
            return true;
        }
    }
    false
}

/// Fold the literal characters of a pattern, leaving every escape sequence as typed.
fn fold_pattern(pattern: &str, folding: Folding) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut literal = String::new();
    let mut chars = pattern.chars();
    let flush = |literal: &mut String, out: &mut String| {
        // Whitespace is collapsed in the text, so a literal space run stays as typed.
        for c in literal.chars() {
            if c.is_whitespace() {
                out.push(c);
            } else {
                out.push_str(&fold_str(c.encode_utf8(&mut [0; 4]), folding));
            }
        }
        literal.clear();
    };
    while let Some(c) = chars.next() {
        if c == '\\' {
            flush(&mut literal, &mut out);
            out.push(c);
            if let Some(next) = chars.next() {
                out.push(next);
                if matches!(next, 'p' | 'P' | 'x' | 'u' | 'U') {
                    // A braced argument (\p{Greek}, \x{263a}) is part of the escape.
                    let rest = chars.as_str();
                    if rest.starts_with('{') {
                        let close = rest.find('}').map_or(rest.len(), |i| i + 1);
                        out.push_str(&rest[..close]);
                        chars = rest[close..].chars();
                    }
                }
            }
        } else {
            literal.push(c);
        }
    }
    flush(&mut literal, &mut out);
    out
}

/// What a search found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// In document order.
    pub matches: Vec<Match>,
    /// True when [`MAX_MATCHES`] cut the list short.
    pub truncated: bool,
}

/// Search a whole document once, in document order (for `--search --print`).
pub fn search(doc: &Document, query: &str, regex_mode: bool) -> Result<Found, SearchError> {
    match Matcher::new(query, regex_mode)? {
        Some(matcher) => Ok(find_all_from(doc, &matcher, Anchor::default())),
        None => Ok(Found::default()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document::from_text(text, "t")
    }

    fn hits(doc: &Document, query: &str) -> Vec<String> {
        search(doc, query, false)
            .unwrap()
            .matches
            .iter()
            .map(|m| doc.blocks[m.block].text[m.range()].to_string())
            .collect()
    }

    #[test]
    fn smart_case() {
        let d = doc("Trust and trust and TRUST.\n");
        assert_eq!(hits(&d, "trust"), ["Trust", "trust", "TRUST"]);
        assert_eq!(hits(&d, "Trust"), ["Trust"]);
    }

    #[test]
    fn accents_ignored_unless_asked_for() {
        let d = doc("A café, a cafe, a cafe\u{301}.\n");
        assert_eq!(hits(&d, "cafe"), ["café", "cafe", "cafe\u{301}"]);
        assert_eq!(hits(&d, "café"), ["café", "cafe\u{301}"]);
    }

    #[test]
    fn regex_and_bad_regex() {
        let d = doc("The whale, the wale, the while.\n");
        let found = search(&d, "\\wh.le", false).unwrap();
        assert_eq!(found.matches.len(), 2);
        assert!(matches!(
            search(&d, "\\wh(ale", false),
            Err(SearchError::BadRegex(_))
        ));
        assert_eq!(search(&d, "w.le", true).unwrap().matches.len(), 1);
        let message = search(&d, "(", true).unwrap_err().to_string();
        assert!(
            !message.contains('\n') && message.starts_with("bad regex"),
            "{message}"
        );
    }

    #[test]
    fn pattern_upper_case_ignores_escapes() {
        assert!(!pattern_has_upper("\\S+\\p{Greek}"));
        assert!(pattern_has_upper("\\S+Whale"));
        assert_eq!(
            fold_pattern(
                "Caf\\x{E9}É",
                Folding {
                    case: true,
                    accents: true
                }
            ),
            "caf\\x{E9}e"
        );
    }
}
