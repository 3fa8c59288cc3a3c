//! HTML nested past a depth, flattened before it is parsed. The HTML parser looks down its
//! stack of open elements at nearly every tag, and the article extractor walks each element's
//! descendants, so a page of 100,000 nested `<div>`s (1 MB) would take minutes. Real pages
//! nest a few dozen deep (the deepest of 121 saved articles, about 50); past [`MAX_DEPTH`]
//! a start tag (and its end tag) is left out, and
//! a block-level one leaves a paragraph break in its place, so the text stays, in order, in
//! paragraphs where its blocks were.
//!
//! The depth is that of a model of the parser's stack, kept as the page is tokenized (by the
//! parser's own tokenizer, so a tag is a tag exactly when the parser sees one). The model
//! follows the rules that keep sloppy real pages shallow (an unclosed `<p>`, `<li>`, `<td>` or
//! `<option>` is closed by the next one), each only where the parser's own rule surely closes
//! the element too, and otherwise errs deep: an element it cannot be sure is closed, it counts
//! as open. A page the model never finds too deep is parsed unchanged.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// Elements nested deeper than this are flattened into their ancestor at this depth: twice
/// the deepest real page seen, and the extractor's work grows with it (it walks what is under
/// each element), so it is no higher.
pub const MAX_DEPTH: usize = 100;

/// `html` as the parser should see it: itself when it nests no deeper than [`MAX_DEPTH`],
/// else rewritten with the elements past that depth left out.
pub fn bounded(html: &str) -> Cow<'_, str> {
    if !run(html, None) {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    run(html, Some(&mut out));
    Cow::Owned(out)
}

/// Tokenize `html` through the model, and say whether it had to leave anything out; with
/// `out`, write it back flattened.
fn run(html: &str, out: Option<&mut String>) -> bool {
    let sink = Sink(RefCell::new(Flattener::new(out)));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // The sink never asks to stop for a script, so one feed reads everything.
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.0.into_inner().flattened
}

struct Sink<'a>(RefCell<Flattener<'a>>);

impl TokenSink for Sink<'_> {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        self.0.borrow_mut().token(token)
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        // In SVG and MathML, `<![CDATA[…]]>` is text, as the parser reads it there.
        self.0.borrow().in_foreign()
    }
}

/// One element the model holds open.
struct Open {
    name: String,
    /// Its content is SVG or MathML, where `<x/>` closes itself.
    foreign_content: bool,
}

struct Flattener<'a> {
    stack: Vec<Open>,
    /// Some start tag was left out.
    flattened: bool,
    /// Start tags left out, by name, whose end tags are to be left out with them (a map: a
    /// page can use any number of names).
    dropped: HashMap<String, usize>,
    /// Open SVG or MathML elements left out, by name, innermost last: their content is still
    /// read as the parser reads SVG (no raw text, `<x/>` closes itself), and their elements
    /// are left out with them.
    dropped_foreign: Vec<String>,
    /// A left-out block ended or began: the next text starts a new paragraph.
    break_pending: bool,
    out: Option<&'a mut String>,
    /// Inside an element whose text is not markup (script, style, title, textarea): no
    /// paragraph break goes into it.
    in_text_element: bool,
    /// And its text is raw (script, style, not title or textarea): written as it is.
    raw: bool,
    /// A `<form>` is open, as the parser's form element pointer says: another `<form>` start
    /// is ignored, and `</form>` takes the form off the stack but leaves what was opened in
    /// it open (still inside it on the page).
    form_pointer: bool,
}

/// The name an element of the model's stack takes when the parser has taken it off its own
/// stack but what was opened inside it is still open: it still counts towards their depth,
/// matches no tag, and goes when nothing is open above it.
const CLOSED_AROUND_OPEN: &str = "\u{0}closed";

impl<'a> Flattener<'a> {
    fn new(out: Option<&'a mut String>) -> Self {
        Flattener {
            stack: Vec::new(),
            flattened: false,
            dropped_foreign: Vec::new(),
            dropped: HashMap::new(),
            break_pending: false,
            out,
            in_text_element: false,
            raw: false,
            form_pointer: false,
        }
    }

    fn in_template(&self) -> bool {
        self.stack.iter().any(|open| open.name == "template")
    }

    /// An element closed around elements still open goes once nothing is open above it.
    fn settle(&mut self) {
        while self
            .stack
            .last()
            .is_some_and(|open| open.name == CLOSED_AROUND_OPEN)
        {
            self.stack.pop();
        }
    }

    fn in_dropped_table(&self) -> bool {
        self.dropped.get("table").is_some_and(|&count| count > 0)
    }

    /// Whether the foreign content open is SVG (else MathML): the nearer of the two roots.
    fn in_svg(&self) -> bool {
        self.stack
            .iter()
            .rev()
            .find(|open| matches!(open.name.as_str(), "svg" | "math"))
            .is_some_and(|open| open.name == "svg")
    }

    fn in_foreign(&self) -> bool {
        !self.dropped_foreign.is_empty()
            || self.stack.last().is_some_and(|open| open.foreign_content)
    }

    fn token(&mut self, token: Token) -> TokenSinkResult<()> {
        match token {
            Token::TagToken(tag) => return self.tag(tag),
            Token::CharacterTokens(text) => self.text(&text),
            Token::DoctypeToken(doctype) => {
                if let Some(out) = self.out.as_deref_mut() {
                    write_doctype(out, &doctype);
                }
            }
            // Comments are not read; NUL is dropped by the parser too.
            Token::CommentToken(_)
            | Token::NullCharacterToken
            | Token::EOFToken
            | Token::ParseError(_) => {}
        }
        TokenSinkResult::Continue
    }

    fn text(&mut self, text: &str) {
        let raw = self.raw;
        if self.break_pending && !self.in_text_element && !text.trim().is_empty() {
            self.break_pending = false;
            // A paragraph left open, as the parser sees it, until the next one closes it.
            self.close_implied("p");
            self.write("<p>");
            self.open("p", false);
        }
        if let Some(out) = self.out.as_deref_mut() {
            if raw {
                out.push_str(text);
            } else {
                escape_text(out, text);
            }
        }
    }

    fn tag(&mut self, tag: Tag) -> TokenSinkResult<()> {
        let name = tag.name.to_string();
        match tag.kind {
            TagKind::StartTag => self.start_tag(&tag, name),
            TagKind::EndTag => {
                self.raw = false;
                self.in_text_element = false;
                self.end_tag(&name);
                TokenSinkResult::Continue
            }
        }
    }

    fn start_tag(&mut self, tag: &Tag, name: String) -> TokenSinkResult<()> {
        let mut foreign = self.in_foreign();
        if foreign && breaks_out_of_foreign(&name) {
            // The parser leaves SVG or MathML for this tag, closing what was open there.
            self.leave_foreign();
            foreign = false;
        }
        if !self.dropped_foreign.is_empty() {
            // Inside SVG or MathML that was left out: so is this.
            self.flattened = true;
            if !tag.self_closing {
                self.dropped_foreign.push(name);
            }
            return TokenSinkResult::Continue;
        }
        if !foreign && self.in_dropped_table() && is_table_part(&name) && !is_void(&name) {
            // The rows and cells of a table left out are left out with it: kept, they would
            // be read as rows of the table around it, and their text, outside any cell, moved
            // in front of that table.
            self.drop_start(name);
            return TokenSinkResult::Continue;
        }
        // Elements the parser never opens here: `<html>` and `<body>` only add attributes, and
        // the parts of a table are ignored outside one.
        let ignored = !foreign
            && (matches!(
                name.as_str(),
                "html" | "body" | "head" | "frameset" | "frame"
            ) || (is_table_part(&name) && !self.stack.iter().any(|open| open.name == "table"))
                || (name == "form" && self.form_pointer && !self.in_template()));
        let void = is_void(&name) || (foreign && tag.self_closing) || ignored;
        // In SVG and MathML a start tag is an element of its own, closing nothing (the tags
        // that leave them were dealt with above).
        if !void && !foreign {
            self.close_implied(&name);
            self.settle();
        }
        // An element of raw text (a script, a style) holds no elements, and left out its text
        // would be read as the page's: it is kept at any depth.
        let holds_raw_text = !foreign && raw_kind(&name).is_some();
        // A table is kept only with room for its body, row and cell under it, so that a text
        // left in it always lands in a cell.
        let room = if !foreign && name == "table" { 4 } else { 1 };
        if !void && !holds_raw_text && self.stack.len() + room > MAX_DEPTH {
            if foreign || matches!(name.as_str(), "svg" | "math") {
                self.flattened = true;
                self.dropped_foreign.push(name);
            } else {
                self.drop_start(name);
            }
            return TokenSinkResult::Continue;
        }
        if let Some(out) = self.out.as_deref_mut() {
            write_start_tag(out, tag);
        }
        if void {
            return TokenSinkResult::Continue;
        }
        let foreign_content = match name.as_str() {
            "svg" | "math" => true,
            _ if foreign => !is_integration_point(&name, self.in_svg()),
            _ => false,
        };
        self.open(&name, foreign_content);
        if !foreign && name == "form" && !self.in_template() {
            self.form_pointer = true;
        }
        if foreign_content || foreign {
            return TokenSinkResult::Continue;
        }
        match raw_kind(&name) {
            Some(Raw::Text(kind)) => {
                self.in_text_element = true;
                self.raw = kind != RawKind::Rcdata;
                TokenSinkResult::RawData(kind)
            }
            Some(Raw::Plain) => {
                self.in_text_element = true;
                self.raw = true;
                TokenSinkResult::Plaintext
            }
            None => TokenSinkResult::Continue,
        }
    }

    fn open(&mut self, name: &str, foreign_content: bool) {
        self.stack.push(Open {
            name: name.to_string(),
            foreign_content,
        });
    }

    fn drop_start(&mut self, name: String) {
        self.flattened = true;
        if is_block(&name) {
            self.break_pending = true;
        }
        *self.dropped.entry(name).or_default() += 1;
    }

    fn end_tag(&mut self, name: &str) {
        if !self.dropped_foreign.is_empty() {
            if matches!(name, "p" | "br") {
                // Read as HTML: it leaves SVG and MathML.
                self.leave_foreign();
            } else {
                // It closes the innermost element left out of its name, with those inside
                // it. One that names none closes nothing in the model: taken off, an `<svg>`
                // left out would let the `<title>` after it be read as HTML's, whose text is
                // not shown, where the page had SVG's. Kept open, the model only counts
                // deeper and leaves more out, and text is kept either way.
                if let Some(at) = self.dropped_foreign.iter().rposition(|n| n == name) {
                    self.dropped_foreign.truncate(at);
                }
                return;
            }
        }
        if let Some(count) = self.dropped.get_mut(name)
            && *count > 0
        {
            *count -= 1;
            if is_block(name) {
                self.break_pending = true;
            }
            return;
        }
        if self.in_foreign() {
            self.end_foreign(name);
        } else if name == "form" && !self.in_template() {
            // The form leaves the stack; what was opened in it stays open, inside it.
            self.form_pointer = false;
            if let Some(at) = self.find_open(name, end_tag_barrier(name)) {
                self.stack[at].name = CLOSED_AROUND_OPEN.to_string();
            }
        } else if let Some(at) = self.find_open(name, end_tag_barrier(name)) {
            if is_formatting(name) {
                // The parser keeps what was opened inside it open (cloning the formatting
                // element into it): only the element itself is closed.
                self.stack.remove(at);
            } else {
                self.close_from(at);
            }
        }
        self.settle();
        if let Some(out) = self.out.as_deref_mut() {
            out.push_str("</");
            out.push_str(name);
            out.push('>');
        }
    }

    /// Close every SVG and MathML element open, kept or left out.
    fn leave_foreign(&mut self) {
        self.dropped_foreign.clear();
        while self.stack.last().is_some_and(|open| open.foreign_content) {
            self.stack.pop();
        }
    }

    /// An end tag met in SVG or MathML: it closes the foreign element of its name; else, as the
    /// parser does, it leaves the foreign elements and is read as HTML (`</p>` and `</br>`
    /// close them all first).
    fn end_foreign(&mut self, name: &str) {
        let foreign_open = self
            .stack
            .iter()
            .rev()
            .take_while(|open| open.foreign_content)
            .count();
        let first_foreign = self.stack.len() - foreign_open;
        let named = self.stack[first_foreign..]
            .iter()
            .rposition(|open| open.name == name);
        match named {
            Some(at) if !matches!(name, "p" | "br") => self.close_from(first_foreign + at),
            _ => {
                if matches!(name, "p" | "br") {
                    self.stack.truncate(first_foreign);
                }
                if let Some(at) = self.find_open(name, end_tag_barrier(name)) {
                    if is_formatting(name) {
                        // Read as HTML, it closes a formatting element as it does there:
                        // that element alone, what was opened inside it kept open.
                        self.stack.remove(at);
                    } else {
                        self.close_from(at);
                    }
                }
            }
        }
    }

    /// Close what a start tag closes by the parser's rules: a new paragraph or block closes
    /// an open `<p>`, a list item the item before it, a cell or row the one before it.
    fn close_implied(&mut self, name: &str) {
        if closes_p(name)
            && let Some(at) = self.find_open("p", |n| is_button_scope_barrier(n) || n == "select")
        {
            self.close_from(at);
        }
        let (closed, barrier): (&[&str], fn(&str) -> bool) = match name {
            "li" => (&["li"], is_list_item_barrier),
            "dd" | "dt" => (&["dd", "dt"], is_list_item_barrier),
            "td" | "th" => (&["td", "th"], |n| matches!(n, "tr" | "table" | "template")),
            "tr" => (&["tr"], |n| matches!(n, "table" | "template")),
            "tbody" | "thead" | "tfoot" => (&["tbody", "thead", "tfoot"], |n| {
                matches!(n, "table" | "template")
            }),
            // Only a current `<option>` is closed (in a `<select>`, nothing deeper can be open).
            "option" | "optgroup" => (&["option"], |n| n != "option"),
            _ => return,
        };
        // Inside a `<select>` the parser ignores these tags: it closes nothing for them.
        let found = self.stack.iter().rposition(|open| {
            closed.contains(&open.name.as_str())
                || barrier(&open.name)
                || open.foreign_content
                || open.name == "select"
        });
        // An SVG or MathML element of the same name (`<tr>` inside `<svg>`) is no such item:
        // the parser closes nothing for it.
        if let Some(at) = found
            && closed.contains(&self.stack[at].name.as_str())
            && !self.stack[at].foreign_content
        {
            self.close_from(at);
        }
        // Then, as for a block, a list item closes an open `<p>`. Left open in the model, that
        // `<p>` would be closed by a later one with everything opened since, and the model
        // would count shallow what the parser nests deep.
        if matches!(name, "li" | "dd" | "dt")
            && let Some(at) = self.find_open("p", |n| is_button_scope_barrier(n) || n == "select")
        {
            self.close_from(at);
        }
    }

    /// The innermost open `name`, unless a barrier comes first.
    fn find_open(&self, name: &str, barrier: fn(&str) -> bool) -> Option<usize> {
        let at = self
            .stack
            .iter()
            .rposition(|open| open.name == name || barrier(&open.name))?;
        (self.stack[at].name == name).then_some(at)
    }

    /// Close the element at `at` and everything inside it, except formatting elements: the
    /// parser opens those again in the next block, so they are still counted.
    fn close_from(&mut self, at: usize) {
        let reopened: Vec<Open> = self
            .stack
            .drain(at..)
            .skip(1)
            .filter(|open| is_formatting(&open.name))
            .collect();
        self.stack.extend(reopened);
    }

    fn write(&mut self, text: &str) {
        if let Some(out) = self.out.as_deref_mut() {
            out.push_str(text);
        }
    }
}

/// How the tokenizer reads the text inside an element.
enum Raw {
    Text(RawKind),
    Plain,
}

fn raw_kind(name: &str) -> Option<Raw> {
    Some(match name {
        "script" => Raw::Text(RawKind::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
            Raw::Text(RawKind::Rawtext)
        }
        "textarea" | "title" => Raw::Text(RawKind::Rcdata),
        "plaintext" => Raw::Plain,
        _ => return None,
    })
}

fn write_start_tag(out: &mut String, tag: &Tag) {
    out.push('<');
    out.push_str(&tag.name);
    for attr in &tag.attrs {
        out.push(' ');
        out.push_str(&attr.name.local);
        out.push_str("=\"");
        for c in attr.value.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '"' => out.push_str("&quot;"),
                c => out.push(c),
            }
        }
        out.push('"');
    }
    if tag.self_closing {
        out.push('/');
    }
    out.push('>');
}

fn write_doctype(out: &mut String, doctype: &html5ever::tokenizer::Doctype) {
    out.push_str("<!DOCTYPE ");
    out.push_str(doctype.name.as_deref().unwrap_or("html"));
    if let Some(public) = &doctype.public_id {
        out.push_str(&format!(" PUBLIC \"{public}\""));
        if let Some(system) = &doctype.system_id {
            out.push_str(&format!(" \"{system}\""));
        }
    } else if let Some(system) = &doctype.system_id {
        out.push_str(&format!(" SYSTEM \"{system}\""));
    }
    out.push('>');
}

fn escape_text(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "basefont"
            | "bgsound"
            | "br"
            | "col"
            | "embed"
            | "frame"
            | "hr"
            | "image"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Elements that begin a block of their own: left out, they leave a paragraph break.
fn is_block(name: &str) -> bool {
    closes_p(name)
        || matches!(
            name,
            "li" | "dd"
                | "dt"
                | "tr"
                | "td"
                | "th"
                | "table"
                | "caption"
                | "tbody"
                | "thead"
                | "tfoot"
        )
}

/// Start tags that close an open `<p>`.
fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
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
            | "listing"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "search"
            | "section"
            | "summary"
            | "ul"
            | "xmp"
    )
}

/// The formatting elements, which the parser reopens after a block that closed them.
fn is_formatting(name: &str) -> bool {
    matches!(
        name,
        "a" | "b"
            | "big"
            | "code"
            | "em"
            | "font"
            | "i"
            | "nobr"
            | "s"
            | "small"
            | "strike"
            | "strong"
            | "tt"
            | "u"
    )
}

/// The elements that end the parser's search for an open element "in scope". A barrier the
/// parser has and this list lacked would let the model close what the parser keeps open; one
/// too many only keeps open what the parser closes (and counts deeper).
fn is_scope_barrier(name: &str) -> bool {
    matches!(
        name,
        "applet"
            | "caption"
            | "html"
            | "table"
            | "td"
            | "th"
            | "marquee"
            | "object"
            | "template"
            | "mi"
            | "mo"
            | "mn"
            | "ms"
            | "mtext"
            | "annotation-xml"
            | "foreignobject"
            | "desc"
            | "title"
    )
}

fn is_button_scope_barrier(name: &str) -> bool {
    is_scope_barrier(name) || name == "button"
}

/// Where the search for an open list item (or `<dd>`, `<dt>`) stops: at any "special"
/// element but `address`, `div` and `p`.
fn is_list_item_barrier(name: &str) -> bool {
    is_special(name) && !matches!(name, "address" | "div" | "p")
}

/// The parser's "special" elements (those it can hold open; the void ones never are).
fn is_special(name: &str) -> bool {
    closes_p(name)
        || is_scope_barrier(name)
        || matches!(
            name,
            "body"
                | "button"
                | "colgroup"
                | "dd"
                | "dt"
                | "frameset"
                | "head"
                | "iframe"
                | "li"
                | "noembed"
                | "noframes"
                | "noscript"
                | "plaintext"
                | "script"
                | "select"
                | "style"
                | "tbody"
                | "textarea"
                | "tfoot"
                | "thead"
                | "tr"
        )
}

/// The parts of a table, which the parser ignores outside one.
fn is_table_part(name: &str) -> bool {
    matches!(
        name,
        "caption" | "col" | "colgroup" | "tbody" | "td" | "tfoot" | "th" | "thead" | "tr"
    )
}

/// Where the search for the element an end tag closes stops: at a scope barrier for the
/// elements closed "in scope" (`</p>` in button scope, `</li>` in list item scope), at any
/// special element for the rest.
fn end_tag_barrier(name: &str) -> fn(&str) -> bool {
    match name {
        "p" => is_button_scope_barrier,
        "li" => |n| is_scope_barrier(n) || matches!(n, "ol" | "ul"),
        _ if is_special(name) || is_formatting(name) => is_scope_barrier,
        _ => is_special,
    }
}

/// Start tags that leave SVG and MathML for HTML.
fn breaks_out_of_foreign(name: &str) -> bool {
    matches!(
        name,
        "b" | "big"
            | "blockquote"
            | "body"
            | "br"
            | "center"
            | "code"
            | "dd"
            | "div"
            | "dl"
            | "dt"
            | "em"
            | "embed"
            | "font"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "hr"
            | "i"
            | "img"
            | "li"
            | "listing"
            | "menu"
            | "meta"
            | "nobr"
            | "ol"
            | "p"
            | "pre"
            | "ruby"
            | "s"
            | "small"
            | "span"
            | "strong"
            | "strike"
            | "sub"
            | "sup"
            | "table"
            | "tt"
            | "u"
            | "ul"
            | "var"
    )
}

/// SVG and MathML elements whose content is HTML again: each language has its own. A `<desc>`
/// or `<title>` inside MathML is MathML, and a `<textarea>` in it an element, not a box of
/// text: taken for SVG's, the tags after it were read as text, and nested without bound.
fn is_integration_point(name: &str, in_svg: bool) -> bool {
    if in_svg {
        matches!(name, "foreignobject" | "desc" | "title")
    } else {
        matches!(name, "mi" | "mo" | "mn" | "ms" | "mtext" | "annotation-xml")
    }
}

#[cfg(test)]
mod tests;
