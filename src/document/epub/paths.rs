//! Places inside a book named the way quire keys them: the path of a file in the archive (no
//! leading `/`, percent-escapes decoded, `.` and `..` resolved) and, after a `#`, an element's
//! id. Links in a chapter are relative to the chapter's own folder.

/// A key for a file, or for an element of it: `OEBPS/text/ch1.xhtml#note-3`.
pub fn key(path: &str, fragment: Option<&str>) -> String {
    match fragment.filter(|f| !f.is_empty()) {
        Some(fragment) => format!("{path}#{fragment}"),
        None => path.to_string(),
    }
}

/// Decode `%XX` escapes; a malformed escape is kept as it is, and bytes that do not make UTF-8
/// are replaced visibly.
pub fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_string();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(hi), Some(lo)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            )
        {
            out.push((hi * 16 + lo) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `.` and `..` resolved, empty segments dropped. `None` when `..` would climb out of the
/// archive: such a path names nothing in the book.
pub fn normalize(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for segment in path.split(['/', '\\']) {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

/// The folder of a file path, with its trailing `/` ("" at the top).
pub fn folder(path: &str) -> &str {
    path.rfind('/').map_or("", |at| &path[..=at])
}

/// The place a link in the file at `base` points to, as (path, fragment); `None` for a link
/// out of the book (`https:`, `mailto:`) or one that climbs out of the archive. A bare
/// `#id` points into `base` itself.
pub fn resolve(base: &str, href: &str) -> Option<(String, Option<String>)> {
    let href = href.trim();
    if has_scheme(href) {
        return None;
    }
    let (path, fragment) = match href.split_once('#') {
        Some((path, fragment)) => (path, Some(percent_decode(fragment))),
        None => (href, None),
    };
    let path = path.split('?').next().unwrap_or("");
    let full = if path.is_empty() {
        base.to_string()
    } else if let Some(absolute) = path.strip_prefix('/') {
        normalize(&percent_decode(absolute))?
    } else {
        normalize(&format!("{}{}", folder(base), percent_decode(path)))?
    };
    Some((full, fragment))
}

/// `https:`, `mailto:`, `data:`: a scheme is letters (and `+-.`) before the first `:`, and
/// comes before any `/`, `?` or `#`.
fn has_scheme(href: &str) -> bool {
    let Some(colon) = href.find(':') else {
        return false;
    };
    let scheme = &href[..colon];
    !scheme.is_empty()
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_resolve_against_the_chapter() {
        let base = "OEBPS/text/ch1.xhtml";
        assert_eq!(
            resolve(base, "ch2.xhtml#n1"),
            Some(("OEBPS/text/ch2.xhtml".into(), Some("n1".into())))
        );
        assert_eq!(
            resolve(base, "#n1"),
            Some((base.to_string(), Some("n1".into())))
        );
        assert_eq!(
            resolve(base, "../notes.xhtml"),
            Some(("OEBPS/notes.xhtml".into(), None))
        );
        assert_eq!(
            resolve("OPS/xhtml/a.xhtml", "%E4%B8%80.xhtml"),
            Some(("OPS/xhtml/一.xhtml".into(), None))
        );
        assert_eq!(resolve(base, "https://example.com/#x"), None);
        assert_eq!(resolve(base, "mailto:a@b.c"), None);
        assert_eq!(resolve(base, "../../../../etc/passwd"), None);
    }

    #[test]
    fn decoding_keeps_malformed_escapes() {
        assert_eq!(percent_decode("a%20b%zz%4"), "a b%zz%4");
        assert_eq!(percent_decode("%FF"), "\u{fffd}");
    }

    #[test]
    fn normalizing_never_climbs_out() {
        assert_eq!(normalize("a/./b/../c"), Some("a/c".into()));
        assert_eq!(normalize("/a//b"), Some("a/b".into()));
        assert_eq!(normalize("../x"), None);
    }
}
