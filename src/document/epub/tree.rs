//! A chapter's XHTML as a small tree of elements and text, the shape [`super::chapter`] reads.
//! Parsed as XML with `quick-xml` (a chapter is XHTML, and an XML parser reads `<a id="x"/>` as
//! the empty element it is, where an HTML parser would open a link around the rest); when a
//! chapter is not well-formed it is parsed again as HTML with `html5ever`, so a sloppy book is
//! still read. Only the attributes the reader uses are kept, entities are resolved (the HTML
//! set, which XHTML books use without declaring it), and `head`, `script` and `style` are
//! dropped here.

use dom_query::NodeRef;
use quick_xml::Reader;
use quick_xml::escape::{resolve_html5_entity, resolve_predefined_entity};
use quick_xml::events::{BytesStart, Event};

/// Elements nested deeper than this are read as if they were their parent's: a hostile
/// chapter of a million nested `<div>`s must not overflow the converter's stack.
pub const MAX_DEPTH: usize = 200;

/// The attributes the reader looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attr {
    Id,
    Href,
    Alt,
    Title,
    Class,
    Style,
    Hidden,
    Dir,
    Colspan,
    /// `epub:type`, the EPUB structural semantics ("noteref", "footnote", "z3998:poem").
    EpubType,
    Role,
    AriaLabel,
}

impl Attr {
    /// The attribute a name (with its prefix, if any, in any case) stands for. Every attribute
    /// of every element is asked about, so nothing is allocated for it.
    fn from_name(name: &str) -> Option<Attr> {
        const NAMES: [(&str, Attr); 14] = [
            ("id", Attr::Id),
            ("xml:id", Attr::Id),
            ("href", Attr::Href),
            ("xlink:href", Attr::Href),
            ("alt", Attr::Alt),
            ("title", Attr::Title),
            ("class", Attr::Class),
            ("style", Attr::Style),
            ("hidden", Attr::Hidden),
            ("dir", Attr::Dir),
            ("colspan", Attr::Colspan),
            ("epub:type", Attr::EpubType),
            ("role", Attr::Role),
            ("aria-label", Attr::AriaLabel),
        ];
        NAMES
            .iter()
            .find(|(known, _)| known.eq_ignore_ascii_case(name))
            .map(|&(_, attr)| attr)
    }
}

/// One node: an element with its kept attributes and children, or a run of text.
#[derive(Debug, Clone)]
pub enum Node {
    Element {
        /// Local name, lower case, without a namespace prefix.
        name: String,
        attrs: Vec<(Attr, String)>,
        children: Vec<usize>,
    },
    Text(String),
}

/// A parsed chapter: nodes in document order, `0` the root (an element named "").
#[derive(Debug, Clone)]
pub struct Tree {
    pub nodes: Vec<Node>,
    /// For the opening of a chapter ([`Tree::parse_opening`]): the elements still open where
    /// parsing stopped, whose children are whole but whose rest was not read.
    pub cut: Vec<usize>,
}

/// Elements whose content is never text to read.
fn is_skipped(name: &str) -> bool {
    matches!(name, "head" | "script" | "style" | "template" | "noscript")
}

impl Tree {
    fn new() -> Self {
        Tree {
            nodes: vec![Node::Element {
                name: String::new(),
                attrs: Vec::new(),
                children: Vec::new(),
            }],
            cut: Vec::new(),
        }
    }

    /// Parse a chapter: as XML when it is well-formed, else as HTML.
    pub fn parse(text: &str) -> Tree {
        Tree::parse_xml(text, None).unwrap_or_else(|| Tree::parse_html(text))
    }

    /// Parse the opening of a chapter: stop at the first end of a block element past
    /// `source_bytes` of the source, and mark the elements left open ([`Tree::cut`]). A
    /// chapter that is not well-formed is parsed whole, as HTML.
    pub fn parse_opening(text: &str, source_bytes: usize) -> Tree {
        Tree::parse_xml(text, Some(source_bytes)).unwrap_or_else(|| Tree::parse_html(text))
    }

    /// The opening of a chapter of which only `head`, its first bytes, was read: the tree
    /// [`Tree::parse_opening`] gives for the whole chapter, which stops at the same place.
    /// `None` when the opening does not end within the head, or the head is not well-formed
    /// before it does: the whole chapter is needed.
    pub fn parse_head(head: &str, source_bytes: usize) -> Option<Tree> {
        Tree::parse_xml(head, Some(source_bytes)).filter(|tree| !tree.cut.is_empty())
    }

    /// Whether `node` was left open where an opening was cut.
    pub fn is_cut(&self, node: usize) -> bool {
        self.cut.contains(&node)
    }

    pub fn children(&self, node: usize) -> &[usize] {
        match self.nodes.get(node) {
            Some(Node::Element { children, .. }) => children,
            _ => &[],
        }
    }

    pub fn name(&self, node: usize) -> &str {
        match self.nodes.get(node) {
            Some(Node::Element { name, .. }) => name,
            _ => "",
        }
    }

    pub fn attr(&self, node: usize, attr: Attr) -> Option<&str> {
        match self.nodes.get(node) {
            Some(Node::Element { attrs, .. }) => attrs
                .iter()
                .find(|(a, _)| *a == attr)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }

    pub fn text(&self, node: usize) -> Option<&str> {
        match self.nodes.get(node) {
            Some(Node::Text(text)) => Some(text),
            _ => None,
        }
    }

    /// All the text under `node`, in order (walked without recursion).
    pub fn text_content(&self, node: usize) -> String {
        let mut out = String::new();
        let mut stack = vec![node];
        while let Some(n) = stack.pop() {
            match &self.nodes[n] {
                Node::Text(t) => out.push_str(t),
                Node::Element { children, .. } => stack.extend(children.iter().rev()),
            }
        }
        out
    }

    fn push(&mut self, parent: usize, node: Node) -> usize {
        let index = self.nodes.len();
        self.nodes.push(node);
        if let Some(Node::Element { children, .. }) = self.nodes.get_mut(parent) {
            children.push(index);
        }
        index
    }

    /// Text is appended to the parent's last text node when there is one, so entities and
    /// CDATA do not split a word into several nodes.
    fn push_text(&mut self, parent: usize, text: &str) {
        if text.is_empty() {
            return;
        }
        let last = self.children(parent).last().copied();
        if let Some(Node::Text(existing)) = last.and_then(|l| self.nodes.get_mut(l)) {
            existing.push_str(text);
            return;
        }
        self.push(parent, Node::Text(text.to_string()));
    }

    fn element(start: &BytesStart<'_>) -> Node {
        let name = local(start.name().as_ref()).to_ascii_lowercase();
        let mut attrs = Vec::new();
        for attr in start.attributes().with_checks(false).flatten() {
            let Some(which) = Attr::from_name(attr.key.as_ref()) else {
                continue;
            };
            let value = attr
                .normalized_value_with(quick_xml::XmlVersion::Implicit1_0, 4, resolve_entity)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| attr.value.to_string());
            attrs.push((which, value));
        }
        Node::Element {
            name,
            attrs,
            children: Vec::new(),
        }
    }

    /// The tree of a well-formed chapter, or of its opening when `cut_after` is given; `None`
    /// at the first error.
    fn parse_xml(text: &str, cut_after: Option<usize>) -> Option<Tree> {
        let mut reader = Reader::from_str(text);
        let config = reader.config_mut();
        config.check_end_names = false;
        config.allow_unmatched_ends = true;
        config.allow_dangling_amp = true;
        let mut tree = Tree::new();
        // Open elements; skipped ones (head, script) count depth without making nodes.
        let mut open: Vec<usize> = vec![0];
        let mut skipping = 0usize;
        loop {
            let event = reader.read_event().ok()?;
            let parent = open.last().copied().unwrap_or(0);
            match event {
                Event::Start(start) => {
                    let node = Tree::element(&start);
                    if skipping > 0 || is_skipped(name_of(&node)) {
                        skipping += 1;
                        continue;
                    }
                    let index = tree.push(parent, node);
                    open.push(index);
                }
                Event::Empty(start) => {
                    let node = Tree::element(&start);
                    if skipping == 0 && !is_skipped(name_of(&node)) {
                        tree.push(parent, node);
                    }
                }
                Event::End(end) => {
                    if skipping > 0 {
                        skipping -= 1;
                    } else if open.len() > 1 {
                        open.pop();
                        let past = cut_after.is_some_and(|at| reader.buffer_position() > at as u64);
                        if past && super::lines::is_block(local(end.name().as_ref())) {
                            tree.cut = open;
                            return Some(tree);
                        }
                    }
                }
                Event::Text(t) if skipping == 0 => tree.push_text(parent, &t.xml10_content()),
                Event::CData(t) if skipping == 0 => tree.push_text(parent, &t.xml10_content()),
                Event::GeneralRef(r) if skipping == 0 => {
                    let resolved = match r.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        _ => {
                            let name = r.to_string();
                            resolve_entity(&name).map_or_else(|| format!("&{name};"), Into::into)
                        }
                    };
                    tree.push_text(parent, &resolved);
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Some(tree)
    }

    /// The tree of a chapter read as HTML, however broken.
    fn parse_html(text: &str) -> Tree {
        // Nested thousands deep, a chapter would take the HTML parser minutes: flattened
        // past a depth first, as a web page is.
        let document = dom_query::Document::from(&*crate::document::nesting::bounded(text));
        let mut tree = Tree::new();
        let root = document.root();
        // (node in the HTML tree, its parent in ours): walked with a stack, never recursion.
        let mut stack: Vec<(NodeRef<'_>, usize)> =
            root.children_it(true).map(|child| (child, 0)).collect();
        while let Some((node, parent)) = stack.pop() {
            if node.is_text() {
                tree.push_text(parent, &node.text());
                continue;
            }
            if !node.is_element() {
                continue;
            }
            let name = node
                .node_name()
                .map(|n| local(&n).to_ascii_lowercase())
                .unwrap_or_default();
            if is_skipped(&name) {
                continue;
            }
            let attrs = node
                .attrs()
                .iter()
                .filter_map(|a| {
                    let key = match &a.name.prefix {
                        Some(prefix) => format!("{prefix}:{}", a.name.local),
                        None => a.name.local.to_string(),
                    };
                    Attr::from_name(&key).map(|which| (which, a.value.to_string()))
                })
                .collect();
            let index = tree.push(
                parent,
                Node::Element {
                    name,
                    attrs,
                    children: Vec::new(),
                },
            );
            stack.extend(node.children_it(true).map(|child| (child, index)));
        }
        tree
    }
}

fn name_of(node: &Node) -> &str {
    match node {
        Node::Element { name, .. } => name,
        Node::Text(_) => "",
    }
}

/// A name without its namespace prefix.
fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// The XML entities and the HTML ones, which XHTML books use as if declared.
fn resolve_entity(name: &str) -> Option<&'static str> {
    resolve_predefined_entity(name).or_else(|| resolve_html5_entity(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(tree: &Tree, node: usize) -> String {
        match &tree.nodes[node] {
            Node::Text(t) => t.clone(),
            Node::Element { name, children, .. } => {
                let inner: String = children.iter().map(|&c| shape(tree, c)).collect();
                if name.is_empty() {
                    inner
                } else {
                    format!("<{name}>{inner}</{name}>")
                }
            }
        }
    }

    #[test]
    fn xhtml_empty_elements_stay_empty() {
        let tree = Tree::parse(
            r#"<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title></head><body><p><a id="x"/>one&nbsp;two &amp; &#x41;</p><p>three</p></body></html>"#,
        );
        assert_eq!(
            shape(&tree, 0),
            "<html><body><p><a></a>one\u{a0}two & A</p><p>three</p></body></html>"
        );
    }

    #[test]
    fn broken_markup_is_read_as_html() {
        let tree = Tree::parse("<html><body><p>one <b>two</p><p>three & four<br></body>");
        let text = shape(&tree, 0);
        assert!(text.contains("one <b>two</b>"), "{text}");
        assert!(text.contains("three & four"), "{text}");
    }

    #[test]
    fn prefixed_attributes_are_kept() {
        let tree = Tree::parse(
            r##"<html xmlns:epub="http://www.idpf.org/2007/ops"><body><a epub:type="noteref" href="#n1">1</a></body></html>"##,
        );
        let a = (0..tree.nodes.len())
            .find(|&n| tree.name(n) == "a")
            .unwrap();
        assert_eq!(tree.attr(a, Attr::EpubType), Some("noteref"));
        assert_eq!(tree.attr(a, Attr::Href), Some("#n1"));
    }

    #[test]
    fn deep_nesting_parses_without_recursion() {
        let depth = 100_000;
        let text = format!(
            "<html><body>{}x{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let tree = Tree::parse(&text);
        assert_eq!(tree.text_content(0), "x");
    }

    #[test]
    fn deep_broken_markup_is_read_as_html_and_keeps_its_text() {
        // The unclosed `<br>` is no XML: the chapter is read as HTML, flattened past a depth.
        let depth = 100_000;
        let text = format!(
            "<html><body>{}x<br>y{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let tree = Tree::parse(&text);
        assert_eq!(
            tree.text_content(0).split_whitespace().collect::<String>(),
            "xy"
        );
    }
}
