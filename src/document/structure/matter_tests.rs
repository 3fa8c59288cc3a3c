//! The tests of what surrounds the text: web-page furniture folded, the article and the
//! sentences next to it kept, front fields. Data set out in short lines (tables, records,
//! code) is tested in `matter_tables_tests.rs`.

use crate::document::Block;
use crate::document::BlockKind::{self, *};

/// The blocks alone.
pub(in crate::document::structure) fn structure(text: &str) -> Vec<Block> {
    crate::document::structure::structure(text, crate::document::Ruby::default()).0
}

/// The kinds the structure gives the blocks of `text`.
pub(in crate::document::structure) fn kinds(text: &str) -> Vec<BlockKind> {
    structure(text).iter().map(|b| b.kind).collect()
}

/// The texts of the blocks a reader sees: all but the folded ones.
pub(in crate::document::structure) fn shown(blocks: &[Block]) -> Vec<&str> {
    blocks
        .iter()
        .filter(|b| b.kind != Leftover)
        .map(|b| b.text.as_str())
        .collect()
}

/// A sentence of plain body prose.
pub(in crate::document::structure) const PROSE: &str =
    "The council met on Monday to discuss the new budget, and the debate ran late into the night.";

#[test]
fn web_debris_is_folded_and_body_kept() {
    let text = format!(
        "Budget Passes | Example News\n\nSkip to main content\nNews\nSport\nCulture\n\nSign in\n\n{PROSE}\n\nShare on Facebook\nShare on Twitter\nShare via Email\n\n{PROSE}\n\nMost popular\n\nPrivacy policy\nCookie policy\nTerms & conditions\n\nLeave a comment"
    );
    assert_eq!(
        kinds(&text),
        vec![
            Title, Leftover, Leftover, Paragraph, Leftover, Paragraph, Leftover, Leftover, Leftover
        ]
    );
}

#[test]
fn short_sentences_next_to_the_article_are_kept_with_it() {
    // A standfirst of two short sentences, a picture's name, the line that introduces the
    // body: each shorter than a paragraph of prose, none of them furniture.
    let text = format!(
        "Standings | Example Racing\n\nNews\nResults\nCalendar\nDrivers\n\nSign in\n\n\
         On this page you will always find the latest standings!\n\n\
         Bookmark it and come back after every race to see them.\n\n\
         Kyle Busch\n\n\
         The final standings of the season after all the races:\n\n\
         {PROSE}\n\n{PROSE}\n\nShare on Facebook\nShare on Twitter\nShare via Email\n\n\
         Privacy policy\nCookie policy\nTerms & conditions"
    );
    let blocks = structure(&text);
    let shown = shown(&blocks);
    assert!(shown.contains(&"On this page you will always find the latest standings!"));
    assert!(shown.contains(&"Bookmark it and come back after every race to see them."));
    assert!(shown.contains(&"The final standings of the season after all the races:"));
    // The menu, the sign-in and share rows and the footer are still folded.
    assert!(
        !shown
            .iter()
            .any(|t| t.contains("Sign in") || t.contains("Share")),
        "{shown:?}"
    );
    assert!(!shown.iter().any(|t| t.contains("Privacy")), "{shown:?}");
}

#[test]
fn a_short_label_over_the_articles_first_paragraph_is_kept_with_it() {
    // A ruling's headnotes under their label: three words and a colon, set apart as a
    // button's words are, and the article's own. A box's name ending in a colon is not.
    let text = format!(
        "Ruling | Example Law Blog\n\nHome\nCases\nAbout\nContact\n\nSign in\n\n\
         Headnotes of the court:\n\n{PROSE}\n\n{PROSE}\n\nShare this:\n\n\
         Share on Facebook\nShare on Twitter\nShare via Email\n\n\
         Privacy policy\nCookie policy\nTerms & conditions"
    );
    let blocks = structure(&text);
    let shown = shown(&blocks);
    assert!(shown.contains(&"Headnotes of the court:"), "{shown:?}");
    assert!(!shown.iter().any(|t| t.contains("Share")), "{shown:?}");
    assert!(!shown.iter().any(|t| t.contains("Sign in")), "{shown:?}");
}

#[test]
fn a_german_pages_related_posts_and_comment_form_are_folded() {
    let absatz = "Der Gemeinderat hat am Montag über den neuen Haushalt beraten, und die Debatte \
                  dauerte bis tief in die Nacht.";
    let text = format!(
        "Haushalt beschlossen | Ein Blog\n\nStartseite\nÜber uns\nArchiv\nKontakt\n\n\
         {absatz}\n\n{absatz} Am Ende stimmte eine knappe Mehrheit zu.\n\nÄhnliche Beiträge\n\n\
         Kommentare\n\nBenachrichtige mich über neue Kommentare per E-Mail.\n\n\
         Impressum\nDatenschutzerklärung"
    );
    let blocks = structure(&text);
    let shown = shown(&blocks);
    assert_eq!(shown.len(), 3, "{shown:?}");
    assert!(shown[2].starts_with(absatz), "{shown:?}");
}

#[test]
fn a_sentence_of_three_words_closing_the_article_is_its_own_but_a_short_question_is_a_box() {
    let text = format!(
        "Budget Passes | Example News\n\nNews\nSport\nCulture\nWeather\n\nSign in\n\n\
         {PROSE}\n\n{PROSE} Then they voted.\n\n\"That's correct,\" Volker said.\n\n\
         Where to find me?\n\nShare on Facebook\nShare on Twitter\nShare via Email\n\n\
         Privacy policy\nCookie policy\nTerms & conditions"
    );
    let blocks = structure(&text);
    let shown = shown(&blocks);
    assert!(
        shown.contains(&"\"That's correct,\" Volker said."),
        "{shown:?}"
    );
    assert!(!shown.contains(&"Where to find me?"), "{shown:?}");
}

#[test]
fn readers_comments_after_the_article_are_folded() {
    let text = format!(
        "Budget Passes | Example News\n\nNews\nSport\nCulture\nOpinion\n\nSign in\n\n\
         {PROSE}\n\n{PROSE}\n\nShare on Facebook\nShare on Twitter\nShare via Email\n\n\
         Woyzeck 2 days ago at 07:52 am It is good to see the council agree on something for once.\n\n\
         I think this is it, and the long debate was worth it in the end, whatever the critics say about the cost of it all.\n\n\
         Nick A 2 days ago at 07:47 am The bezels of this budget are large, and the debate should have covered the schools too.\n\n\
         Privacy policy\nCookie policy\nTerms & conditions"
    );
    let blocks = structure(&text);
    let shown = shown(&blocks);
    assert_eq!(
        shown.iter().filter(|t| **t == PROSE).count(),
        2,
        "{shown:?}"
    );
    assert!(
        !shown
            .iter()
            .any(|t| t.contains("ago") || t.contains("I think")),
        "{shown:?}"
    );
}

#[test]
fn a_short_news_item_that_opens_on_its_dateline_is_still_the_article() {
    // Its first lines look like a teaser's head (a byline with a date); it is the only
    // prose of the page, so it is the article, and the teasers after it are not.
    let text = "Son Of Former President Stabbed | Example Post\n\nNews\nOpinion\nWorld\nBusiness\n\n\
         Sign in\n\n\
         By POST STAFF NOVEMBER 20, 2019 10:43\nThe son of a former president was stabbed to death on Tuesday, while another man was injured trying to stop the attacker, police said. A man of 57 was arrested.\n\n\
         Share on Facebook\nShare on Twitter\nShare via Email\n\n\
         Rival parties blame each other for the deadlock\n\nBy POST STAFF 11/20/2019 01:14 PM\n\n\
         Strikes on the border are the wrong move, says minister\n\nBy REUTERS 11/20/2019 10:08 AM\n\n\
         Privacy policy\nCookie policy\nTerms & conditions";
    let blocks = structure(text);
    let body = blocks.iter().find(|b| b.text.contains("stabbed to death"));
    assert!(body.is_some_and(|b| b.kind != Leftover), "{blocks:#?}");
    let teaser = blocks.iter().find(|b| b.text.contains("wrong move"));
    assert!(teaser.is_some_and(|b| b.kind == Leftover), "{blocks:#?}");
}

/// The page's title, its menu folded, its article's two paragraphs, and everything after
/// them folded.
fn assert_article_then_furniture(text: &str) {
    let got = kinds(text);
    assert_eq!(
        &got[..4],
        &[Title, Leftover, Paragraph, Paragraph],
        "{got:?}"
    );
    assert!(got[4..].iter().all(|&k| k == Leftover), "{got:?}");
}

#[test]
fn teaser_cards_after_the_article_are_folded() {
    let card = "Rob Crilly\nWednesday November 20, 2019\nThe television interview was devised as an opportunity for the prince to explain himself at length.";
    let text = format!(
        "Budget Passes\n\nSkip to content\nNews\nSport\n\n{PROSE}\n\n{PROSE}\n\nShare on Facebook\n\nMore from Example News\n\nA headline about something else\n\n{card}\n\nAnother headline here\n\n{card}\n\nPrivacy policy\nCookie policy\nTerms & conditions"
    );
    assert_article_then_furniture(&text);
}

#[test]
fn prose_cut_off_from_the_article_by_furniture_is_folded() {
    let form = "Leave a Reply\n\nYour email address will not be published.\n\nComment\n\nName *\n\nEmail *\n\nWebsite\n\nShare this\n\nSubscribe";
    let notice = "Your personal data will only be disclosed to third parties for the purposes of spam filtering, as the law allows.";
    let text = format!(
        "Budget Passes\n\nSkip to content\nNews\nSport\n\n{PROSE}\n\n{PROSE}\n\nA subheading\n\n{PROSE}\n\n{form}\n\n{notice}"
    );
    let got = kinds(&text);
    let body: Vec<usize> = (0..got.len()).filter(|&i| got[i] == Paragraph).collect();
    assert_eq!(body.len(), 3, "{got:?}");
    assert_eq!(*got.last().expect("blocks"), Leftover, "{got:?}");
}

#[test]
fn repeated_boxes_and_headline_stacks_are_not_article() {
    let form = "Email *\nSelect Edition(s) *\nHold Ctrl or Cmd to select multiple editions, then press the button to send them to us.";
    let popular = "Solar will power ahead to offer more output for lower module costs\nA maker launches a half cut monocrystalline module with 440 W output\nScientists claim 8.8% efficiency for an amorphous solar cell";
    let text = format!(
        "Budget Passes\n\nSkip to content\nNews\nSport\n\n{PROSE}\n\n{PROSE}\n\nShare this\n\nKeep up to date\n\n{form}\n\nMost popular\n\n{popular}\n\nSubscribe\n\n{form}\n\nPrivacy policy\nCookie policy\nTerms & conditions"
    );
    assert_article_then_furniture(&text);
}

#[test]
fn captions_with_credit_lines_are_folded_on_web_pages() {
    use super::super::chrome::ends_with_credit;
    for credited in [
        "A cross-section through the module showing the quarters. Credit: ESA",
        "Photo: Getty Images",
        "Rescue teams search the valley after the flood (Image: GETTY )",
        "Can a duvet hurt your lungs? (Photo: Example Images)",
        "A long row of unsold cars sits at a dealership in Littleton, Colo. (AP Photo/David Example)",
        "The harbour at dawn. Photo by Jane Example",
        "2 of 4 A shopper looks at extension cords, Tuesday, in Grass Valley, Calif. (Elias Example/The Union via AP)",
        "Protesters march in the capital on Sunday. (Jane Doe/Reuters)",
    ] {
        assert!(ends_with_credit(credited), "{credited}");
    }
    for text in [
        // The words in running text are no credit.
        "The figures were published on Monday (and confirmed by AP)",
        "The paper ran the AP photo on its front page the next morning",
        "It was the best photo by far of the whole season",
        // Parentheses that close before the end hold no credit of the picture.
        "She showed the photograph (photo: below) to the council, which approved it",
        "The credit: it went to the team, who had earned it over many long months.",
    ] {
        assert!(!ends_with_credit(text), "{text}");
    }
    let caption = "A reference module for a crewed Mars mission compared to its hibernation-based twin, drawn to scale. Credit: ESA";
    let text = format!(
        "Budget Passes\n\nSkip to content\nNews\nSport\n\n{PROSE}\n\n{caption}\n\n{PROSE} Again.\n\nShare this\n\nPrivacy policy\nCookie policy\nTerms & conditions"
    );
    let got = kinds(&text);
    assert_eq!(&got[2..5], &[Paragraph, Leftover, Paragraph], "{got:?}");
}

#[test]
fn front_fields_are_front_matter() {
    let text = format!(
        "PEP: 257\nTitle: Docstring Conventions\nAuthor: Someone\n\nAbstract\n========\n\n{PROSE}"
    );
    assert_eq!(kinds(&text)[0], Leftover);
}

#[test]
fn fields_or_columns_that_are_the_whole_text_are_shown() {
    // A package's status record: fields and nothing after them.
    let record =
        "Package: zlib\nVersion: 1.2.13\nArchitecture: x64-linux\nStatus: install ok installed";
    assert_eq!(shown(&structure(record)), vec![record]);
    // A table set in columns with a note after it: the table is the text, not a memo's
    // header, however its rows line up.
    let rows: Vec<String> = (1..=6)
        .map(|n| format!("{n}     update     changed     deleted     {n}     local"))
        .collect();
    let text = format!(
        "number   op       file        local       count   result\n{}\n\n{PROSE}",
        rows.join("\n")
    );
    assert!(
        shown(&structure(&text))[0].starts_with("number"),
        "{:#?}",
        structure(&text)
    );
    // A colour list in two columns, 40 lines long.
    let colours: Vec<String> = (0..40)
        .map(|n| format!("{n} {n} {n}        grey{n}"))
        .collect();
    let text = format!("{}\n\n{PROSE}", colours.join("\n"));
    assert_ne!(kinds(&text)[0], Leftover, "{:#?}", structure(&text));
}

#[test]
fn a_text_laid_out_by_hand_has_no_page_furniture() {
    // A module's README in the manner of a manual page: sections in capitals, a synopsis and
    // commands set in, a copyright line at the foot. Its short unpunctuated lines and its
    // "Copyright" read like a page's menus and footer, but a page's visible text sets no line
    // in: every line of this one shows.
    let text = "Example::Codec version 0.1\n=========\n\nNAME\n       Example::Codec - reads the example encoding\n\nSYNOPSIS\n       use Example::Codec;\n       #<more here>\nABSTRACT\n      <to be written>\nINSTALLATION\n\nTo install this module type the following:\n\n   perl Makefile.PL\n   make\n   make test\n   make install\n\nDEPENDENCIES\n\nThis module needs perl 5.8 or later.\n\nCOPYRIGHT AND LICENCE\n\nCopyright (C) 2030 A. Writer <writer@example.org>\n\nThis library is free software; you can share it and change it on the same terms as perl.\n";
    let blocks = structure(text);
    assert!(blocks.iter().all(|b| b.kind != Leftover), "{blocks:#?}");
    // The same words flush left, as a page's visible text comes, are judged as a page.
    let flush: String = text
        .lines()
        .map(str::trim_start)
        .collect::<Vec<_>>()
        .join("\n");
    let blocks = structure(&flush);
    assert!(blocks.iter().any(|b| b.kind == Leftover), "{blocks:#?}");
}

#[test]
fn a_line_is_split_into_cells_at_wide_gaps_only() {
    let cells = |text| super::header::cells(text).collect::<Vec<_>>();
    assert_eq!(
        cells("Network Working Group        R. Arends"),
        vec!["Network Working Group", "R. Arends"]
    );
    assert_eq!(cells("1\tupdate\tchanged"), vec!["1", "update", "changed"]);
    assert_eq!(
        cells("two  spaces are no gap"),
        vec!["two  spaces are no gap"]
    );
    assert_eq!(cells("//     - Hindi"), vec!["//", "- Hindi"]);
    assert_eq!(cells("   set in   "), vec!["set in"]);
    assert_eq!(cells(""), Vec::<&str>::new());
}

#[test]
fn a_comment_over_a_set_in_list_is_no_memo_header() {
    // A settings file's opening comment, its list set in after the comment's marks: the two
    // "cells" of each line are the marks and an item, not a memo's two columns.
    let text = format!(
        "// This layout holds these languages:\n//     - Hindi\n//     - Marathi\n//     - Tamil\n\n{PROSE}"
    );
    assert_ne!(kinds(&text)[0], Leftover, "{:#?}", structure(&text));
}

#[test]
fn a_header_of_fields_holding_a_licence_is_shown() {
    let assert_shown = |text: &str, words: &str| {
        let blocks = structure(text);
        assert!(
            shown(&blocks).iter().any(|t| t.contains(words)),
            "{words}: {blocks:#?}"
        );
    };
    // A copyright file's first stanza, whose comment field carries a licence's terms.
    let terms: Vec<String> = (1..=30)
        .map(|n| format!(" the licensee may use the work on the terms of section {n}, and"))
        .collect();
    let text = format!(
        "Format: https://example.org/copyright-format/1.0/\nUpstream-Name: example\nComment:\n{}\n\nFiles: *\nCopyright: 2030 A. Writer\nLicense: BSD-2-clause\n\n{PROSE}",
        terms.join("\n")
    );
    assert_shown(&text, "section 30");
    // A short header whose comment runs on into sentences: the comment is read.
    let text = format!(
        "Format: https://example.org/copyright-format/1.0/\nUpstream-Name: example\nComment:\n This file records the copyright of every part, as far as it is known.\n Some parts came from authors whose names have been lost.\n\nFiles: *\nCopyright: 2030 A. Writer\n\n{PROSE}"
    );
    assert_shown(&text, "have been lost");
    // A PEP's header, whose continued field lists dates, is a header.
    let text = format!(
        "PEP: 9999\nTitle: An Example\nAuthor: A. Writer <writer@example.org>\nPost-History: 01-Jan-2030,\n              02-Feb-2030, 03-Mar-2030.\n\n{PROSE}"
    );
    assert_eq!(kinds(&text)[0], Leftover, "{:#?}", structure(&text));
    // The same header with its comment one line long is a header, and folds.
    let text = format!(
        "Format: https://example.org/copyright-format/1.0/\nUpstream-Name: example\nComment: Packaged from the release archive.\n\n{PROSE}"
    );
    assert_eq!(kinds(&text)[0], Leftover, "{:#?}", structure(&text));
}

#[test]
fn a_cookie_notice_longer_than_the_article_is_not_taken_for_it() {
    // A short review between adverts, then a site's consent box of several long paragraphs:
    // the box outweighed the review, which was folded and the box shown.
    let notice = "This website uses cookies to improve your experience while you navigate \
                  through the website. Out of these cookies, the cookies that are categorized \
                  as necessary are stored on your browser as they are essential for the \
                  working of basic functionalities of the website. We also use third-party \
                  cookies that help us analyze and understand how you use this website.";
    let necessary = "Necessary cookies are absolutely essential for the website to function \
                     properly. This category only includes cookies that ensure basic \
                     functionalities and security features of the website.";
    let text = format!(
        "Book review | Example Bikes\n\nSkip to content\nNews\nReviews\nKit\nVideo\n\n\
         Book review\n\n{PROSE}\n\nAdvert\n\n{PROSE} It was late.\n\nAdvert\n\n\
         Share on Facebook\nShare on Twitter\n\n{notice}\n\n{notice}\n\n{necessary}\n\n\
         Privacy policy\nCookie policy\nTerms & conditions"
    );
    let blocks = structure(&text);
    let shown = shown(&blocks);
    assert!(shown.contains(&PROSE), "{shown:?}");
    assert!(!shown.iter().any(|t| t.contains("cookies")), "{shown:?}");
}

#[test]
fn the_article_said_again_after_it_is_folded_and_the_article_kept() {
    // A scraped page whose metadata carries the article a second time, run into one line.
    let paragraphs: Vec<String> = (0..6)
        .map(|n| format!("Paragraph {n} of the story. {PROSE} {PROSE}"))
        .collect();
    let body = paragraphs.join("\n\n");
    let copy = paragraphs.join(" ");
    let text = format!(
        "Retiring Early | Example News\n\nSkip to main content\nNews\nSport\n\nSign in\n\n{body}\n\nShare on Facebook\nShare on Twitter\nShare via Email\n\nArticleBody\n{copy}\n\nPrivacy policy\nCookie policy"
    );
    let blocks = structure(&text);
    let seen = shown(&blocks);
    for paragraph in &paragraphs {
        assert!(seen.contains(&paragraph.as_str()), "{paragraph} shown");
    }
    assert!(
        !seen.iter().any(|t| t.contains(&copy)),
        "the copy is folded: {seen:#?}"
    );
    // A short summary said again as the first paragraph is no copy: both stay.
    let summary = paragraphs[0].clone();
    let text = format!(
        "Retiring Early | Example News\n\nSkip to main content\nNews\nSport\n\nSign in\n\n{summary}\n\n{body}\n\nShare on Facebook\nShare on Twitter\nShare via Email"
    );
    let blocks = structure(&text);
    let seen = shown(&blocks);
    assert_eq!(
        seen.iter().filter(|t| **t == summary).count(),
        2,
        "{seen:#?}"
    );
}

/// Paragraphs of prose a line each, of many widths, as a page's visible text gives them when
/// it sets every line apart.
fn unwrapped_paragraphs(count: usize) -> Vec<String> {
    (0..count)
        .map(|n| format!("{PROSE}{}", " The vote was close.".repeat(1 + n)))
        .collect()
}

#[test]
fn a_menu_set_a_line_a_block_is_folded_on_a_page_that_sets_every_line_apart() {
    let menu = "Home\nAll news\nWorld\nPolitics\nSociety\nEconomy\nSport\nArts & Showbiz";
    // More paragraphs than furniture: the page is told by its footer, and its menu by its run.
    let body = unwrapped_paragraphs(16).join("\n");
    let text = format!(
        "Budget Passes - Example News\n{menu}\n{body}\nRelated links:\nAbout us | Stats | Advertise with us\nCopyright © 2019 Example Media"
    );
    let blocks = structure(&text);
    let seen = shown(&blocks);
    assert!(!seen.contains(&"All news"), "{seen:#?}");
    assert!(!seen.contains(&"Politics"), "{seen:#?}");
    for paragraph in unwrapped_paragraphs(16) {
        assert!(seen.contains(&paragraph.as_str()), "{paragraph}");
    }
}

#[test]
fn short_lines_set_a_line_a_block_are_text_on_a_page_with_no_furniture() {
    // An essay never hard-wrapped, ending on a poem of short lines: nothing folds.
    let stanza = "Rain\non the roof\nall night\nand the wind\nin the eaves\nsleep";
    let text = format!(
        "On Weather\n{}\n{stanza}",
        unwrapped_paragraphs(16).join("\n")
    );
    let blocks = structure(&text);
    let seen = shown(&blocks);
    for line in stanza.lines() {
        assert!(seen.contains(&line), "{line}: {seen:#?}");
    }
}

#[test]
fn a_row_of_links_between_bars_is_furniture() {
    use super::super::chrome::is_link_row;
    assert!(is_link_row(
        "About us | Stats | Advertise with us | Terms of service | Privacy policy"
    ));
    assert!(!is_link_row("Home | Away"), "two items");
    assert!(!is_link_row(
        "He said so. | She did not agree with him at all, then or later. | Fine."
    ));
}

#[test]
fn a_page_with_a_menu_and_a_footer_of_link_rows_shows_web_furniture() {
    // Two menus at the top and a footer of rows of links: evidence enough that the text is
    // a page, in any language; the footer and menus are folded, the article shown.
    let body = unwrapped_paragraphs(6).join("\n\n");
    let text = format!(
        "Rebels Take a Depot - Example News\n\nEdition: English\nInternational\nMexico\n\n\
         Home\nVideo\nMiddle East\nWorld\nBusiness\nSport\n\n{body}\n\n\
         Home | Video | Middle East | World | Business | Sport | Health and Technology\n\
         Text alerts | E-mail alerts | RSS | Example News on your mobile phone | Twitter | Facebook\n\
         En español | Chile | México | English\n\
         Terms of service | Privacy | Advertising | About us\n\
         © 2013 Example News Network. All Rights Reserved.\n"
    );
    let blocks = structure(&text);
    let seen = shown(&blocks);
    for paragraph in unwrapped_paragraphs(6) {
        assert!(seen.contains(&paragraph.as_str()), "{blocks:#?}");
    }
    assert!(
        !seen.iter().any(|s| s.contains("Terms of service")),
        "{blocks:#?}"
    );
    assert!(
        !seen.iter().any(|s| s.contains("Middle East")),
        "{blocks:#?}"
    );
}

#[test]
fn a_paragraph_cut_short_by_an_ellipsis_is_told_from_one_that_ends_its_sentence() {
    use super::super::matter::debris::is_cut_short;
    assert!(is_cut_short(
        "we adapt to a bad situation by drawing up a plan parallel to …"
    ));
    assert!(is_cut_short(
        "the symptoms, causes and health risks of BED and what…"
    ));
    assert!(is_cut_short("Raminder Singh Rekhi, 41,..."));
    assert!(is_cut_short("the rest of the story goes on [...]"));
    assert!(!is_cut_short(
        "\"They are getting better and better,\" he said...."
    ));
    assert!(!is_cut_short("Why not?…"));
    assert!(!is_cut_short("The meeting ran late into the night."));
}

#[test]
fn teasers_cut_short_after_the_article_are_folded() {
    // Each teaser: another page's headline, then its opening words, cut off mid-sentence.
    let teaser = |n: usize| {
        format!(
            "Another story number {n}\n\nThe town's new library number {n} opened its doors this week to a crowd of readers who had waited years for it. The mayor said that the next step would be to"
        )
    };
    let text = format!(
        "Budget Passes | Example News\n\nSkip to content\nNews\nSport\n\n{PROSE}\n\n{PROSE}\n\nShare on Facebook\n\nYou may also like\n\n{}\n\n{}\n\n{}\n\nPrivacy policy\nCookie policy\nTerms & conditions",
        teaser(1) + "…",
        teaser(2) + " …",
        teaser(3) + "...",
    );
    assert_article_then_furniture(&text);
}

#[test]
fn one_paragraph_that_trails_off_stays_with_the_article() {
    let text = format!(
        "Budget Passes | Example News\n\nSkip to content\nNews\nSport\n\n{PROSE}\n\nWe asked the mayor what the council would do next, and here is what she had to say…\n\n{PROSE}\n\nShare on Facebook\n\nPrivacy policy\nCookie policy\nTerms & conditions"
    );
    let blocks = structure(&text);
    let shown = shown(&blocks);
    assert!(
        shown.iter().any(|t| t.contains("what she had to say")),
        "{shown:?}"
    );
    assert_eq!(
        shown.iter().filter(|t| **t == PROSE).count(),
        2,
        "{shown:?}"
    );
}

#[test]
fn a_manual_whose_contents_name_email_and_printing_is_no_web_page() {
    // A manual's own words for its sections ("Email", "Print", "Share") are cue words of web
    // furniture; its numbered contents are still its contents, and its title page stays whole.
    let text = format!(
        "The Example Handbook\n\n(version 1.2)\n\nTable of Contents\n\n1. Getting Started\n\n2. Email Quotes and Inclusion Conventions\n\n3. Sharing and Printing\n\n{PROSE}\n\n{PROSE}\n\nPrint\n\n{PROSE}\n\nShare\n\n{PROSE}\n\nEmail\n\n{PROSE}\n\n{PROSE}"
    );
    let blocks = structure(&text);
    let shown = shown(&blocks);
    assert!(shown.contains(&"(version 1.2)"), "{blocks:#?}");
    assert!(
        shown.contains(&"2. Email Quotes and Inclusion Conventions"),
        "{blocks:#?}"
    );
}

#[test]
fn a_manual_about_email_that_marks_its_code_is_no_web_page() {
    // A module's reference: "email" in every name it marks as code between backquotes.
    let class = |name: &str| {
        format!(
            ".. class:: {name}()\n\nModule: :mod:`email.mime.{name}`\n\n{PROSE}\n\nSee :meth:`~email.message.Message.attach` for more."
        )
    };
    let text = format!(
        ":mod:`email.mime`: Creating email objects\n\n**Source code:** :source:`Lib/email/mime/`\n\n{PROSE}\n\n{}\n\n{}\n\n{}",
        class("base"),
        class("multipart"),
        class("text")
    );
    let got = kinds(&text);
    assert!(got.iter().all(|&k| k != Leftover), "{got:?}");
}

#[test]
fn a_long_article_with_a_little_furniture_is_still_a_web_page() {
    // Eleven paragraphs of article, and only three blocks of furniture: a menu, a share row,
    // a footer. The two stories teased after the article are not the article.
    let article = unwrapped_paragraphs(11).join("\n\n");
    let teaser = "Elsewhere, a storm closed the coast road for a day. Crews cleared it by evening.";
    let other = "A new bakery opened on the square this week. Its owners come from the valley.";
    let text = format!(
        "Budget Passes | Example News\n\nSkip to content\nNews\nSport\n\n{article}\n\nShare on Facebook\n\nMore stories\n\n{teaser}\n\n{other}\n\nPrivacy policy\nCookie policy\nTerms & conditions"
    );
    let blocks = structure(&text);
    let shown = shown(&blocks);
    assert_eq!(
        shown.iter().filter(|t| t.starts_with(PROSE)).count(),
        11,
        "{shown:?}"
    );
    assert!(!shown.contains(&teaser), "{shown:?}");
    assert!(!shown.contains(&other), "{shown:?}");
}

#[test]
fn the_dated_bylines_of_stories_teased_after_the_article_are_folded() {
    let teasers = "Russia says the strikes were a wrong move\n\nBy REUTERS 11/20/2019 10:08 AM\n\nGovernment will protect its citizens, minister says\n\nBy EXAMPLE STAFF 11/20/2019 09:39 AM";
    let text = format!(
        "Budget Passes | Example News\n\nSkip to content\nNews\nSport\n\n{PROSE}\n\n{PROSE}\n\nShare on Facebook\n\nLatest\n\n{teasers}\n\nBy subscribing I accept the terms of use\n\nPrivacy policy\nCookie policy\nTerms & conditions"
    );
    let blocks = structure(&text);
    let shown = shown(&blocks);
    assert!(!shown.iter().any(|t| t.starts_with("By ")), "{shown:?}");
    assert_eq!(
        shown.iter().filter(|t| **t == PROSE).count(),
        2,
        "{shown:?}"
    );
}

#[test]
fn numbered_lines_that_follow_each_other_are_a_list_not_sections() {
    // A dictionary's senses, and sections that each have text of their own.
    let text = format!(
        "A Small Lexicon\n\n{PROSE}\n\n:programming fluid: n.\n\n1. Coffee.\n\n2. Cola.\n\n3. Any caffeinacious stimulant. Many consider these essential.\n\n:blat: n.\n\n1. Syn. {{blast}}, sense 1.\n\n2. See {{thud}}.\n\n{PROSE}"
    );
    let blocks = structure(&text);
    let numbered: Vec<&str> = blocks
        .iter()
        .filter(|b| b.kind == Heading && b.text.starts_with(|c: char| c.is_ascii_digit()))
        .map(|b| b.text.as_str())
        .collect();
    assert!(numbered.is_empty(), "{numbered:?}");
    let sections = format!(
        "A Small Manual\n\n1. Introduction\n\n{PROSE}\n\n2. Scope\n\n{PROSE}\n\n3. Terms\n\n{PROSE}"
    );
    let blocks = structure(&sections);
    let headings: Vec<&str> = blocks
        .iter()
        .filter(|b| b.kind == Heading && b.text.starts_with(|c: char| c.is_ascii_digit()))
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(headings, ["1. Introduction", "2. Scope", "3. Terms"]);
}

#[test]
fn a_numbered_sentence_set_in_with_no_break_spaces_runs_on_to_its_next_line() {
    // Converted from HTML, the item's indent and the gap after its number are no-break
    // spaces, so its next lines do not line up under its words; the sentence still runs on.
    let body = "   Some body text set at three spaces, like the rest of this file, and it goes\n   on for a few lines so that three spaces are its indent.\n\n".repeat(4);
    let item = "   \u{a0} 1.\u{a0} The assumption that dereferencing a null pointer is safe because it\n       is all bits 0, and location 0 is readable and 0. Problem: this may\n       instead cause an illegal-address trap.";
    let blocks = structure(&format!("{body}{item}\n"));
    let last = blocks.last().expect("blocks");
    assert!(
        last.text.contains("because it is all bits 0"),
        "{blocks:#?}"
    );
    assert_ne!(last.kind, Heading, "{blocks:#?}");
    // A term over its definition stands apart from it, as before.
    let term = "   1.11. \"Patent Claims\" of a Contributor\n       means any patent claim(s), including without limitation, method, process.";
    let blocks = structure(&format!("{body}{term}\n"));
    assert!(
        blocks
            .iter()
            .any(|b| b.text == "1.11. \"Patent Claims\" of a Contributor"),
        "{blocks:#?}"
    );
}

#[test]
fn a_sentence_ends_at_its_stop_though_a_pictograph_follows_it() {
    use super::ends_sentence;
    for text in [
        "We hope to see you soon! 🙂",
        "Thank you all for coming! ❤️",
        "It was a long day. 👍🏽",
        "See you next year! 🎉🎉",
        "Was it worth it? 🤔 ",
    ] {
        assert!(ends_sentence(text), "{text}");
    }
    for text in [
        "Our team 🙂",
        "Read more ➡️",
        "Follow us 👉",
        "Tickets: 40,000₩",
    ] {
        assert!(!ends_sentence(text), "{text}");
    }
}

#[test]
fn the_last_sentence_of_a_web_article_closed_by_a_pictograph_is_the_articles() {
    // A short last line: shown as the sentences next to an article are, its stop read past the
    // pictograph after it.
    let last = "We hope to see you all there soon! 🙂";
    let text = format!(
        "The Show | Example Theater\n\nHome\nAbout\nTickets\nContact\n\nSign in\n\n\
         {PROSE}\n\nThe dancers trained for a year before the opening night, and the \
         costumes took the workshop six months to sew by hand.\n\n{last}\n\n\
         Share on Facebook\nShare on Twitter\nShare by Mail\n\n0 replies\n\nLeave a Reply\n\n\
         Privacy policy\nCookie policy\nTerms & conditions"
    );
    let blocks = structure(&text);
    assert!(shown(&blocks).contains(&last), "{blocks:#?}");
}
