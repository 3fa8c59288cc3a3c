//! Which reader a file needs — plain text, program source, Markdown, HTML or an EPUB book:
//! from the user's `--format`, else the file's name, else a look at the first few kilobytes
//! of its text.

use std::path::Path;

/// The kinds of document quire structures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Text,
    /// Program source or data written as lines (a script, a C file, a CSV table): plain
    /// text kept line for line, never run together into prose.
    Code,
    Markdown,
    Html,
    /// An EPUB book: a ZIP archive of XHTML chapters.
    Epub,
}

/// How much of the text the sniffer looks at.
const SNIFF_CHARS: usize = 4096;

impl Format {
    /// The format named on the command line (`txt`, `md`, `html` and a few spellings).
    pub fn from_name(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "txt" | "text" | "plain" => Some(Format::Text),
            "code" | "source" | "program" => Some(Format::Code),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "epub" => Some(Format::Epub),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Code => "code",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Epub => "epub",
        }
    }

    /// Read from a plain-text file line by line: its lines numbered as the file's, so that a
    /// part of it (its opening, the paragraphs around a saved place) reads as the whole does.
    pub fn is_plain(self) -> bool {
        matches!(self, Format::Text | Format::Code)
    }

    /// The format a file name promises, if any: its extension, or the whole name of a
    /// program's file that has none (`Makefile`).
    pub fn from_path(path: &Path) -> Option<Format> {
        if super::program::named_as_program(&path.to_string_lossy()) {
            return Some(Format::Code);
        }
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "txt" | "text" => Some(Format::Text),
            "epub" => Some(Format::Epub),
            _ => None,
        }
    }

    /// Choose by name, then by content.
    pub fn detect(name: &str, text: &str) -> Format {
        Format::from_path(Path::new(name)).unwrap_or_else(|| Format::sniff(text))
    }

    /// Guess from the text itself. HTML announces itself in its first tags; Markdown needs
    /// several of its marks (ATX headings, fences, inline links) before plain text with a stray
    /// `#` line is taken for it.
    pub fn sniff(text: &str) -> Format {
        let head: String = text.chars().take(SNIFF_CHARS).collect();
        let lower = head
            .trim_start_matches('\u{feff}')
            .trim_start()
            .to_ascii_lowercase();
        if lower.starts_with("<!doctype html")
            || lower.starts_with("<html")
            || (lower.starts_with('<') && (lower.contains("<head") || lower.contains("<body")))
        {
            return Format::Html;
        }
        if super::program::opens_with_interpreter(text) {
            return Format::Code;
        }
        let mut headings = 0;
        let mut fences = 0;
        let mut links = 0;
        for line in head.lines() {
            let hashes = line.bytes().take_while(|&b| b == b'#').count();
            if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
                headings += 1;
            }
            if line.starts_with("```") || line.starts_with("~~~") {
                fences += 1;
            }
            links += line.matches("](").count();
        }
        let marks = headings + fences / 2 + links;
        if headings >= 1 && marks >= 3 {
            Format::Markdown
        } else {
            Format::Text
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_wins() {
        assert_eq!(Format::detect("a.MD", "<html>"), Format::Markdown);
        assert_eq!(Format::detect("a.htm", "# x"), Format::Html);
        assert_eq!(Format::detect("a.txt", "<!DOCTYPE html>"), Format::Text);
        assert_eq!(Format::detect("setup.PY", "# Title\n\nprose"), Format::Code);
        assert_eq!(Format::detect("src/Makefile", "all: quire"), Format::Code);
        assert_eq!(
            Format::detect("x/CMakeLists.txt", "project(x)"),
            Format::Code
        );
        assert_eq!(Format::detect("run", "#!/bin/sh\necho hi\n"), Format::Code);
        assert_eq!(
            Format::detect("notes", "Scripts open with #!/bin/sh."),
            Format::Text
        );
    }

    #[test]
    fn sniffing() {
        assert_eq!(
            Format::sniff("  <!DOCTYPE html><html><body>x"),
            Format::Html
        );
        assert_eq!(Format::sniff("<div><head></head><body>"), Format::Html);
        let md = "# Title\n\nSee [a](http://a) and [b](http://b).\n\n## Next\n";
        assert_eq!(Format::sniff(md), Format::Markdown);
        assert_eq!(
            Format::sniff("# a comment line\nplain text\n"),
            Format::Text
        );
        assert_eq!(Format::sniff("Just prose, with a < sign."), Format::Text);
    }

    #[test]
    fn names() {
        assert_eq!(Format::from_name("MD"), Some(Format::Markdown));
        assert_eq!(Format::from_name("txt"), Some(Format::Text));
        assert_eq!(Format::from_name("code"), Some(Format::Code));
        assert_eq!(Format::Code.name(), "code");
        assert!(Format::Code.is_plain() && Format::Text.is_plain());
        assert!(!Format::Markdown.is_plain() && !Format::Html.is_plain());
        assert_eq!(Format::from_name("pdf"), None);
    }
}
