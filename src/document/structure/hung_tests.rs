//! Lines that stand over a body set deeper than they are: a manual page's sections and
//! options as `man` lays them out in plain text, a speaker's first line over a speech set in,
//! and what must stay joined however it is indented (a hanging-indent entry, code).

use super::*;

/// The blocks alone.
fn structure(text: &str) -> Vec<Block> {
    super::structure(text, Ruby::default()).0
}

fn headings(blocks: &[Block]) -> Vec<(u8, &str)> {
    blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
        .map(|b| (b.level, b.text.as_str()))
        .collect()
}

fn block<'a>(blocks: &'a [Block], starting: &str) -> &'a Block {
    blocks
        .iter()
        .find(|b| b.text.starts_with(starting))
        .unwrap_or_else(|| panic!("no block starts {starting:?}: {blocks:#?}"))
}

/// A manual page for a made-up command, as `man` writes it to a file: sections at the
/// margin, subsections three columns in, the body seven, options' descriptions fourteen.
const MANUAL_PAGE: &str = "\
FROB(1)                      User Commands                     FROB(1)

NAME
       frob - turn widgets into gadgets

SYNOPSIS
       frob [OPTION]... [FILE]...

DESCRIPTION
       Frob reads each FILE and writes its widgets out as gadgets, one gadget
       to a line, in the order in which the widgets were found in the file.

OPTIONS
   Selection
       -a, --all
              turn every widget, the hidden ones too

       -n NUMBER
              stop after NUMBER widgets have been turned, and say how many
              were left unturned.

   Output
       -q     say nothing of what was turned, and nothing of what was not

EXIT STATUS
       Frob exits with 0 when every widget was turned, and 1 otherwise.
";

#[test]
fn a_manual_page_has_its_sections_and_subsections_as_headings() {
    let blocks = structure(MANUAL_PAGE);
    assert_eq!(
        headings(&blocks),
        [
            (2, "NAME"),
            (2, "SYNOPSIS"),
            (2, "DESCRIPTION"),
            (2, "OPTIONS"),
            (3, "Selection"),
            (3, "Output"),
            (2, "EXIT STATUS"),
        ],
        "{blocks:#?}"
    );
    // Each section's first line is its own, not run on after the heading's word.
    assert_eq!(
        block(&blocks, "frob - ").text,
        "frob - turn widgets into gadgets"
    );
    assert_eq!(block(&blocks, "frob [").text, "frob [OPTION]... [FILE]...");
}

#[test]
fn an_option_stands_over_its_description_set_close_under_it() {
    let blocks = structure(MANUAL_PAGE);
    let option = block(&blocks, "-a, --all");
    assert_eq!(option.text, "-a, --all", "{blocks:#?}");
    let index = blocks.iter().position(|b| b.text == "-a, --all");
    let description = index.and_then(|i| blocks.get(i + 1));
    assert!(
        description
            .is_some_and(|d| d.text.trim() == "turn every widget, the hidden ones too" && d.tight),
        "{blocks:#?}"
    );
    // A description flows, set in, whatever option names it holds: one line, or lines
    // wrapped at a measure.
    let described = block(&blocks, "stop after NUMBER");
    assert_eq!(described.kind, BlockKind::Paragraph, "{described:#?}");
    assert!(
        described.placement.rest > 0 && described.tight,
        "{described:#?}"
    );
    // An option set on the line of its description ("-q     say nothing…") keeps them
    // together: the description hangs from the tag.
    assert!(
        block(&blocks, "-q").text.contains("say nothing"),
        "{blocks:#?}"
    );
}

#[test]
fn a_speakers_first_line_stands_over_the_verse_set_in_under_it() {
    let text = "\
_Gon._ Here is the shore, and the ship that bore us here:
            The wind is down, the sea is still,
            And what was lost is found again                       40
            On this bare island, in the sun.

_Ant._ So it is, and so it was.
";
    let blocks = structure(text);
    let first = block(&blocks, "_Gon._");
    assert_eq!(
        first.text, "_Gon._ Here is the shore, and the ship that bore us here:",
        "{blocks:#?}"
    );
    let verse = block(&blocks, "            The wind");
    assert_eq!(verse.kind, BlockKind::Code, "{blocks:#?}");
    assert!(verse.tight && verse.text.lines().count() == 3, "{verse:#?}");
    // Its number in the margin is no column: a line too long for the screen turns over.
    assert!(verse.placement.turn_over, "{verse:#?}");
    // Two lines, the first numbered, stay lines: the number does not run into the next.
    let text = "\
_Cer._ Who comes?

_Iris._ A contract of true love to celebrate;
    And some donation freely to estate                              85
    On the blest lovers.
";
    let blocks = structure(text);
    let verse = block(&blocks, "    And some");
    assert_eq!(verse.kind, BlockKind::Code, "{blocks:#?}");
}

#[test]
fn a_filled_first_line_hangs_its_paragraph_and_an_open_bracket_its_code() {
    // A bibliography's entry fills its first line and hangs the rest: one paragraph.
    let entry = "\
Smith, Jane and Robert Brown. The Turning of Widgets: A History
    of Gadgets in the Long Nineteenth Century. Oxford, 1998.
";
    let blocks = structure(entry);
    assert_eq!(blocks.len(), 1, "{blocks:#?}");
    // Code that opens a bracket goes on under it, its closing line lost to a page break.
    let code = "\
The structure is:

   Info ::= SEQUENCE {
     keyInfo          KeySpecificInfo,
     partyInfo    [0] OCTET STRING OPTIONAL,
";
    let blocks = structure(code);
    assert!(
        blocks
            .iter()
            .any(|b| b.text.contains("SEQUENCE {") && b.text.contains("keyInfo")),
        "{blocks:#?}"
    );
}

#[test]
fn a_heading_at_the_margin_between_two_sentences_set_in_is_no_running_head() {
    // At the margin, seven columns short of the text on both sides: a section, though the
    // text before it ends without a stop and the text after opens in lower case.
    let text = "\
WIDGET(1)                General Commands                WIDGET(1)

NAME
       widget - a thing that turns

SYNOPSIS
       widget [--spin] [--stop]
";
    let blocks = structure(text);
    assert_eq!(
        headings(&blocks),
        [(2, "NAME"), (2, "SYNOPSIS")],
        "{blocks:#?}"
    );
}
