//! The tests of web pages to blocks: the article, its title and byline, and what is kept
//! or folded around it.

use super::*;

/// The texts of the blocks a reader sees: all but the folded ones.
fn shown(article: &Article) -> Vec<&str> {
    article
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Leftover)
        .map(|b| b.text.as_str())
        .collect()
}

const PAGE: &str = r#"<!DOCTYPE html><html><head><title>Moths at Night | Site</title></head>
<body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article><h1>Moths at Night</h1><p class="byline">By Ann Example</p>
<p>Moths find their way by the moon, or so the story goes. Researchers have spent decades
testing the idea with lamps, nets and patient nights in the field, and the answer is <em>more
complicated</em> than anyone expected when the work began.</p>
<h2>The lamp problem</h2>
<p>A bright lamp draws moths because it confuses their sense of which way is up. Tracking
cameras show them tilting their backs toward the light, circling and stalling, unable to fly
level while the bulb is close.</p>
<ul><li>First observation</li><li>Second observation</li></ul>
<p>Field notes from many summers agree on this point, and the pattern holds across species and
continents, which is why the lamp problem is now taught in introductory courses.</p>
</article><footer>Copyright 2024. All rights reserved.</footer></body></html>"#;

#[test]
fn article_becomes_title_headings_and_paragraphs() {
    let article = structure(PAGE);
    let kinds: Vec<BlockKind> = article.blocks.iter().map(|b| b.kind).collect();
    assert!(kinds.contains(&BlockKind::Heading), "{kinds:?}");
    assert!(kinds.contains(&BlockKind::ListItem), "{kinds:?}");
    let text: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
    assert!(
        text.iter().any(|t| t.starts_with("Moths find their way")),
        "{text:?}"
    );
    assert!(text.contains(&"The lamp problem"), "{text:?}");
    assert!(
        !text.iter().any(|t| t.contains("All rights reserved")),
        "{text:?}"
    );
    assert!(article.title.is_some_and(|t| t.contains("Moths at Night")));
}

#[test]
fn a_post_the_article_quotes_is_kept_and_a_share_row_is_not() {
    let said = "<p>Moths find their way by the moon, or so the story goes. Researchers \
                have spent decades testing the idea with lamps, nets and patient nights in \
                the field, and a whole lot of people online had something to say.</p>"
        .repeat(3);
    let post = "<div class=\"social-media-embed\"><blockquote class=\"twitter-tweet\">\
                <p lang=\"en\">A moth just flew into my lamp again \
                <a href=\"https://t.co/x\">https://t.co/x</a></p>&mdash; Ann Lee (@annlee) \
                <a href=\"https://twitter.com/annlee/status/1\">November 18, 2019</a>\
                </blockquote><script async src=\"https://platform.twitter.com/widgets.js\">\
                </script></div>";
    let share = "<div class=\"social-share\"><a href=\"/s\">Share on Twitter</a> \
                 <a href=\"/f\">Share on Facebook</a></div>";
    let page = format!(
        "<html><head><title>Moths</title></head><body><article><h1>Moths</h1>{said}{post}\
         {said}{share}</article></body></html>"
    );
    let article = structure(&page);
    let text: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
    let kept = |words: &str| text.iter().any(|t| t.contains(words));
    assert!(kept("A moth just flew into my lamp again"), "{text:?}");
    assert!(kept("Ann Lee (@annlee)"), "{text:?}");
    assert!(!kept("Share on Facebook"), "{text:?}");
}

#[test]
fn lines_a_page_breaks_with_br_stay_lines() {
    let said = "<p>A use declaration creates one or more local name bindings synonymous \
                with some other path. Usually it is used to shorten the path required to \
                refer to a module item, and it may appear in modules and blocks.</p>"
        .repeat(3);
    let grammar = "<p>UseTree → <br>      ( SimplePath? :: )? * <br>    | \
                   ( SimplePath? :: )? { UseTree } <br>    | SimplePath ( as IDENTIFIER )?</p>";
    let address = "<p>Herman Melville<br>Arrowhead Farm<br>Pittsfield, Massachusetts</p>";
    let page = format!(
        "<html><head><title>Use</title></head><body><main><h1>Use declarations</h1>\
         {grammar}{said}{address}</main></body></html>"
    );
    let article = structure(&page);
    let text: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
    assert!(
        text.contains(&"UseTree →\n( SimplePath? :: )? *\n| ( SimplePath? :: )? { UseTree }\n| SimplePath ( as IDENTIFIER )?"),
        "{text:?}"
    );
    assert!(
        text.contains(&"Herman Melville\nArrowhead Farm\nPittsfield, Massachusetts"),
        "{text:?}"
    );
}

#[test]
fn a_note_set_apart_in_a_documentation_page_is_kept() {
    let said = "<p>Most types have a fixed size that is known at compile time. A type whose \
                size is known only at run time is called a dynamically sized type, and such \
                types can only be used in certain cases, which this page lists.</p>"
        .repeat(3);
    // Three boxes in the shapes documentation tools write them, each a short sentence
    // a fifth of which is links.
    let boxes = [
        "<div class=\"alert alert-note\"><blockquote><p class=\"alert-title\">Note</p>\
         <p><a href=\"v.html\">Variables</a>, function parameters, <a href=\"c.html\">\
         const</a> items, and <a href=\"s.html\">static</a> items must be Sized.</p>\
         </blockquote></div>",
        "<div class=\"admonition warning\"><p class=\"admonition-title\">Warning</p>\
         <p>Read <a href=\"a.html\">the unsafe guide</a> and <a href=\"b.html\">the \
         layout rules</a> before you cast.</p></div>",
        "<div class=\"markdown-alert markdown-alert-tip\"><p>Tip</p><p>Use \
         <a href=\"t.html\">the type alias</a> and <a href=\"u.html\">its helper</a> here.\
         </p></div>",
    ];
    let banner = "<div class=\"alert alert-warning\"><a href=\"/c\">We use cookies</a> \
                  on <a href=\"/p\">this site</a>.</div>";
    let page = format!(
        "<html><head><title>Types</title></head><body><main><h1>Dynamically sized \
         types</h1>{said}{}{said}{}{said}{}{banner}</main></body></html>",
        boxes[0], boxes[1], boxes[2]
    );
    let article = structure(&page);
    let text: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
    let kept = |words: &str| text.iter().any(|t| t.contains(words));
    assert!(kept("items must be Sized."), "{text:?}");
    assert!(kept("before you cast."), "{text:?}");
    assert!(kept("Use the type alias"), "{text:?}");
    assert!(!kept("We use cookies"), "{text:?}");
}

#[test]
fn the_marks_that_link_to_a_heading_are_no_part_of_it() {
    let said = "<p>Most types have a fixed size that is known at compile time. A type whose \
                size is known only at run time is called a dynamically sized type, and such \
                types can only be used in certain cases, which <a href=\"#cases\">the list \
                below</a> gives.</p>"
        .repeat(2);
    let page = format!(
        "<html><head><title>Types</title></head><body><main>\
         <h1>Sized types<a class=\"headerlink\" href=\"#sized\">¶</a></h1>{said}\
         <h2 id=\"cases\">The cases<a class=\"anchor\" href=\"#cases\"> # </a></h2>{said}\
         <h2>Rules <a href=\"#rules\">§</a></h2>{said}</main></body></html>"
    );
    let article = structure(&page);
    let text: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
    assert!(
        !text.iter().any(|t| t.contains(['¶', '§', '#'])),
        "{text:?}"
    );
    assert!(text.contains(&"The cases"), "{text:?}");
    assert!(text.contains(&"Rules"), "{text:?}");
    // A link to a place in the page with words of its own stays text.
    assert!(
        text.iter()
            .any(|t| t.contains("which the list below gives")),
        "{text:?}"
    );
}

#[test]
fn a_title_cut_inside_its_brackets_is_taken_whole() {
    let page = |title: &str| {
        format!(
            "<html><head><title>{title}</title></head><body><main><h1>Types</h1>\
             <p>{}</p></main></body></html>",
            "Each argument a function takes is described by a type, and so is its result. "
                .repeat(8)
        )
    };
    let article = structure(&page(
        "Types (libffi: the portable foreign function interface library)",
    ));
    assert_eq!(
        article.title.as_deref(),
        Some("Types (libffi: the portable foreign function interface library)")
    );
    // A title the extractor shortened with its brackets whole stays as it found it.
    assert_eq!(
        whole_title(
            "Types (of arguments)".into(),
            "Site: Types (of arguments)".into()
        ),
        "Types (of arguments)"
    );
    assert_eq!(
        whole_title("library)".into(), "Types (x: library)".into()),
        "Types (x: library)"
    );
    assert!(brackets_pair("a (b [c] d) e") && !brackets_pair("b)") && !brackets_pair("(b]"));
}

#[test]
fn a_manuals_section_keeps_its_text_whatever_its_title_says() {
    let said = |topic: &str| {
        format!(
            "<p>The daemon exports {topic} to its clients over the network. Each one is \
             named when it is created, and the name is used by every command that refers \
             to it later, including the commands that remove it again.</p>"
        )
        .repeat(3)
    };
    let section = |id: &str, title: &str, topic: &str| {
        format!(
            "<section id=\"{id}\"><h2>{title}</h2>{}</section>",
            said(topic)
        )
    };
    let page = format!(
        "<html><head><meta name=\"generator\" content=\"Docutils 0.19: \
         https://docutils.sourceforge.io/\" /><title>Reference</title></head><body>\
         <div role=\"main\"><section id=\"reference\"><h1>Reference</h1>{}{}{}</section>\
         </div></body></html>",
        section("block-devices", "Block devices", "block devices"),
        section(
            "block-core-vm-unrelated",
            "Block core (VM unrelated)",
            "snapshots"
        ),
        section("block-device-exports", "Block device exports", "exports"),
    );
    let article = structure(&page);
    let text: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
    assert!(text.contains(&"Block core (VM unrelated)"), "{text:?}");
    assert!(
        text.iter()
            .any(|t| t.contains("exports snapshots to its clients")),
        "{text:?}"
    );
}

#[test]
fn a_section_heading_keeps_its_place_whatever_its_class_or_id_says() {
    let said = |topic: &str| {
        format!(
            "<p>The witness spoke about {topic} for most of the afternoon, and the judge \
             asked him twice to answer only the question he had been asked, which he did \
             not do on either occasion.</p>"
        )
        .repeat(2)
    };
    // A news site's "subheader" and a manual's heading named by its own title ("Extra
    // conditionals…"): each holds a word the extractor takes for a page's other parts.
    let page = format!(
        "<html><head><title>Takeaways</title></head><body><article><h1>Takeaways</h1>{}\
         <h2 class=\"subheader\">The campaign comes to the courtroom</h2>{}\
         <h2 id=\"extra-conditionals-with-guards\">Extra conditionals with guards</h2>{}\
         </article><div class=\"comments\"><h3 class=\"comment-header\">Ann</h3>\
         <p>First!</p></div></body></html>",
        said("the loans"),
        said("the campaign"),
        said("the guards"),
    );
    let article = structure(&page);
    let text: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
    for heading in [
        "The campaign comes to the courtroom",
        "Extra conditionals with guards",
    ] {
        assert!(text.contains(&heading), "{heading}: {text:?}");
    }
    assert!(!text.iter().any(|t| t.contains("First!")), "{text:?}");
}

#[test]
fn a_page_that_opens_on_a_short_list_keeps_it() {
    let said = "<p>These targets are cross-compiled. To build them, a recent version of the \
                vendor's tools is required on the build machine, and the standard library \
                must be built from source for each of them.</p>"
        .repeat(3);
    let page = format!(
        "<html><head><title>Watch targets</title></head><body><main>\
         <h1>Watch targets</h1><ul><li><a href=\"/\">Home</a></li><li><a href=\"/b\">\
         Book</a></li></ul><ul><li>arm64_32-apple-watchos</li><li>armv7k-apple-watchos\
         </li></ul><p>Tier: 3</p><p>Watch targets:</p><ul><li>Watch on Arm v7k</li>\
         <li>Watch Simulator on arm64</li></ul><h2>Requirements</h2>{said}</main></body>\
         </html>"
    );
    let article = structure(&page);
    let shown = shown(&article);
    for kept in [
        "arm64_32-apple-watchos",
        "Tier: 3",
        "Watch targets:",
        "Watch on Arm v7k",
    ] {
        assert!(
            shown.iter().any(|t| t.trim_start_matches("• ") == kept),
            "{kept}: {shown:?}"
        );
    }
    // The links above it are the page's menu.
    assert!(!shown.iter().any(|t| t.contains("Home")), "{shown:?}");
}

#[test]
fn a_buying_guides_item_boxes_all_links_are_kept() {
    let said = "<p>Kettles went on sale this week across the big shops, and a few of the \
                best we tested are cheaper than they have been all year. Here are our \
                picks, from the fastest to boil to the quietest on the counter.</p>"
        .repeat(2);
    let item = |n: usize| {
        format!(
            "<h2>Kettle {n}</h2><p>It boils a litre in {n} minutes and keeps it warm for \
             an hour, which is why it made the list this year.</p>\
             <div class=\"product-box\"><a href=\"/p/{n}\"><img src=\"k.jpg\"></a>\
             <a href=\"/p/{n}\">Kettle {n}, brushed steel (2024 model)</a>\
             <div><a href=\"/p/{n}\">${n}9.99</a></div><a href=\"/buy/{n}\">Buy Now</a></div>"
        )
    };
    let items: String = (1..=3).map(item).collect();
    let page = format!(
        "<html><head><title>Best kettles</title></head><body><article><h1>Best kettles</h1>\
         {said}{items}</article><footer>Copyright 2024.</footer></body></html>"
    );
    let article = structure(&page);
    let shown = shown(&article);
    let all = shown.join("\n");
    for kept in ["Kettle 2, brushed steel (2024 model)", "$29.99", "$39.99"] {
        assert!(all.contains(kept), "{kept}: {shown:?}");
    }
}

#[test]
fn a_grammar_whose_symbols_link_to_their_definitions_is_kept() {
    let said = "<p>A use declaration creates one or more local name bindings synonymous \
                with some other path. Usually a use declaration is used to shorten the path \
                required to refer to a module item, at the top of a module.</p>"
        .repeat(3);
    let grammar = "<div class=\"grammar-container\"><p><a href=\"use.html#g-UseDecl\">\
                   UseDeclaration</a> → use <a href=\"use.html#g-UseTree\">UseTree</a> ;\
                   </p><p><a href=\"use.html#g-UseTree\">UseTree</a> → \
                   <a href=\"../paths.html#g-SimplePath\">SimplePath</a> :: *</p></div>";
    // A grammar whose symbols link within the page itself.
    let production = |name: &str| {
        format!(
            "<p><a href=\"#g-{name}\">{name}</a> → <a href=\"#g-Ident\">IDENTIFIER</a> \
             | <a href=\"#g-Path\">SimplePath</a> | <a href=\"#g-Alias\">UseAlias</a></p>"
        )
    };
    let in_page = format!(
        "<div class=\"grammar-container\">{}{}{}</div>",
        production("UseBound"),
        production("UseRename"),
        production("UseGlob")
    );
    let related = "<div><p><a href=\"https://news.example/a#top\">Moths return to the \
                   lamps</a> <a href=\"/b#c\">A summer of moths</a></p></div>";
    let page = format!(
        "<html><head><title>Use</title></head><body><main><h1>Use declarations</h1>\
         {grammar}{said}{in_page}{said}{related}</main></body></html>"
    );
    let article = structure(&page);
    let text: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
    let kept = |words: &str| text.iter().any(|t| t.contains(words));
    assert!(kept("UseDeclaration → use UseTree ;"), "{text:?}");
    assert!(kept("UseTree → SimplePath :: *"), "{text:?}");
    assert!(
        kept("UseRename → IDENTIFIER | SimplePath | UseAlias"),
        "{text:?}"
    );
    assert!(!kept("A summer of moths"), "{text:?}");
    // The grammar's symbols are words now, with no addresses listed for them.
    assert!(!text.iter().any(|t| t.contains("g-UseTree")), "{text:?}");
}

#[test]
fn a_comment_forms_field_label_is_no_byline() {
    let body = "<p>Moths find their way by the moon, or so the story goes. Researchers \
                have spent decades testing the idea with lamps, nets and patient nights in \
                the field, and the answer is more complicated than anyone expected.</p>"
        .repeat(4);
    let page = format!(
        "<html><head><title>Moths</title></head><body><article><h1>Moths</h1>{body}\
         </article><form id=\"commentform\"><p class=\"comment-form-author\">\
         <label for=\"author\">Name <span class=\"required\">*</span></label>\
         <input id=\"author\" name=\"author\"></p></form></body></html>"
    );
    let article = structure(&page);
    let bylines: Vec<&str> = article
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Byline)
        .map(|b| b.text.as_str())
        .collect();
    assert!(!bylines.contains(&"Name *"), "{bylines:?}");
    // A real byline stays.
    assert!(
        structure(PAGE)
            .blocks
            .iter()
            .any(|b| b.kind == BlockKind::Byline),
        "the byline of an article with no form"
    );
    assert!(is_form_label(&page, "Name *"));
    assert!(!is_form_label(&page, "Ann Example"));
    // A label that names no field is text set by the page: an author, perhaps.
    assert!(!is_form_label(
        "<div><label>Ann Lee</label></div>",
        "Ann Lee"
    ));
    // Unclosed labels by the thousand, a reach that ends inside a character: answered.
    let hostile = format!("{}<label for=x>Näme", "<label for=x>é".repeat(50_000));
    assert!(!is_form_label(&hostile, "Name *"));
}

#[test]
fn link_addresses_are_folded_after_the_text_that_links_them() {
    let page = PAGE.replace(
        "or so the story goes.",
        "or so the <a href=\"https://example.org/moon\">story</a> goes.",
    );
    let article = structure(&page);
    let folded: Vec<(&str, Fold)> = article
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Leftover)
        .map(|b| (b.text.as_str(), b.fold))
        .collect();
    assert_eq!(
        folded,
        [("[1] https://example.org/moon", Fold::LinkAddresses)],
        "{:#?}",
        article.blocks
    );
}

#[test]
fn hostile_entities_and_text_are_sanitized() {
    let page = "<html><body><p>a &#27;]52;c;eA==&#7; b \u{1b}[2J c &#x9b;31m</p></body></html>";
    let article = structure(page);
    for block in &article.blocks {
        assert!(
            !block.text.chars().any(|c| c.is_control()),
            "{:?}",
            block.text
        );
    }
}
