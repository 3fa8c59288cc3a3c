//! The text an HTML fragment shows, without a parser: tags dropped, comments and the bodies of
//! scripts and styles skipped, entities decoded, block-level tags made paragraph breaks. For a
//! page with no article the extractor can find, and for the HTML a Markdown text holds.

/// Tags removed, comments and script/style bodies dropped, common entities decoded;
/// block-level tags become paragraph breaks.
pub fn visible_text(html: &str) -> String {
    text_with_cells(html, " ")
}

/// What a table row of [`text_with_cells`] may get between its cells, to keep its columns
/// apart as a Markdown table's rows show them.
pub const CELL: &str = " │ ";

/// [`visible_text`], with `between_cells` set between the cells of a table row.
pub fn text_with_cells(html: &str, between_cells: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    // Whether the row being read has had a cell yet.
    let mut row_has_cell = false;
    while let Some(open) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..open]));
        let after = &rest[open + 1..];
        // A comment may hold a '>' of its own; it ends at its "-->" (or with the text).
        if let Some(comment) = after.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let Some(close) = after.find('>') else {
            rest = "";
            break;
        };
        let tag = after[..close].trim_start_matches('/').to_ascii_lowercase();
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        rest = &after[close + 1..];
        // A cell parts the words of its row, not the row: its end is a space.
        if matches!(name.as_str(), "td" | "th") {
            if after.starts_with('/') {
                out.push(' ');
            } else {
                out.push_str(if row_has_cell { between_cells } else { " " });
                row_has_cell = true;
            }
            continue;
        }
        if name == "tr" {
            row_has_cell = false;
        }
        if matches!(name.as_str(), "script" | "style" | "noscript" | "template")
            && !after.starts_with('/')
        {
            rest = find_end_tag(rest, &name).map_or("", |at| &rest[at..]);
            continue;
        }
        if name == "br" || is_block(&name) {
            out.push_str("\n\n");
        } else if !is_phrasing(&name) {
            out.push(' ');
        }
    }
    out.push_str(&decode_entities(rest));
    out
}

/// Where the end tag `</name` begins in `text`, in any case: searched from each `</`, so a
/// page of many scripts is read in one pass.
pub fn find_end_tag(text: &str, name: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    memchr::memmem::find_iter(bytes, b"</").find(|&at| {
        bytes
            .get(at + 2..at + 2 + name.len())
            .is_some_and(|tag| tag.eq_ignore_ascii_case(name.as_bytes()))
    })
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        // The longest entity name HTML has runs to 31 letters.
        let entity_end = after.find(';').filter(|&e| e <= 32);
        let decoded = entity_end.and_then(|e| entity(&after[..e], &mut out));
        match (decoded, entity_end) {
            (Some(()), Some(e)) => rest = &after[e + 1..],
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Writes what the entity `name` (between `&` and `;`) stands for: a number, or any of HTML's
/// named entities (`&rsquo;`, `&mdash;`, `&eacute;`), which saved books and pages use for
/// their quotation marks and accents.
fn entity(name: &str, out: &mut String) -> Option<()> {
    match name.strip_prefix('#') {
        Some(number) => {
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            out.push(char::from_u32(code)?);
        }
        None => out.push_str(quick_xml::escape::resolve_html5_entity(name)?),
    }
    Some(())
}

/// Elements that set words within a line: a browser shows their text run on to what is beside
/// it ("F<sub>1</sub>" is "F1", "<i>wo</i>rd" is "word"), so they part nothing.
fn is_phrasing(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr"
            | "b"
            | "bdi"
            | "bdo"
            | "big"
            | "cite"
            | "code"
            | "data"
            | "del"
            | "dfn"
            | "em"
            | "font"
            | "i"
            | "ins"
            | "kbd"
            | "mark"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strike"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "tt"
            | "u"
            | "var"
            | "wbr"
    )
}

/// Elements that start and end a block of text.
pub fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "li"
            | "main"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_text_has_the_words_and_paragraphs() {
        let text = visible_text(
            "<p>One &amp; two</p><!-- a > b --><script>var x = '<p>';</script><p>Three&#33;</p>",
        );
        let paragraphs: Vec<String> = text
            .split("\n\n")
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .collect();
        assert_eq!(paragraphs, vec!["One & two", "Three!"]);
    }

    #[test]
    fn named_entities_are_the_characters_they_name() {
        let text = visible_text(
            "<p>It&rsquo;s &ldquo;&eacute;t&eacute;&rdquo;&mdash;&hellip; &x; &amp &#xD7;</p>",
        );
        assert_eq!(text.trim(), "It’s “été”—… &x; &amp ×");
    }

    #[test]
    fn words_set_in_inline_elements_run_on() {
        let text = visible_text(
            "<p>F<sub>1</sub> and <i>wo</i>rd, <a href=x>one</a> two<img src=y>three</p>",
        );
        assert_eq!(text.trim(), "F1 and word, one two three");
    }

    #[test]
    fn a_tables_cells_are_kept_apart() {
        let html = "<table><tr><th>Key</th><th>Does</th></tr><tr><td>a</td><td>b</td></tr></table>";
        let rows: Vec<String> = text_with_cells(html, CELL)
            .split("\n\n")
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .collect();
        assert_eq!(rows, vec!["Key │ Does", "a │ b"]);
    }
}
