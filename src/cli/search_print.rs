//! Plain output for `--search TEXT --print`: each paragraph with a hit, under a line naming
//! its outline entry, source line and hit count, wrapped at the print width. Writes
//! only sanitized document text.

use std::io::{self, Write};

use crate::document::Document;
use crate::layout::wrap::{preformatted_lines, wrap_flowing};
use crate::outline::Outline;

use crate::search::Found;

/// Write every block that has a hit, once, in document order. Returns how many blocks.
pub fn write_matches(
    doc: &Document,
    outline: &Outline,
    found: &Found,
    width: usize,
    out: &mut impl Write,
) -> io::Result<usize> {
    let width = width.max(crate::layout::MIN_COLUMN);
    let mut blocks: Vec<usize> = found.matches.iter().map(|m| m.block).collect();
    blocks.dedup();
    for (n, &block) in blocks.iter().enumerate() {
        let Some(b) = doc.blocks.get(block) else {
            continue;
        };
        let entry = outline
            .section_for_block(block)
            .map_or("", |e| e.label.as_str());
        let hits = found.matches.iter().filter(|m| m.block == block).count();
        let noun = if hits == 1 { "match" } else { "matches" };
        if n > 0 {
            writeln!(out)?;
        }
        writeln!(out, "── {entry} · line {} · {hits} {noun}", b.line)?;
        // Code lines whole, as `--print` writes them: plain output loses nothing.
        let ranges = if b.kind == crate::document::BlockKind::Code {
            preformatted_lines(&b.text)
        } else {
            wrap_flowing(&b.text, width, width)
        };
        for range in ranges {
            writeln!(out, "{}", b.text.get(range).unwrap_or(""))?;
        }
    }
    if found.truncated {
        writeln!(out, "\n(stopped after {} matches)", found.matches.len())?;
    }
    Ok(blocks.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Format};

    #[test]
    fn code_lines_with_a_hit_are_written_whole() {
        let long = "let answer = compute_the_answer_to_everything(with_a_very_long_argument_list);";
        let text = format!("Intro.\n\n```\n{long}\nshort();\n```\n");
        let doc = Document::structure(&text, "t.md", Format::Markdown);
        let outline = Outline::build(&doc);
        let found = crate::search::search(&doc, "argument", false).unwrap();
        let mut out = Vec::new();
        let blocks = write_matches(&doc, &outline, &found, 30, &mut out).unwrap();
        assert_eq!(blocks, 1);
        let printed = String::from_utf8(out).unwrap();
        assert!(printed.lines().any(|l| l == long), "{printed}");
        assert!(printed.lines().any(|l| l == "short();"), "{printed}");
    }
}
