//! The block scan, case by case, and checked against the line-list scan it replaced.

use super::*;

fn kinds(text: &str) -> Vec<(BlockKind, usize, String)> {
    scan(text)
        .iter()
        .map(|r| (r.kind, r.line, r.text()))
        .collect()
}

#[test]
fn page_furniture_is_blanked_and_lines_keep_their_numbers() {
    let text = "   Body text that ends a page.\n\nArends, et al.        Standards Track        [Page 3]\n\nRFC 4033       DNS Security Introduction     March 2005\n\n   Next page text.";
    let got = kinds(text);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1].1, 7);
    assert_eq!(got[1].2, "Next page text.");
}

#[test]
fn short_lines_set_in_by_a_few_spaces_keep_their_lines() {
    // Commands set in by three spaces after the line that introduces them: joined, they read
    // as one command.
    let text = "This program reads the example format\nand writes it out again.\n\nTo build it, type the following:\n\n   ./configure\n   make\n   make install\n\nThen run it with the file to read\nas its only argument.";
    let raws = scan(text);
    assert_eq!(raws[2].kind, BlockKind::Code, "{raws:#?}");
    assert_eq!(raws[2].text(), "   ./configure\n   make\n   make install");
    // Lines of words set in so (a verse, a quotation at a narrow measure) keep their lines
    // too, and turn over on a screen narrower than they are.
    let quote = "  The council met on Monday to discuss the new\n  budget, and the debate ran late into the night,\n  until the chair called time at last.";
    let text =
        format!("She wrote to the council\nthe day after.\n\n{quote}\n\nThen she left\nfor home.");
    let raws = scan(&text);
    assert!(
        raws[1].kind == BlockKind::Code && raws[1].turn_over,
        "{raws:#?}"
    );
    // A quotation set in so and wrapped at a prose measure flows as a passage, as before.
    let quote = "  The council met on Monday to discuss the new budget, and the\n  debate ran late into the night, until the chair called time.";
    let text =
        format!("She wrote to the council\nthe day after.\n\n{quote}\n\nThen she left\nfor home.");
    let raws = scan(&text);
    assert_eq!(raws[1].kind, BlockKind::Paragraph, "{raws:#?}");
    // Set in by one space only, short lines are a paragraph's as before.
    let raws =
        scan("The first part\nof the text.\n\n one two\n three four\n\nThe end\nof the text.");
    assert_ne!(raws[1].kind, BlockKind::Code, "{raws:#?}");
}

#[test]
fn boxed_text_is_opened_and_its_heading_found() {
    let text = "****************************************\n*                                      *\n*  6. Disclaimer of Warranty           *\n*  -------------------------           *\n*                                      *\n*  Covered Software is provided as is. *\n****************************************";
    let raws = scan(text);
    assert_eq!(raws[0].kind, BlockKind::Heading);
    assert_eq!(raws[0].text(), "6. Disclaimer of Warranty");
    assert_eq!(raws[0].line, 3);
    assert_eq!(raws[1].text(), "Covered Software is provided as is.");
}

#[test]
fn fenced_code_hides_hash_lines_and_keeps_lines() {
    let raws = scan("Intro.\n\n```sh\n# not a heading\nls -l\n```\n\n# Real heading");
    assert_eq!(raws[1].kind, BlockKind::Code);
    assert_eq!(raws[1].text(), "# not a heading\nls -l");
    assert_eq!(raws[2].kind, BlockKind::Heading);
    assert_eq!(raws[2].line, 8);
}

#[test]
fn setext_and_rst_headings() {
    let raws =
        scan("Title\n=====\n\nIntro text here.\n\n=======\nSection\n=======\n\nSub\n---\ntext");
    let headings: Vec<(String, usize)> = raws
        .iter()
        .filter(|r| r.kind == BlockKind::Heading)
        .map(|r| (r.text(), r.line))
        .collect();
    assert_eq!(
        headings,
        vec![
            ("Title".into(), 1),
            ("Section".into(), 7),
            ("Sub".into(), 10)
        ]
    );
}

#[test]
fn a_long_title_underlined_to_its_full_width_is_a_heading_not_a_fence() {
    let title = "ImportError: cannot import name 'DEFAULT_CIPHERS' from 'urllib3.util.ssl_' in an old release of the library";
    let under = "~".repeat(title.chars().count());
    let text = format!(
        "Upgrading\n=========\n\nSome text.\n\n{title}\n{under}\n\nPin the old version.\n\nNext issue\n~~~~~~~~~~\n\nMore text.\n"
    );
    let raws = scan(&text);
    let headings: Vec<usize> = raws
        .iter()
        .filter(|r| r.kind == BlockKind::Heading)
        .map(|r| r.line)
        .collect();
    assert_eq!(headings, vec![1, 6, 11], "{raws:#?}");
    // What follows is text, not the inside of a code fence.
    assert!(
        raws.iter()
            .any(|r| r.text() == "More text." && r.kind == BlockKind::Paragraph)
    );
    // A long line under a short rule of tildes is still no heading.
    let text = format!("Intro.\n\n{title}\n~~~~~~~~~~\n\nMore text.\n");
    assert!(scan(&text).iter().all(|r| r.kind != BlockKind::Heading));
}

#[test]
fn lists_quotes_and_indented_code() {
    let text = "Some text:\n\n- first item\n  continues\n- second item\n\n1. one\n2. two\n\n> quoted line\n> more\n\n    let x = 1;\n    let y = 2;";
    let got: Vec<BlockKind> = scan(text).iter().map(|r| r.kind).collect();
    use BlockKind::*;
    assert_eq!(
        got,
        vec![
            Paragraph, ListItem, ListItem, ListItem, ListItem, Quote, Code
        ]
    );
    assert_eq!(scan(text)[1].text(), "- first item continues");
}

#[test]
fn a_numbered_item_with_a_hanging_indent_stays_whole() {
    let raws = scan(
        "1. When applying the guideline would make the code less readable, even\n   for someone who is used to reading code that follows this PEP.\n",
    );
    assert_eq!(raws.len(), 1);
    assert_eq!(raws[0].line_count(), 2);
}

#[test]
fn lines_of_fields_keep_their_lines() {
    let raws = scan(
        "Some opening text of the page.\n\nPosted: Fri 6:45 PM, Feb 16, 2018 |\nUpdated: Sat 8:31 PM, Feb 17, 2018\n\nWordcount: 717\nTags: ads, news\n",
    );
    assert_eq!(raws[1].kind, BlockKind::Code, "{raws:#?}");
    assert_eq!(raws[1].line_count(), 2);
    assert_eq!(raws[2].kind, BlockKind::Code, "{raws:#?}");
    // A sentence with a colon in it, wrapped, is still a paragraph.
    let raws = scan("Note: the council met on Monday and\nagreed on the budget for next year.\n");
    assert_eq!(raws[0].kind, BlockKind::Paragraph, "{raws:#?}");
    // So is a line ending in a colon over the sentence it leads into.
    let raws = scan("Before you start:\nread the whole of this page first.\n");
    assert_eq!(raws[0].kind, BlockKind::Paragraph, "{raws:#?}");
}

#[test]
fn a_stanza_of_fields_with_values_on_lines_of_their_own_keeps_its_lines() {
    // A machine-readable copyright file: each stanza names files, holders and a licence.
    let raws = scan(
        "Files: *\nCopyright:\n 2012 Canonical Ltd\n 2008-2011 Johan Dahlin\nLicense: GPL-2+\n\nFiles:\n girepository/*.c\n tools/compiler.c\nCopyright:\n 2018 Christoph Reiter\nLicense: LGPL-2+\n",
    );
    assert_eq!(raws.len(), 2, "{raws:#?}");
    for raw in &raws {
        assert_eq!(raw.kind, BlockKind::Code, "{raws:#?}");
    }
    assert_eq!(raws[1].line_count(), 6);
}

#[test]
fn numbered_items_that_hang_their_lines_interrupt_the_paragraph_above() {
    // A licence's conditions: the list starts right under the sentence that leads into it.
    let raws = scan(
        "Redistribution and use are permitted provided that the following conditions\nare met:\n1. Redistributions of source code must retain the above copyright\n   notice, this list of conditions and the following disclaimer.\n2. Neither the name of the author nor the names of its contributors\n   may be used to endorse products.\n",
    );
    let kinds: Vec<BlockKind> = raws.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        vec![
            BlockKind::Paragraph,
            BlockKind::ListItem,
            BlockKind::ListItem
        ],
        "{raws:#?}"
    );
    assert_eq!(raws[1].line_count(), 2);
    // A wrapped sentence whose line happens to start with a number does not hang its next
    // line, and stays one paragraph.
    let raws = scan(
        "The committee met on the first of May and agreed on the budget for\n2. That was the second item on a list nobody\nhad read before the meeting began.\n",
    );
    assert_eq!(raws.len(), 1, "{raws:#?}");
}

#[test]
fn hash_lines_inside_an_indented_example_are_not_headings() {
    let raws = scan(
        "Example::\n\n   # Correct:\n\n   # Aligned with opening delimiter.\n   foo = bar(a,\n             b)\n\nIntro.\n\n  ## Real heading\n\nText.",
    );
    let headings: Vec<String> = raws
        .iter()
        .filter(|r| r.kind == BlockKind::Heading)
        .map(Raw::text)
        .collect();
    assert_eq!(headings, vec!["Real heading".to_string()]);
}

#[test]
fn a_numbered_term_over_its_definition_stands_alone() {
    let raws = scan("1.1. \"Contributor\"\n    means each individual.\n");
    assert_eq!(raws.len(), 2);
    assert_eq!(raws[0].text(), "1.1. \"Contributor\"");
}

/// Each block as (kind, first line number, its lines, its text).
fn blocks(text: &str) -> Vec<(BlockKind, usize, Vec<&str>, String)> {
    scan(text)
        .iter()
        .map(|r| (r.kind, r.line, r.lines().collect(), r.text()))
        .collect()
}

#[test]
fn quote_lines_lose_their_markers_and_keep_their_number() {
    let got = blocks("Intro.\n\n> first said\n>second\n>\n  > third\nAfter.");
    assert_eq!(got[1].0, BlockKind::Quote);
    assert_eq!(got[1].1, 3);
    assert_eq!(got[1].2, vec!["first said", "second", "", "third"]);
    assert_eq!(got[1].3, "first said second third");
    assert_eq!((got[2].0, got[2].1), (BlockKind::Paragraph, 7));
    assert_eq!(got[2].3, "After.");
}

#[test]
fn boxed_lines_are_read_opened_in_every_block_kind() {
    let text = "*  > a quotation inside a box         *\n*  > that runs on                     *\n\n|  - an item drawn in a box          |";
    let got = blocks(text);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].0, BlockKind::Quote);
    assert_eq!(got[0].2, vec!["a quotation inside a box", "that runs on"]);
    assert_eq!(got[1].0, BlockKind::ListItem);
    assert_eq!(got[1].3, "- an item drawn in a box");
}

#[test]
fn fenced_code_leaves_out_trailing_blank_lines_but_keeps_inner_ones() {
    let text = "```\nfirst\n\n  second\n\n   \n```\nafter\n\n~~~\n\n\n~~~\n\n```\nnever closed\n\n";
    let got = blocks(text);
    assert_eq!(got[0].0, BlockKind::Code);
    assert_eq!(got[0].1, 1, "a fenced block starts at its fence");
    assert_eq!(got[0].2, vec!["first", "", "  second"]);
    assert_eq!(got[0].3, "first\n\n  second");
    assert_eq!((got[1].1, got[1].3.as_str()), (8, "after"));
    // The blank block between the tildes makes no block at all.
    assert_eq!(got[2].0, BlockKind::Code);
    assert_eq!(got[2].3, "never closed");
    assert_eq!(got.len(), 3, "{got:?}");
}

#[test]
fn carriage_returns_left_at_line_ends_are_trailing_space() {
    let got = blocks(
        "Title line\r\n=====\r\n\r\nSome text\r\nwrapped here.\r\n\r\n    code\r\n    more\r\n",
    );
    assert_eq!(got[0].0, BlockKind::Heading);
    assert_eq!(got[0].3, "Title line");
    assert_eq!(got[1].2, vec!["Some text", "wrapped here."]);
    assert_eq!(got[2].0, BlockKind::Code);
    assert_eq!(got[2].3, "    code\n    more");
}

#[test]
fn furniture_between_two_paragraphs_splits_them_and_appears_in_neither() {
    let text = "   End of a page of text\n   that goes on.\nArends, et al.        Standards Track        [Page 3]\nRFC 4033       DNS Security Introduction     March 2005\n   Next page text\n   and more.";
    let got = blocks(text);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].3, "End of a page of text that goes on.");
    assert_eq!(got[1].1, 5);
    assert_eq!(got[1].2, vec!["   Next page text", "   and more."]);
}

#[test]
fn a_million_short_lines_are_one_block_without_a_list_of_them() {
    let text = "word\n".repeat(1_000_000);
    let raws = scan(&text);
    assert_eq!(raws.len(), 1);
    assert_eq!(raws[0].line_count(), 1_000_000);
    assert_eq!(raws[0].text().len(), "word ".len() * 1_000_000 - 1);
}

/// Lines that exercise every rule of the scan: blanks, fences, headings of each form, quotes,
/// list items, rules, indents, columns, boxes, page furniture, Aozora notes, stray '\r'.
const LINE_SHAPES: &[&str] = &[
    "",
    "   ",
    "Plain words of a sentence.",
    "Short Title",
    "CHAPTER IV",
    "  indented text",
    "      deeply indented text",
    "> quoted words",
    ">",
    "   > indented quote",
    "```",
    "```rust",
    "~~~~",
    "    ```",
    "# Heading",
    "## Heading ##",
    "   # indented hash",
    "#nospace",
    "=====",
    "-----",
    "~~~",
    "* * *",
    "- item",
    "* starred item",
    "o  rfc bullet",
    "1. first",
    "2) second",
    "1.1. \"Term\"",
    "    means this.",
    "a   b   c",
    "| col | col |",
    "+-----+-----+",
    "*  text drawn inside a box  *",
    "********************",
    "####################",
    "|  > a quote in a box          |",
    "Arends, et al.        Standards Track        [Page 3]",
    "RFC 4033       DNS Security     March 2005",
    "line ending in a return\r",
    "Write it as follows::",
    ".. code-block:: python",
    ".. note::",
    "   :class: good",
    "   1.  Introduction . . . . . . . .   2",
    "     2.1.  Names and Values . . .   4",
    "   Authors' Addresses",
    "｜銀河《ぎんが》［＃「銀河」は中見出し］",
    "［＃大見出し］第一部［＃大見出し終わり］",
    "\u{3000}話はここから始まる。",
    "\u{3000}\u{3000}\u{3000}\u{3000}詩の一行",
    "続きの行。",
];

proptest::proptest! {
    // Failures are kept with the tests, not at the top of the repository.
    #![proptest_config(proptest::prelude::ProptestConfig {
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::SourceParallel(
                "tests/proptest-regressions"
            )
        )),
        ..proptest::prelude::ProptestConfig::with_cases(2000)
    })]

    #[test]
    fn the_cursor_scan_means_what_the_line_list_scan_meant(
        picks in proptest::collection::vec(0..LINE_SHAPES.len(), 0..40),
        trailing_newline in proptest::bool::ANY,
    ) {
        let mut text = picks.iter().map(|&i| LINE_SHAPES[i]).collect::<Vec<_>>().join("\n");
        if trailing_newline {
            text.push('\n');
        }
        let got: Vec<_> = scan(&text)
            .iter()
            .map(|r| (r.kind, r.line, r.form, r.set_in, r.lines().collect::<Vec<_>>(), r.text()))
            .collect();
        let want: Vec<_> = reference::scan(&text)
            .iter()
            .map(|r| (r.kind, r.line, r.form, r.set_in, r.lines.clone(), r.text()))
            .collect();
        proptest::prop_assert_eq!(got, want, "text: {:?}", text);
    }
}

#[test]
fn rst_literal_blocks_and_code_directives_keep_their_lines() {
    let text = "Write it as follows::\n\n    Title\n    =====\n\n    # not a heading\n\nA paragraph after it.\n\n.. code-block:: python\n   :class: good\n\n   # Correct:\n   x = 1\n\n.. note::\n\n   A note is prose.\n";
    let got = kinds(text);
    let code: Vec<&str> = got
        .iter()
        .filter(|k| k.0 == BlockKind::Code)
        .map(|k| k.2.as_str())
        .collect();
    assert_eq!(
        code,
        [
            "    Title\n    =====",
            "    # not a heading",
            ".. code-block:: python\n   :class: good",
            "   # Correct:\n   x = 1",
            ".. note::"
        ],
        "{got:?}"
    );
    assert!(got.iter().all(|k| k.0 != BlockKind::Heading), "{got:?}");
    let prose: Vec<&str> = got
        .iter()
        .filter(|k| k.0 == BlockKind::Paragraph)
        .map(|k| k.2.as_str())
        .collect();
    assert_eq!(
        prose,
        [
            "Write it as follows::",
            "A paragraph after it.",
            "A note is prose."
        ]
    );
}

#[test]
fn a_table_of_contents_keeps_one_entry_a_line() {
    // Paginated, with page numbers at the right.
    let paged = "Table of Contents\n\n   1.  Introduction . . . . . . . . . . . . . . . . . .   2\n   2.  Terms  . . . . . . . . . . . . . . . . . . . . . .   3\n       2.1.  Names and Values . . . . . . . . . . . . . .   4\n   3.  Security Considerations  . . . . . . . . . . . .   5\n\n1.  Introduction\n\n   The text begins here.\n";
    let got = kinds(paged);
    assert_eq!(got[1].0, BlockKind::Code, "{got:?}");
    assert_eq!(got[1].2.lines().count(), 4, "{got:?}");
    assert!(got[1].2.lines().nth(2).is_some_and(|l| l.ends_with("   4")));
    // Unpaginated (an RFCXML v3 text): numbers alone, a wrapped title, unnumbered entries.
    let unpaged = "Table of Contents\n\n   1.  Introduction\n     1.1.  Motivation, Prior Work, and Scope\n   2.  The Specification\n     2.1.  Comments on the Long Title That Goes On and On and\n           Wraps\n   Acknowledgments\n   Authors' Addresses\n\n1.  Introduction\n\n   The text begins here.\n";
    let got = kinds(unpaged);
    assert_eq!(got[1].0, BlockKind::Code, "{got:?}");
    assert_eq!(got[1].2.lines().count(), 7, "{got:?}");
    // A numbered list of sentences is no table of contents.
    let list = "Steps:\n\n1. Open the box.\n2. Take out the parts.\n3. Read the sheet.\n";
    assert!(
        kinds(list).iter().all(|k| k.0 != BlockKind::Code),
        "{:?}",
        kinds(list)
    );
}

/// `count` lines of prose, each a paragraph of its own, of widths that vary as sentences do.
fn unwrapped_lines(count: usize) -> String {
    (0..count)
        .map(|i| {
            let sentence = "The clerk read the notice aloud and the room went quiet. ";
            let aside = "and then ".repeat(i % 7);
            format!("{}{aside}Line {i} ends here.\n", sentence.repeat(1 + i % 4))
        })
        .collect()
}

#[test]
fn a_text_never_hard_wrapped_has_a_paragraph_per_line() {
    let text = unwrapped_lines(30);
    let got = kinds(&text);
    assert_eq!(got.len(), 30, "{got:?}");
    assert!(got.iter().all(|(kind, _, _)| *kind == BlockKind::Paragraph));
    assert!(got[7].2.ends_with("Line 7 ends here."), "{:?}", got[7]);
}

#[test]
fn a_text_wrapped_wide_still_joins_its_lines() {
    // Wrapped at 110 columns: long lines, but a crowd of them of the same width.
    let words = "word ".repeat(22);
    let paragraph = format!(
        "{}\n{}\n{}\nend.\n",
        words.trim_end(),
        words.trim_end(),
        words
    );
    let text: String = (0..10)
        .map(|_| paragraph.as_str())
        .collect::<Vec<_>>()
        .join("");
    assert!(!is_unwrapped(&text, 40));
    // Lines with no blank between them are one paragraph.
    assert_eq!(kinds(&text).len(), 1);
}

#[test]
fn a_wrapped_text_with_a_few_long_addresses_keeps_its_paragraphs() {
    let mut text = String::new();
    for i in 0..20 {
        text.push_str("A paragraph of prose wrapped at the usual width of seventy\n");
        text.push_str("columns, as plain-text books and mail are.\n");
        if i % 5 == 0 {
            text.push_str(&format!("https://example.org/{}\n", "segment/".repeat(14)));
        }
        text.push('\n');
    }
    assert_eq!(kinds(&text).len(), 20);
}

#[test]
fn long_rows_of_a_table_do_not_make_a_text_unwrapped() {
    let text: String = (0..40)
        .map(|i| {
            let pad = " ".repeat(30 + i % 9);
            let name = "a sample name ".repeat(1 + i % 5);
            format!(
                "{:04X}{pad}; category-{}     # {name}\n",
                0x1F600 + i,
                i % 3
            )
        })
        .collect();
    let filled = text.lines().count();
    assert!(!is_unwrapped(&text, filled));
}

/// A book's body at the margin, around a block set in by hand.
fn set_in_a_book(block: &str) -> Vec<(BlockKind, usize, String)> {
    let body = "The keeper climbed down from the lamp room when the light was lit, and sat\n\
                a while by the stove before he opened the letter that had come that day.";
    kinds(&format!("{body}\n\n{block}\n\n{body}"))
}

#[test]
fn a_passage_of_wrapped_prose_set_in_is_a_paragraph_that_flows_set_in() {
    // Its text, and whether it was read as a passage, through the scan.
    let body = "The keeper climbed down from the lamp room when the light was lit, and \
                sat\na while by the stove before he opened the letter that had come that day.";
    let passage = |block: &str| {
        let text = format!("{body}\n\n{block}\n\n{body}");
        let raws = scan(&text);
        assert_eq!(raws.len(), 3, "{block:?}");
        assert_eq!(raws[1].kind, BlockKind::Paragraph, "{block:?}");
        (raws[1].passage, raws[1].text())
    };
    // A letter set in five spaces, wrapped at about seventy columns, a first-line indent.
    let letter = "       My dear brother, the winter has been long on the island, and the\n     \
                  supply boat came only twice since the autumn storms; we have kept the\n     \
                  lamp burning every night all the same, as you would have wished.";
    let (is_passage, text) = passage(letter);
    assert!(is_passage);
    assert!(text.starts_with("My dear brother, the winter"), "{text:?}");
    assert!(!text.contains('\n'), "its lines flow: {text:?}");
    assert!(text.ends_with("as you would have wished."), "{text:?}");
    // Structured, it is set in from both edges of its lines, as the source sets it.
    let doc =
        crate::document::Document::from_text(&format!("{body}\n\n{letter}\n\n{body}"), "l.txt");
    let block = doc
        .blocks
        .iter()
        .find(|b| b.text.starts_with("My dear"))
        .unwrap();
    assert!(
        block.placement.first > 0 && block.placement.rest > 0,
        "{block:?}"
    );
    // A footnote of two lines, as an edition sets them under a paragraph.
    let note = "     (*) The keeper's brother, who had served on the Northern Lights tender\n     \
                until the year the new lighthouse was built on the far headland.";
    assert!(passage(note).0);
    // A disclaimer all in capitals.
    let notice = "    THE KEEPER'S ASSOCIATION IS NOT A SHIPPING LINE AND DOES NOT PROVIDE\n    \
                  PASSAGE. READING THIS NOTICE DOES NOT MAKE YOU A PASSENGER OF ANY KIND\n    \
                  ON ANY VESSEL.";
    assert!(passage(notice).0);
}

#[test]
fn verse_code_and_tables_set_in_keep_their_lines() {
    let cases = [
        // A couplet of long lines, each starting with a capital.
        "     \"Forgive his crimes, forgive his virtues too, and all his many faults,\n     \
         Those smaller faults, half converts to the right, that live in all.\"",
        // Verse whose sentence runs on across lines in lower case, a long line turned over
        // deeper.
        "     Thou art not gone being gone, where'er thou art, and where I go,\n      \
         Thou leav'st in him thy watchful eyes, in him thy watchful heart and\n        \
         loving mind, that follows after thee through every land and sea.",
        // Short lines: a stanza.
        "     Fountain-heads and pathless groves,\n     Places which pale passion loves,\n     \
         and moonlight walks, when all the fowls",
        // Code in a plain-text manual.
        "     for (i = 0; i < count; i++) { total += weights[i] * values[i]; }\n     \
         if (total > limit) { report(total, limit, \"over the limit\"); return -1; }\n     \
         else { return total; /* within the limit, as expected */ }",
        // A table.
        "     Name          Type     Meaning of the field in the record\n     \
         TTL           int      how long the record may be kept in a cache",
        // A hex dump: full lines of letters and digits, columns two spaces apart.
        "     0000000: 1f8b 0808 39d7 173b 0203 7474 002b 4e49  ....9..;..tt.+NI\n     \
         0000010: 4b2c 8660 eb9c ecac c462 eb94 345e 2e30  K,.`.....b..4^.0",
        // A help file's tag far right over the example it opens.
        "                                                  *keeper-settings*\n     \
         lamp wick trimmed nightly and the lens cleaned of salt",
    ];
    for block in cases {
        let got = set_in_a_book(block);
        assert_eq!(got[1].0, BlockKind::Code, "{block:?}: {got:?}");
        assert_eq!(got[1].2.lines().count(), block.lines().count(), "{got:?}");
    }
}

#[test]
fn verse_set_in_turns_over_and_code_and_tables_are_cut() {
    let body = "The keeper climbed down from the lamp room when the light was lit, and sat\n\
                a while by the stove before he opened the letter that had come that day.";
    let set_in = |block: &str| {
        let text = format!("{body}\n\n{block}\n\n{body}");
        let raws = scan(&text);
        assert_eq!(raws[1].kind, BlockKind::Code, "{block:?}");
        raws[1].turn_over
    };
    assert!(set_in(
        "     Fountain-heads and pathless groves,\n     Places which pale passion loves,\n     \
         Moonlight walks, when all the fowls\n     Are safely housed, save bats and owls."
    ));
    assert!(!set_in(
        "     for (i = 0; i < count; i++) { total += weights[i]; }\n     return total;"
    ));
    assert!(!set_in(
        "     Name          Type     Meaning\n     TTL           int      how long it is kept"
    ));
    assert!(!set_in(
        "     +--------+     +--------+\n     | client | --> | server |"
    ));
}

#[test]
fn the_items_of_a_list_a_sentence_introduces_keep_their_lines() {
    let list = "Foods to avoid:\n\nalcohol in any form\nsugar in any form (or the day's other foods must give way)\nstarchy vegetables (potatoes, corn)\npastry";
    let raws = scan(list);
    assert_eq!(raws[1].kind, BlockKind::Code, "kept as lines");
    assert!(raws[1].turn_over, "words that turn over on a narrow screen");
    // Platforms, one a line, set in under "tested on:".
    let platforms = "It has been tested on:\n\n        AIX (5.1 and 5.3, using cc and gcc)\n        Cygwin (1.5.21 on Windows/XP)\n        FreeBSD (6.0)\n        HPUX (10.20, 11.00, 11.11 and 11.23, using cc and gcc)";
    assert_eq!(scan(platforms)[1].kind, BlockKind::Code);
}

#[test]
fn after_a_colon_wrapped_prose_a_trail_of_links_or_buttons_are_not_a_list() {
    // What is said after "said:", wrapped at a measure counted in bytes (the curly quote is
    // three), the next line's first word fitting exactly: a paragraph, which flows.
    let speech = "She turned to him and said:\n\n\u{201c}Did you not think, Mr. Darcy, that I expressed myself uncommonly\nwell just now, when I was teasing Colonel Forster to give us a ball at\nMeryton?\u{201d}";
    assert_eq!(scan(speech)[1].kind, BlockKind::Paragraph);
    // Wrapped prose with one line cut short by hand.
    let prose = "Consider this:\n\nAssume a carpenter builds a cupboard having a single drawer. The cupboard is\nfinished, and a customer, buying the cupboard, finds that the cupboard can be\nused as expected. Satisfied with the cupboard, the customer asks the carpenter\nto build another cupboard, this time having two\ndrawers. When the second cupboard is finished, the customer takes it home and\nis utterly amazed when it collapses.";
    assert_eq!(scan(prose)[1].kind, BlockKind::Paragraph);
    let trail = "You are at:\n\nHome\nFact Check\nIs An Oxygen Bar In Delhi Offering Fresh Air?";
    assert_eq!(scan(trail)[1].kind, BlockKind::Paragraph);
    let buttons = "Share this:\n\nFacebook\nTwitter\nEmail";
    assert_eq!(scan(buttons)[1].kind, BlockKind::Paragraph);
    // Without the colon, short lines in capitals may be a menu: they are left to the
    // furniture rules.
    let no_colon = "Latest News\n\nNews\nSport\nCulture\nWeather";
    assert_eq!(scan(no_colon)[1].kind, BlockKind::Paragraph);
}

#[test]
fn short_lines_each_opening_in_a_small_letter_are_a_list_colon_or_not() {
    let list = "Foods to limit\n\ncabbage\ncourgette\npeas\ntomatoes\nsour cream (a light one) and a few others.";
    assert_eq!(scan(list)[1].kind, BlockKind::Code);
    let imports = "    import asyncio\n    import unittest\n    from unittest.mock import Mock, MagicMock, AsyncMock, patch";
    assert_eq!(scan(imports)[0].kind, BlockKind::Code);
    // Wrapped prose whose lines open in small letters, cut short here and there: its lines
    // are long, and it flows.
    let prose = "streambuf::setg is used to inform the streambuf base class of the\nsize and location of the input buffer, so that it is able to set up its input\nbuffer pointers accordingly. This ensures that\nstreambuf::eback,  streambuf::gptr, and\nstreambuf::egptr return correct values.";
    assert_eq!(scan(prose)[0].kind, BlockKind::Paragraph);
}

#[test]
fn prose_is_unwrapped_when_long_lines_of_every_width_hold_the_text() {
    let paragraph = |words: usize| vec!["word"; words].join(" ");
    // Paragraphs of 30 to 80 words on a line each, blank lines between, a menu's short lines.
    let page: String = (0..6)
        .map(|n| format!("Menu\n\n{}\n\n", paragraph(30 + n * 10)))
        .collect();
    assert!(prose_is_unwrapped(&page));
    // Wrapped at 132 columns: long lines, but all of about one width.
    let wide = textwrap::fill(&paragraph(400), 132);
    assert!(!prose_is_unwrapped(&wide));
    // Wrapped at 72: nothing past a wrap.
    assert!(!prose_is_unwrapped(&textwrap::fill(&paragraph(400), 72)));
    // Two long lines are no habit.
    let two = format!("{}\n\n{}\n\nshort\n", paragraph(40), paragraph(60));
    assert!(!prose_is_unwrapped(&two));
    // A page whose menus and footer links far outweigh its article: short lines say nothing
    // of how prose is wrapped, however many there are.
    let menus: String = (0..150).map(|n| format!("Section {n}\n")).collect();
    let article: String = (0..3)
        .map(|n| format!("{}\n\n", paragraph(30 + n * 12)))
        .collect();
    assert!(prose_is_unwrapped(&format!("{menus}\n{article}{menus}")));
    // The same menus around prose wrapped at 72 columns.
    let wrapped = textwrap::fill(&paragraph(400), 72);
    assert!(!prose_is_unwrapped(&format!(
        "{menus}\n{wrapped}\n\n{menus}"
    )));
}

#[test]
fn an_interactive_python_session_is_kept_as_typed_not_read_as_quotation() {
    let session = ">>> total = add(2, 3)\n>>> total\n5\n>>> def double(x):\n...     return 2 * x\n...\n>>> double(total)\n10";
    let text = format!("The function adds two numbers:\n\n{session}\n\nIt works on floats too.\n");
    let got = kinds(&text);
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[1].0, BlockKind::Code, "{got:?}");
    assert_eq!(got[1].2, session, "every prompt and answer kept");
    // The session set in under a directive keeps its lines too.
    let set_in = "   >>> import re\n   >>> re.split(r'\\W+', 'a, b')\n   ['a', 'b']";
    let got = kinds(&format!("For example::\n\n{set_in}\n"));
    assert!(
        got.iter()
            .any(|(kind, _, text)| *kind == BlockKind::Code && text.contains("import re\n")),
        "{got:?}"
    );
    // A reply quoted three deep is prose after its marks, and stays a quotation.
    let mail = ">>> I think we should meet on Monday and go over the plan.\n>>> Tuesday would do as well, if that suits you better.";
    let got = kinds(&format!("{mail}\n\nAgreed.\n"));
    assert_eq!(got[0].0, BlockKind::Quote, "{got:?}");
}
