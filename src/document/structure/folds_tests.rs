//! What is folded, kind of text by kind of text: a book, an RFC, a PEP, a licence and a story
//! with no markers at all keep every line of their bodies; only a web page's furniture, a
//! distributor's header and licence, and a contents list before the text are folded.

use crate::document::{Block, BlockKind, Document, Fold, Ruby};

fn blocks(text: &str) -> Vec<Block> {
    super::structure(text, Ruby::default()).0
}

/// The folded blocks that sit between two blocks of the body: there should be none in a text
/// without page furniture.
fn interior_folds(blocks: &[Block]) -> Vec<&str> {
    let body = |b: &Block| b.kind.is_body() || b.kind == BlockKind::Heading;
    let (Some(first), Some(last)) = (blocks.iter().position(body), blocks.iter().rposition(body))
    else {
        return Vec::new();
    };
    blocks[first..last]
        .iter()
        .filter(|b| b.kind == BlockKind::Leftover)
        .map(|b| b.text.as_str())
        .collect()
}

/// The texts of every folded block.
fn folded_texts(blocks: &[Block]) -> Vec<&str> {
    blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Leftover)
        .map(|b| b.text.as_str())
        .collect()
}

/// That no block of a text without page furniture is folded.
/// The headings of `blocks`, each with its level.
fn levelled_headings(blocks: &[Block]) -> Vec<(u8, &str)> {
    blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
        .map(|b| (b.level, b.text.as_str()))
        .collect()
}

fn assert_nothing_folded(blocks: &[Block]) {
    assert_eq!(folded_texts(blocks), Vec::<&str>::new(), "{blocks:#?}");
}

/// Short lines of narrative and dialogue, several holding a word that web furniture uses
/// ("reply", "print", "share", "comment").
const STORY: &str = "\"Well, Prince, so the estates are now just family estates. I warn you, if you \
don't tell me that this means war, you are no longer my friend.\"\n\n\
Prince Andrew sighed and made no reply.\n\n\
\"Share it with me, then,\" said Pierre.\n\n\
Denísov frowned and was about to shout some reply but stopped.\n\n\
The regimental commander sought out Dólokhov in the ranks and, reining in his horse, said to \
him:\n\n\
\"Print it!\"\n\n\
He made no comment.\n\n\
It was in July, and the speaker was the well-known Anna Pavlovna, maid of honour and \
favourite of the Empress. With these words she greeted Prince Vasili, a man of high rank.\n\n\
\"Reply at once,\" he added.\n\n\
She suddenly paused, smiling at her own impetuosity.\n";

fn gutenberg_book(credit: &str) -> String {
    format!(
        "The Project Gutenberg EBook of War and Peace, by Leo Tolstoy\n\n\
This eBook is for the use of anyone anywhere at no cost.\n\n\
Title: War and Peace\n\nAuthor: Leo Tolstoy\n\nLanguage: English\n\n\
*** START OF THIS PROJECT GUTENBERG EBOOK WAR AND PEACE ***\n\n\
{credit}\n\n\n\nWAR AND PEACE\n\nBy Leo Tolstoy/Tolstoi\n\n\
CONTENTS\n\nBOOK ONE: 1805\n\nCHAPTER I\n\nCHAPTER II\n\nCHAPTER III\n\n\
BOOK ONE: 1805\n\n\n\nCHAPTER I\n\n{STORY}\nCHAPTER II\n\n{STORY}\n\
*** END OF THIS PROJECT GUTENBERG EBOOK WAR AND PEACE ***\n\n\
Updated editions will replace the previous one.\n"
    )
}

#[test]
fn a_books_short_lines_of_story_and_dialogue_stay_in_the_text() {
    for credit in [
        "An Anonymous Volunteer, and David Widger",
        "Produced by: An Anonymous Volunteer, and David Widger",
    ] {
        let blocks = blocks(&gutenberg_book(credit));
        assert_eq!(interior_folds(&blocks), Vec::<&str>::new(), "{blocks:#?}");
        let reply = blocks
            .iter()
            .find(|b| b.text == "Prince Andrew sighed and made no reply.");
        assert_eq!(reply.map(|b| b.kind), Some(BlockKind::Paragraph));
    }
}

#[test]
fn a_books_header_title_names_it_and_its_credit_line_is_front_matter() {
    let doc = Document::from_text(
        &gutenberg_book("An Anonymous Volunteer, and David Widger"),
        "2600-0.txt",
    );
    assert_eq!(doc.name, "War and Peace");
    let title: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Title)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(title, ["WAR AND PEACE"]);
    let credit = doc
        .blocks
        .iter()
        .find(|b| b.text.starts_with("An Anonymous Volunteer"))
        .expect("the credit line is kept");
    assert_eq!(
        (credit.kind, credit.fold),
        (BlockKind::Leftover, Fold::FrontMatter)
    );
}

#[test]
fn a_contents_list_ends_where_its_first_entry_comes_again() {
    let blocks = blocks(&gutenberg_book("Produced by David Widger"));
    let book_one: Vec<(BlockKind, Fold)> = blocks
        .iter()
        .filter(|b| b.text == "BOOK ONE: 1805")
        .map(|b| (b.kind, b.fold))
        .collect();
    assert_eq!(
        book_one,
        [
            (BlockKind::Leftover, Fold::Contents),
            (BlockKind::Heading, Fold::default())
        ]
    );
}

#[test]
fn a_story_without_markers_folds_nothing() {
    let text = format!("The Visit\n\n{STORY}\n{STORY}");
    let blocks = blocks(&text);
    assert_nothing_folded(&blocks);
}

/// A PEP: a header of fields, prose, reStructuredText literal blocks and directives.
const PEP: &str = "PEP: 9999\nTitle: Example Statements\nAuthor: A. Writer <a@example.org>\nStatus: Draft\n\n\nAbstract\n========\n\nThis PEP adds an example statement to the language, as follows::\n\n    with EXPR as VAR:\n        BLOCK\n\nOptional:\n\n.. code-block::\n   :class: good\n\n   # Correct:\n   x = 1\n\nRationale\n=========\n\nThe translation of the above statement is::\n\n    mgr = (EXPR)\n    exit = type(mgr).__exit__\n\nThat is all.\n";

#[test]
fn a_peps_literal_blocks_and_directives_stay_and_its_title_is_its_header_field() {
    let doc = Document::from_text(PEP, "pep-9999.rst");
    assert_eq!(doc.name, "Example Statements");
    assert_eq!(
        interior_folds(&doc.blocks),
        Vec::<&str>::new(),
        "{:#?}",
        doc.blocks
    );
    for code in ["with EXPR as VAR:", "# Correct:", "mgr = (EXPR)"] {
        let block = doc.blocks.iter().find(|b| b.text.contains(code));
        assert_eq!(block.map(|b| b.kind), Some(BlockKind::Code), "{code}");
    }
}

/// An RFC in the old layout: body at column 0, a table of values, a grammar, a regex line.
const RFC: &str = "Network Working Group                                     A. Writer\nRequest for Comments: 9999                                   Example\n                                                           May 2030\n\n          AN EXAMPLE PROTOCOL\n\n1. INTRODUCTION\n\nThis memo says how examples are named, and what each name may hold in the system.\n\nTYPE            value and meaning\n\nA               1 a host address\n\nNS              2 an authoritative name server\n\nThe following syntax will result in fewer problems with many\n\n<domain> ::= <subdomain> | \" \"\n\n<label> ::= <letter> [ [ <ldh-str> ] <let-dig> ]\n\nA name matches ^[a-z][a-z0-9-]*$ when it is valid.\n\n[a-z]+\n\n2. REPLY FORMAT\n\nEach reply is sent back to the host that asked, using the same port and the same transport.\n";

#[test]
fn an_rfcs_tables_and_grammars_stay() {
    let blocks = blocks(RFC);
    assert_eq!(interior_folds(&blocks), Vec::<&str>::new(), "{blocks:#?}");
    assert_eq!(blocks[0].kind, BlockKind::Leftover, "the memo header");
}

#[test]
fn a_licences_short_numbered_lines_stay() {
    let text = "                    THE EXAMPLE PUBLIC LICENSE\n                       Version 1, May 2030\n\n 1. Definitions.\n\n    \"You\" means the person who uses the work.\n\n    \"Covered Software\" means\n\n    (a) the source code form, and\n\n    (b) any modifications of it.\n\n 2. Grant.\n\n    You may copy and share the work, and reply to anyone who asks for it.\n\n    Print it; email it; comment on it.\n\n 3. End of terms.\n";
    let blocks = blocks(text);
    assert!(
        blocks.iter().all(|b| b.kind != BlockKind::Leftover),
        "{blocks:#?}"
    );
}

#[test]
fn furniture_in_the_middle_of_a_long_text_is_no_evidence_of_a_web_page() {
    // Three lines that read like buttons, none at the edges of a long text: a story that
    // mentions them, not a page that shows them.
    let mut text = String::from("The Visit\n\n");
    for _ in 0..4 {
        text.push_str(STORY);
        text.push('\n');
    }
    text.push_str("Share\n\nReply\n\nPrint\n\n");
    for _ in 0..4 {
        text.push_str(STORY);
        text.push('\n');
    }
    let blocks = blocks(&text);
    assert!(
        blocks.iter().all(|b| b.kind != BlockKind::Leftover),
        "{:?}",
        interior_folds(&blocks)
    );
}

#[test]
fn books_joined_into_one_file_each_show_and_only_their_headers_and_licences_fold() {
    let second = gutenberg_book("Produced by David Widger")
        .replace("War and Peace", "Anna Karenina")
        .replace("WAR AND PEACE", "ANNA KARENINA")
        .replace("Prince Andrew sighed", "Levin sighed");
    let joined = format!(
        "{}\nSection 1. General Terms of Use of this licence.\n\n{second}",
        gutenberg_book("An Anonymous Volunteer, and David Widger")
    );
    let blocks = blocks(&joined);
    let shown = |text: &str| {
        blocks
            .iter()
            .any(|b| b.text.contains(text) && b.kind != BlockKind::Leftover)
    };
    // Both works' text shows: the second is not the first one's back matter.
    assert!(shown("Prince Andrew sighed"));
    assert!(shown("Levin sighed"));
    assert!(shown("ANNA KARENINA"));
    // What lies between them and around them folds: licence, header, credits.
    let folded = |text: &str| {
        blocks
            .iter()
            .any(|b| b.text.contains(text) && b.kind == BlockKind::Leftover)
    };
    assert!(folded("General Terms of Use"));
    assert!(folded("The Project Gutenberg EBook of Anna Karenina"));
    assert!(folded("Produced by David Widger"));
    assert!(folded("Updated editions will replace"));
}

/// A plain-text manual: examples set in by a tab, each under the line that introduces it, a
/// few words that web furniture also uses ("print", "menu", "comment"), and mostly prose.
fn manual() -> String {
    let prose = "The editor keeps the text in a buffer of its own until you write it back, so \
                 nothing you do here changes the file on the disk before you ask it to.";
    let sections = [
        (
            "Print Options",
            "To start the editor, enter this command: >",
            "\tedit file.txt\n\tedit -R notes.txt\n\tedit +42 main.c",
        ),
        (
            "Moving around",
            "To move the cursor, use these keys: >",
            "\th   left\n\tj   down\n\tk   up\n\tl   right",
        ),
        (
            "Printing a file",
            "Print the text with the print command:",
            "\t:hardcopy\n\t:hardcopy > out.ps\n\t:set printoptions",
        ),
        (
            "Menu and comment lines",
            "A comment in the menu file looks like this: >",
            "\t\" a comment\n\tmenu File.Open :edit\n\tmenu File.Save :write",
        ),
    ];
    let mut text = String::from("The Example Editor Manual\n\n");
    for (heading, intro, example) in sections {
        text.push_str(&format!(
            "{heading}\n\n{prose}\n\n{intro}\n\n{example}\n\n{prose}\n\n{prose}\n\n"
        ));
    }
    text
}

#[test]
fn a_manuals_examples_and_the_lines_that_introduce_them_stay() {
    let blocks = blocks(&manual());
    assert_nothing_folded(&blocks);
    // An example of three short unpunctuated lines set in is no menu.
    let example = blocks.iter().find(|b| b.text.contains("edit -R notes.txt"));
    assert!(example.is_some_and(|b| b.kind != BlockKind::Leftover));
}

/// A changelog in plain text: release lines over one-line entries, its newest entries before
/// its first paragraph of prose and its oldest after the last; the entries of one release name
/// things web furniture is made of.
fn changelog() -> String {
    let prose = "The thread pool is now created once per server, which halves the threads a \
                 busy server keeps alive between requests.";
    let mut text = String::from("Example Server Changes\n\n");
    for release in 0..9 {
        text.push_str(&format!(
            "example-2.{} - {} April 2030\n",
            9 - release,
            28 - release
        ));
        let entries: Vec<String> = if release == 1 {
            [
                "Print preview fixed",
                "Email addresses in comments",
                "Reply codes for bad headers",
                "Related menus sorted",
            ]
            .iter()
            .map(|e| e.to_string())
            .collect()
        } else {
            (0..4)
                .map(|n| format!("Correct the lookup of virtual host {n} by its port"))
                .collect()
        };
        for (n, entry) in entries.iter().enumerate() {
            text.push_str(&format!("+ {} {entry}\n", 4100 - release * 10 - n));
            if n == 1 && (release == 0 || release == 4) {
                text.push_str(&format!("\n{prose}\n\n"));
            }
        }
        text.push('\n');
    }
    text
}

#[test]
fn a_changelogs_entries_stay_though_they_name_furniture() {
    let blocks = blocks(&changelog());
    assert_nothing_folded(&blocks);
}

/// A list of changes: many short pieces, a few long enough to read as prose, and short
/// entries that name things web furniture is made of ("Print fixed.", "Menu sorted.").
fn list_of_changes() -> String {
    let entries = [
        "Print fixed.",
        "Menu sorted.",
        "Share cache.",
        "Reply codes.",
        "Tags sorted.",
    ];
    let mut text = String::new();
    for n in 0..40 {
        if n % 6 == 3 {
            text.push_str("Overhaul the cache so that each directory gets one file that can be mapped in whole, and read it back at start.\n\n");
        } else {
            text.push_str(entries[n % entries.len()]);
            text.push_str("\n\n");
        }
        text.push_str(&format!("src/fccache.c | {n} +-\n\n"));
    }
    text
}

#[test]
fn a_list_of_changes_made_of_short_pieces_is_not_an_article_among_furniture() {
    // Its furniture-like entries are a fair share of it, as a web page's are, but no run of
    // it holds most of its prose: there is no article to keep and no furniture around it.
    let blocks = blocks(&list_of_changes());
    assert_nothing_folded(&blocks);
}

#[test]
fn a_log_whose_only_paragraph_is_a_sliver_of_it_is_not_an_article_among_furniture() {
    // One message long enough to read as prose among a commit log's headers and file
    // lists: the best run of prose holds a small share of the text's words, so it is no
    // article and the rest no furniture.
    let mut text = String::new();
    for n in 0..30 {
        text.push_str(&format!(
            "commit {n:040x}\nAuthor: A Writer <writer@example.org>\nDate: Mon Jun 10 2019\n\n"
        ));
        if n == 12 {
            text.push_str("Overhaul the cache so that each directory gets one file that can be mapped in whole, and read it back at start.\n\n");
        } else {
            text.push_str(["Print fixed.", "Menu sorted.", "Tags sorted."][n % 3]);
            text.push_str("\n\n");
        }
        text.push_str(&format!(
            "src/fccache.c | {n} +-\nsrc/fcxml.c | 2 +-\nsrc/fcint.h | 4 ++--\n\n"
        ));
    }
    let blocks = blocks(&text);
    assert_nothing_folded(&blocks);
}

#[test]
fn a_licences_title_stacked_over_its_terms_heads_them() {
    let text = "                    THE EXAMPLE PUBLIC LICENSE\n                       Version 2, May 2030\n\n                            Preamble\n\n  The licenses for most works are designed to take away your freedom to share them.\n\n                    THE EXAMPLE PUBLIC LICENSE\n   TERMS AND CONDITIONS FOR COPYING, DISTRIBUTION AND MODIFICATION\n\n  0. This License applies to any work which contains a notice placed by the holder.\n\n  1. You may copy and distribute verbatim copies of the work as you receive it.\n\n                     END OF TERMS AND CONDITIONS\n";
    let structured = blocks(text);
    let headings = levelled_headings(&structured);
    assert_eq!(
        headings,
        vec![
            (1, "Preamble"),
            (
                1,
                "THE EXAMPLE PUBLIC LICENSE TERMS AND CONDITIONS FOR COPYING, DISTRIBUTION AND MODIFICATION"
            ),
            (1, "END OF TERMS AND CONDITIONS"),
        ],
        "{structured:#?}"
    );
    // Two lines of capitals that are not centred are a paragraph of the text.
    let text = text.replace(
        "                    THE EXAMPLE PUBLIC LICENSE\n   TERMS",
        "THE EXAMPLE PUBLIC LICENSE\n   TERMS",
    );
    assert!(
        blocks(&text)
            .iter()
            .all(|b| !b.text.starts_with("THE EXAMPLE PUBLIC LICENSE TERMS")
                || b.kind != BlockKind::Heading)
    );
}

#[test]
fn a_line_of_capitals_over_a_licences_numbered_sections_heads_them_wherever_it_is_set() {
    // Set in as the whole licence is, three spaces: not centred, still the part's title.
    let text = "\n                                 Example License\n                           Version 2.0, January 2030\n\n   TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION\n\n   1. Definitions.\n\n      \"License\" shall mean the terms and conditions for use, reproduction, and distribution.\n\n      \"Licensor\" shall mean the copyright owner or entity granting the License.\n\n   2. Grant of Licence.\n\n      Each Contributor grants to You a perpetual, worldwide licence to reproduce the Work.\n\n   END OF TERMS AND CONDITIONS\n\n   APPENDIX: How to apply the Example License to your work.\n\n   THE WORK IS PROVIDED AS IS, WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED,\n   INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY.\n";
    let structured = blocks(text);
    let headings = levelled_headings(&structured);
    assert_eq!(
        headings,
        vec![
            (
                1,
                "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION"
            ),
            (2, "1. Definitions."),
            (2, "2. Grant of Licence."),
            (1, "END OF TERMS AND CONDITIONS"),
        ],
        "{structured:#?}"
    );
}

#[test]
fn a_licences_sections_whose_titles_run_into_their_text_get_headings_and_keep_every_word() {
    let text = "                                 Example License\n                           Version 2.0, January 2030\n\n   TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION\n\n   1. Definitions.\n\n      \"License\" shall mean the terms and conditions for use and distribution.\n\n   2. Grant of Copyright License. Subject to the terms and conditions of this License,\n      each Contributor grants You a licence to reproduce the Work.\n\n   2.1. Scope of Grant. The grant covers the Work and its Derivative Works in any form.\n\n   3. Redistribution. You may reproduce and distribute copies of the Work in any medium.\n\n   4. This License applies to any work. It says so in the notice placed by its holder.\n";
    let structured = blocks(text);
    let headings = levelled_headings(&structured);
    assert_eq!(
        headings,
        vec![
            (
                1,
                "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION"
            ),
            (2, "1. Definitions."),
            (2, "2. Grant of Copyright License."),
            (3, "2.1. Scope of Grant."),
            (2, "3. Redistribution."),
        ],
        "{structured:#?}"
    );
    let split = structured
        .iter()
        .position(|b| b.text == "2. Grant of Copyright License.")
        .expect("the heading");
    assert_eq!(structured[split + 1].kind, BlockKind::Paragraph);
    assert!(
        structured[split + 1]
            .text
            .starts_with("Subject to the terms")
    );
    assert_eq!(structured[split + 1].line, structured[split].line);
    // Every word of the text is still there, in order.
    let shown: Vec<&str> = structured
        .iter()
        .flat_map(|b| b.text.split_whitespace())
        .collect();
    let source: Vec<&str> = text.split_whitespace().collect();
    assert_eq!(shown, source);
}

#[test]
fn a_1990s_etext_folds_its_small_print_header_and_its_closing_line_as_a_book_does() {
    let text = format!(
        "The Project Gutenberg Etext of The Visit, by A. Writer\n\n\
         Please take a look at the important information in this header.\n\n\
         **Welcome To The World of Free Plain Vanilla Electronic Texts**\n\n\
         *END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*\n\n\
         THE VISIT\n\n{STORY}\n\
         End of Project Gutenberg Etext of The Visit, by A. Writer\n"
    );
    let doc = Document::from_text(&text, "visit.txt");
    let folded: Vec<(Fold, &str)> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Leftover)
        .map(|b| (b.fold, b.text.as_str()))
        .collect();
    assert!(folded.len() >= 4, "{folded:?}");
    assert!(
        folded[..folded.len() - 1]
            .iter()
            .all(|(fold, _)| *fold == Fold::FrontMatter),
        "{folded:?}"
    );
    assert_eq!(
        folded.last().copied(),
        Some((
            Fold::BackMatter,
            "End of Project Gutenberg Etext of The Visit, by A. Writer"
        ))
    );
    assert_eq!(interior_folds(&doc.blocks), Vec::<&str>::new());
    assert_eq!(doc.name, "THE VISIT");
}

#[test]
fn a_change_logs_release_lines_head_its_changes() {
    let text = "Changes in 1.2.13 (13 Oct 2022)\n- Fix a configure issue\n- Correct the inputs of the checksum\n\nChanges in 1.2.12 (27 Mar 2022)\n- Fix a bug in the block type selection\n\nChanges in 1.2.11 (15 Jan 2017)\n- Print a warning\n";
    let release = blocks(text);
    let heads: Vec<&str> = release
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        heads,
        vec![
            "Changes in 1.2.13 (13 Oct 2022)",
            "Changes in 1.2.12 (27 Mar 2022)",
            "Changes in 1.2.11 (15 Jan 2017)"
        ],
        "{release:#?}"
    );
    assert_nothing_folded(&release);
    // A Debian package's change log heads each version with its package line.
    let debian = "example (0.1.29-1) unstable; urgency=medium\n\n  * New upstream version 0.1.29\n\n -- A Maintainer <a@example.org>  Mon, 06 Sep 2021 10:00:00 +0200\n\nexample (0.1.28-3) unstable; urgency=low\n\n  * Drop a patch\n\n -- A Maintainer <a@example.org>  Sun, 05 Sep 2021 10:00:00 +0200\n";
    let packaged = blocks(debian);
    assert!(
        packaged.iter().any(|b| b.kind == BlockKind::Heading
            && b.text == "example (0.1.28-3) unstable; urgency=low"),
        "{packaged:#?}"
    );
}

#[test]
fn a_vim_help_files_ruled_lines_head_its_sections() {
    let rule = |c: char| c.to_string().repeat(78);
    let text = format!(
        "*moths.txt*\tFor Moths version 1.0.  Last change: 2024 Jan 1\n\n\
         This file tells how moths find their way by the moon.\n\n\
         {eq}\n*moths-1*\tFinding the moon\n\n\
         A moth keeps the moon at one angle to its path, and so flies straight.\n\n\
         {dash}\nLamps\t\t\t\t\t\t*moths-lamps*\n\n\
         A lamp is near: kept at one angle, it draws the moth in a spiral.\n\n\
         {eq}\nThe rule above and this line are a paragraph of two lines.\n\
         And a third line makes it no heading.\n\n\
         {eq}\n vim:tw=78:ts=8:noet:ft=help:norl:\n",
        eq = rule('='),
        dash = rule('-'),
    );
    let doc = Document::from_text(&text, "moths.txt");
    let heads: Vec<(String, u8, usize)> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
        .map(|b| {
            (
                b.text.split_whitespace().collect::<Vec<_>>().join(" "),
                b.level,
                b.line,
            )
        })
        .collect();
    // A heading is on its own line, not on the rule's over it.
    assert_eq!(
        heads,
        vec![
            ("*moths-1* Finding the moon".to_string(), 1, 6),
            ("Lamps *moths-lamps*".to_string(), 2, 11)
        ],
        "{:#?}",
        doc.blocks
    );
    // Every word of the text is still there.
    let shown: String = doc.blocks.iter().map(|b| format!("{} ", b.text)).collect();
    for word in text
        .split_whitespace()
        .filter(|w| !w.starts_with("==") && !w.starts_with("--"))
    {
        assert!(shown.contains(word), "{word} is missing");
    }
}

/// A long stretch of story around a distributor's closing line: the bodies of books joined
/// after their closing lines, or a work set before the first START marker.
fn chapters(name: &str, count: usize) -> String {
    (1..=count)
        .map(|n| format!("CHAPTER {n}\n\n{}\n", STORY.replace("Prince Andrew", name)))
        .collect()
}

#[test]
fn a_work_after_a_closing_line_or_before_the_first_marker_shows() {
    let header = "The Project Gutenberg EBook of War and Peace, by Leo Tolstoy\n\n\
        *** START OF THIS PROJECT GUTENBERG EBOOK WAR AND PEACE ***\n\n";
    let licence = "*** END OF THIS PROJECT GUTENBERG EBOOK WAR AND PEACE ***\n\n\
        Updated editions will replace the previous one.\n\n\
        Section 1. General Terms of Use of Project Gutenberg-tm electronic works.\n";
    // A second work after the first one's old-style closing line, no START before it.
    let joined = format!(
        "{header}{}End of Project Gutenberg's War and Peace, by Leo Tolstoy\n\n{}{licence}",
        chapters("Prince Andrew", 80),
        chapters("Levin", 80)
    );
    let blocks = blocks(&joined);
    let shown = |text: &str| {
        blocks
            .iter()
            .any(|b| b.text.contains(text) && b.kind != BlockKind::Leftover)
    };
    let folded = |text: &str| {
        blocks
            .iter()
            .any(|b| b.text.contains(text) && b.kind == BlockKind::Leftover)
    };
    assert!(shown("Prince Andrew sighed") && shown("Levin sighed"));
    assert!(folded("End of Project Gutenberg's War and Peace"));
    assert!(folded("Updated editions") && folded("General Terms of Use"));
    assert!(folded("The Project Gutenberg EBook of War and Peace"));

    // A work before the first START marker (a body joined before a whole file) shows too.
    let before = format!("{}{header}{}{licence}", chapters("Levin", 80), STORY);
    let blocks = super::structure(&before, Ruby::default()).0;
    assert!(
        blocks
            .iter()
            .any(|b| b.text.contains("Levin sighed") && b.kind != BlockKind::Leftover)
    );

    // A licence after the closing line is folded however long it is: it names its
    // distributor throughout.
    let long_licence: String = (0..300)
        .map(|n| format!("{n}. Project Gutenberg-tm works are distributed under these terms.\n\n"))
        .collect();
    let book = format!(
        "{header}{}{licence}{long_licence}",
        chapters("Prince Andrew", 4)
    );
    let blocks = super::structure(&book, Ruby::default()).0;
    assert!(
        blocks
            .iter()
            .filter(|b| b.text.contains("are distributed under"))
            .all(|b| b.kind == BlockKind::Leftover)
    );
}
