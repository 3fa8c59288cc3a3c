//! An HTML table as a text grid: one line a row, cells padded to their column's display width
//! and parted by `│`, a rule under header rows. A table of one column is a list of paragraphs
//! instead: such tables only lay text out, and a grid would only box it.

use unicode_width::UnicodeWidthStr;

use super::tree::{Attr, Tree};
use crate::document::sanitize::sanitize_line;

/// A table read into rows of cell texts, with which rows are headers.
#[derive(Debug, Default)]
pub struct Grid {
    pub caption: Option<String>,
    pub rows: Vec<Vec<String>>,
    header: Vec<bool>,
}

/// The most cells a row may span: a hostile `colspan="100000"` must not make a huge line.
const MAX_COLSPAN: usize = 64;

impl Grid {
    /// Read the rows of `table` (nested tables are read as their cells' text).
    pub fn read(tree: &Tree, table: usize) -> Grid {
        let mut grid = Grid::default();
        let mut stack: Vec<usize> = tree.children(table).iter().rev().copied().collect();
        while let Some(node) = stack.pop() {
            match tree.name(node) {
                "caption" => grid.caption = Some(sanitize_line(&tree.text_content(node))),
                "tr" => grid.read_row(tree, node),
                "thead" | "tbody" | "tfoot" => {
                    stack.extend(tree.children(node).iter().rev().copied());
                }
                _ => {}
            }
        }
        grid
    }

    fn read_row(&mut self, tree: &Tree, row: usize) {
        let mut cells = Vec::new();
        let mut all_headers = true;
        for &cell in tree.children(row) {
            let name = tree.name(cell);
            if name != "td" && name != "th" {
                continue;
            }
            all_headers &= name == "th";
            cells.push(sanitize_line(&tree.text_content(cell)));
            let span = tree
                .attr(cell, Attr::Colspan)
                .and_then(|s| s.trim().parse::<usize>().ok())
                .unwrap_or(1)
                .clamp(1, MAX_COLSPAN);
            cells.extend(std::iter::repeat_n(String::new(), span - 1));
        }
        if cells.iter().any(|c| !c.is_empty()) {
            self.header.push(all_headers);
            self.rows.push(cells);
        }
    }

    pub fn columns(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// The grid as lines of text.
    pub fn render(&self) -> String {
        let columns = self.columns();
        let mut widths = vec![0usize; columns];
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate() {
                widths[i] = widths[i].max(cell.width());
            }
        }
        let mut out = String::new();
        for (r, row) in self.rows.iter().enumerate() {
            let mut line = String::new();
            for (i, width) in widths.iter().enumerate() {
                let cell = row.get(i).map_or("", String::as_str);
                if i > 0 {
                    line.push_str(" │ ");
                }
                line.push_str(cell);
                if i + 1 < columns {
                    line.extend(std::iter::repeat_n(' ', width.saturating_sub(cell.width())));
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
            let next_is_body = self.header.get(r + 1).is_some_and(|h| !h);
            if self.header[r] && next_is_body {
                let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
                out.push_str(&rule.join("─┼─"));
                out.push('\n');
            }
        }
        out.truncate(out.trim_end_matches('\n').len());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_line_up_under_a_header_rule() {
        let tree = Tree::parse(
            "<table><caption>Ages</caption><tr><th>Name</th><th>Age</th></tr>\
             <tr><td>Ann</td><td>3</td></tr><tr><td>Bartholomew</td><td>10</td></tr></table>",
        );
        let table = (0..tree.nodes.len())
            .find(|&n| tree.name(n) == "table")
            .unwrap();
        let grid = Grid::read(&tree, table);
        assert_eq!(grid.caption.as_deref(), Some("Ages"));
        assert_eq!(
            grid.render(),
            "Name        │ Age\n────────────┼────\nAnn         │ 3\nBartholomew │ 10"
        );
    }

    #[test]
    fn a_hostile_colspan_is_capped() {
        let tree = Tree::parse("<table><tr><td colspan=\"99999999\">x</td><td>y</td></tr></table>");
        let table = (0..tree.nodes.len())
            .find(|&n| tree.name(n) == "table")
            .unwrap();
        assert_eq!(Grid::read(&tree, table).columns(), MAX_COLSPAN + 1);
    }
}
