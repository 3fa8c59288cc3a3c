//! The structure of plain texts, case by case: headings and their levels, titles, set-in
//! passages, parted blocks, furniture at a text's edges.

use super::*;

/// The blocks alone.
fn structure(text: &str) -> Vec<Block> {
    super::structure(text, Ruby::default()).0
}

fn kinds(blocks: &[Block]) -> Vec<BlockKind> {
    blocks.iter().map(|b| b.kind).collect()
}

/// "CONTENTS" over one line per chapter: a table of contents.
fn contents_list(chapters: std::ops::RangeInclusive<usize>) -> String {
    let mut text = String::from("CONTENTS\n\n");
    for n in chapters {
        text.push_str(&format!("CHAPTER {n}. Name\n\n"));
    }
    text
}

#[test]
fn a_memo_header_in_columns_is_folded_and_the_centred_line_under_it_is_the_title() {
    let text = "Network Working Group                                     P. Mockapetris\nRequest for Comments: 1035                                           ISI\n                                                           November 1987\nObsoletes: RFCs 882, 883, 973\n\n            DOMAIN NAMES - IMPLEMENTATION AND SPECIFICATION\n\nStatus of This Memo\n\n   This RFC describes the details of the domain system and protocol, and\n   assumes that the reader is familiar with the concepts discussed in a\n   companion RFC.\n";
    let blocks = structure(text);
    assert_eq!(
        kinds(&blocks),
        [
            BlockKind::Leftover,
            BlockKind::Title,
            BlockKind::Heading,
            BlockKind::Paragraph
        ],
        "{blocks:#?}"
    );
    assert_eq!(
        blocks[1].text,
        "DOMAIN NAMES - IMPLEMENTATION AND SPECIFICATION"
    );
}

#[test]
fn preformatted_lines_at_the_top_are_no_centred_title() {
    // Several lines set in: a page header or a table, not a title.
    let text = "    Name        Value\n    Other       Thing\n\nA Plain Title\n\nThe body of the text follows here, long enough to be prose, with a full stop.\n";
    let blocks = structure(text);
    let title = blocks.iter().find(|b| b.kind == BlockKind::Title);
    assert_eq!(
        title.map(|b| b.text.as_str()),
        Some("A Plain Title"),
        "{blocks:#?}"
    );
}

fn headings(text: &str) -> Vec<(u8, usize, String)> {
    structure(text)
        .into_iter()
        .filter(|b| matches!(b.kind, BlockKind::Heading))
        .map(|b| (b.level, b.line, b.text))
        .collect()
}

#[test]
fn paragraphs_join_hard_wrapped_lines() {
    let blocks = structure("one line\nand more.\n\nsecond para.\n");
    assert_eq!(blocks[1].text, "second para.");
    assert_eq!(blocks[0].text, "one line and more.");
    assert_eq!((blocks[0].line, blocks[1].line), (1, 4));
}

#[test]
fn title_byline_and_leftovers() {
    let text = "A Title Here\n\nFirst paragraph of the body, long enough to count as real prose for the reader.\n\nSecond one, also prose, and it goes on for a while so that it reads as text.\n\nThe author is a researcher at an institute.\n\nAbout this publication\n\nBe the first to comment\n\nLeave a Reply";
    let blocks = structure(text);
    use BlockKind::*;
    assert_eq!(
        kinds(&blocks),
        vec![
            Title, Paragraph, Paragraph, Byline, Leftover, Leftover, Leftover
        ]
    );
}

#[test]
fn a_single_paragraph_is_never_folded() {
    let blocks = structure("hello");
    assert_eq!(kinds(&blocks), vec![BlockKind::Paragraph]);
}

#[test]
fn gutenberg_matter_is_folded() {
    let text = "Header\n\n*** START OF THE PROJECT GUTENBERG EBOOK X ***\n\nCHAPTER 1. Loomings.\n\nCall me Ishmael. Some years ago, never mind how long precisely, I went to sea.\n\n*** END OF THE PROJECT GUTENBERG EBOOK X ***\n\nLicence text.";
    let blocks = structure(text);
    use BlockKind::*;
    assert_eq!(
        kinds(&blocks),
        vec![Leftover, Leftover, Heading, Paragraph, Leftover, Leftover]
    );
}

#[test]
fn markdown_headings_and_levels() {
    let text = "# Guide\n\nIntro text of the guide, which explains things.\n\n## Setup\n\nRun the installer and wait for it.\n\n### Details\n\nMore words about the setup here.";
    assert_eq!(
        headings(text),
        vec![(2, 5, "Setup".into()), (3, 9, "Details".into())],
        "the first ATX heading is the title"
    );
    assert_eq!(structure(text)[0].kind, BlockKind::Title);
}

#[test]
fn numbered_and_caps_headings_rfc_style() {
    let text = "1. STATUS OF THIS MEMO\n\nThis memo describes the details of the system and how it works.\n\n2.1. Overview\n\nThe goal of names is to name things in a way that is useful to all.\n\nTable of Contents\n\n   1.  Introduction . . . . 2\n   2.  Terms  . . . . . . . 3\n";
    let got = headings(text);
    assert_eq!(got[0], (1, 1, "1. STATUS OF THIS MEMO".into()));
    assert_eq!(got[1], (2, 5, "2.1. Overview".into()));
}

#[test]
fn a_law_never_hard_wrapped_has_its_chapters_and_articles_apart() {
    // Korean laws are kept one paragraph to a line: chapter lines set in, then the
    // articles, each on its line, with no blank line between.
    let preamble = "이 법은 국민의 자유와 권리를 보장하고 나라의 기본 질서를 정하기 위하여 \
                    제정되었으며 여러 차례 개정되어 오늘에 이르렀다. "
        .repeat(3);
    let mut text = format!("기본법\n\n{preamble}\n\n");
    for (chapter, title) in [(1, "총강"), (2, "국민의 권리와 의무"), (3, "국회")] {
        text.push_str(&format!("       제{chapter}장 {title}\n"));
        for article in 1..=8 {
            let clause = "모든 국민은 법률이 정하는 바에 의하여 권리를 가진다. ";
            let more = "및 ".repeat(article * 3 + chapter * 7);
            let number = chapter * 10 + article;
            text.push_str(&format!("  제{number}조 {clause}{more}\n"));
        }
    }
    let got = headings(&text);
    let chapters: Vec<&str> = got.iter().map(|h| h.2.as_str()).collect();
    assert_eq!(
        chapters,
        ["제1장 총강", "제2장 국민의 권리와 의무", "제3장 국회"],
        "{got:?}"
    );
    let blocks = structure(&text);
    let articles = blocks.iter().filter(|b| b.text.starts_with("제1")).count();
    assert!(articles >= 8, "each article is a paragraph of its own");
}

#[test]
fn a_title_said_over_an_epigraph_and_again_over_the_text_heads_once() {
    let essay = "THERE is one mind common to all men, and every man is an inlet to the same \
                 and to all of the same, as the record of history shows to those who read.";
    let text = format!(
        "     HISTORY.\n\n     There is no great and no small\n     To the Soul that maketh \
         all:\n\n\nI. HISTORY.\n\n{essay}\n\n{essay}\n\n     LOVE.\n\n     A verse \
         line\n     and its fellow\n\nII. LOVE.\n\n{essay}\n"
    );
    let got = headings(&text);
    let names: Vec<&str> = got.iter().map(|h| h.2.as_str()).collect();
    assert_eq!(names, ["I. HISTORY.", "II. LOVE."], "{got:?}");
    // The first saying stays on the page.
    assert!(structure(&text).iter().any(|b| b.text == "HISTORY."));
}

#[test]
fn headings_of_the_same_name_apart_in_the_text_both_stay() {
    let prose = "The chapter goes on at length about the sea, the ship and its crew, and \
                 what they saw on the long voyage south to the islands of the cape.";
    let text = format!("1. Notes\n\n{prose}\n\n2. Notes\n\n{prose}\n");
    assert_eq!(headings(&text).len(), 2);
    let text = "# Changes\n\n## Bug fixes\n\n* A crash on empty input.\n* A leak.\n\n\
                ## Bug fixes\n\n* A typo in the help.\n* A wrong exit code.\n";
    let fixes = headings(text);
    assert_eq!(
        fixes.iter().filter(|h| h.2 == "Bug fixes").count(),
        2,
        "{fixes:?}"
    );
}

#[test]
fn a_run_of_chapter_lines_is_a_table_of_contents() {
    let mut text = contents_list(1..=5);
    text.push_str(
        "CHAPTER 1. Name\n\nCall me Ishmael, and listen to the story I have to tell of the sea.\n",
    );
    let got = headings(&text);
    assert_eq!(
        got.iter().map(|h| h.1).collect::<Vec<_>>(),
        vec![13],
        "{got:?}"
    );
}

#[test]
fn a_contents_list_ending_in_a_heading_like_line_keeps_no_heading() {
    let mut text = contents_list(1..=5);
    text.push_str("Epilogue\n\nNotes\n\nCHAPTER 1. Name\n\nCall me Ishmael, and listen to the story I have to tell of the sea.\n");
    let got = headings(&text);
    assert_eq!(
        got.iter().map(|h| h.1).collect::<Vec<_>>(),
        vec![17],
        "{got:?}"
    );
}

#[test]
fn a_contents_list_with_wrapped_entries_is_folded_whole() {
    let mut text = contents_list(1..=6);
    text.push_str("CHAPTER 7. Of the Less Erroneous Pictures of Whales, and the True\nPictures of Whaling Scenes.\n\n");
    for n in 8..=12 {
        text.push_str(&format!("CHAPTER {n}. Name\n\n"));
    }
    text.push_str(
        "CHAPTER 1. Name\n\nCall me Ishmael, and listen to the story I have to tell of the sea.\n",
    );
    let blocks = structure(&text);
    let got = headings(&text);
    assert_eq!(
        got.iter().map(|h| h.1).collect::<Vec<_>>(),
        vec![28],
        "{got:?}"
    );
    // Long as it is, the wrapped entry is part of the list, not where the body starts.
    let wrapped = blocks.iter().find(|b| b.line == 15).unwrap();
    assert_eq!(wrapped.kind, BlockKind::Leftover, "{blocks:?}");
}

#[test]
fn a_division_title_wrapped_over_two_lines_is_a_heading_a_sentence_is_not() {
    let body = "It was a long voyage, and the whales were many, and the sea was wide and grey.";
    let text = format!(
        "CHAPTER 1. Loomings.\n\n{body}\n\nCHAPTER 57. Of Whales in Paint; in Teeth; in Wood; in Sheet-Iron; in\nStone; in Mountains; in Stars.\n\n{body}\n\nChapter 3 shows that the whales were many and the\nsea was wide.\n\n{body}\n"
    );
    let got = headings(&text);
    assert_eq!(
        got.iter().map(|h| h.1).collect::<Vec<_>>(),
        vec![1, 5],
        "{got:?}"
    );
    assert!(got[1].2.ends_with("in Stars."), "{got:?}");
}

#[test]
fn a_chinese_paragraph_keeps_its_ideographic_indent_as_its_first_line_indent() {
    let text = "第一回\n\n　　蓋聞天地之數，有十二萬九千六百歲為一元。將一元分為十二會，乃子、丑、寅\n、卯之十二支也。\n　　　　混沌未分天地亂，茫茫渺渺無人見。\n　　每會該一萬八百歲。\n";
    let blocks = structure(text);
    let placed: Vec<(&str, u16, u16)> = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .map(|b| (b.text.as_str(), b.placement.first, b.placement.rest))
        .collect();
    assert_eq!(
        placed,
        [
            (
                "蓋聞天地之數，有十二萬九千六百歲為一元。將一元分為十二會，乃子、丑、寅、卯之十二支也。",
                4,
                0
            ),
            ("混沌未分天地亂，茫茫渺渺無人見。", 8, 0),
            ("每會該一萬八百歲。", 4, 0)
        ],
        "{blocks:#?}"
    );
    // An indent of spaces alone is no ideographic indent.
    let blocks = structure("Title\n\n  An indented paragraph of prose, long enough to read.\n");
    assert!(blocks.iter().all(|b| b.placement.first == 0), "{blocks:#?}");
}

#[test]
fn aozora_annotations_make_headings_with_levels() {
    let text = "銀河鉄道の夜\n宮沢賢治\n\n［＃３字下げ］一、午后《ごご》の授業［＃「一、午后の授業」は中見出し］\n\n「ではみなさんは、そういうふうに川だと云われたりしていたこのぼんやりと白いものがほんとうは何かご承知ですか。」\n\n［＃大見出し］第二部［＃大見出し終わり］\n\n先生は、黒板に吊した大きな黒い星座の図の、上から下へ白くけぶった銀河帯のようなところを指しながら、みんなに問をかけました。";
    assert_eq!(
        headings(text),
        vec![(2, 4, "一、午后の授業".into()), (1, 8, "第二部".into())]
    );
}

#[test]
fn a_signature_after_verse_is_not_a_heading() {
    let text = "ABRIDGE, v.t.  To shorten, as a long account of things is shortened.\n\n      When in the course of human events it becomes necessary for\n  people to abridge their king, a decent respect for the opinions of\n\nOliver Cromwell\n\n\nABRUPT, adj.  Sudden, without ceremony, like the arrival of a cannon-shot and the departure of the soldier.\n";
    assert!(headings(text).is_empty(), "{:?}", headings(text));
    // The same short line before body text, with no verse above it, is still a heading.
    let text = "Some opening paragraph that is long enough to be body text here.\n\nOliver Cromwell\n\nA long paragraph of body text follows the heading and tells the story of the man at length.\n";
    assert_eq!(headings(text).len(), 1, "{:?}", headings(text));
}

#[test]
fn a_title_under_a_notice_in_capitals_is_a_heading_not_its_signature() {
    let notice = "Example Legal Code\n\n    THIS NOTICE IS NOT LEGAL ADVICE. THE AUTHORS PROVIDE THIS TEXT\n    AS IS AND GIVE NO WARRANTY ABOUT WHAT FOLLOWS FROM ITS USE.\n\n";
    let body = "The laws of most places give the author of a work rights in it, and some authors wish to give those rights up for good.\n";
    let text = format!("{notice}Statement of Purpose\n\n{body}");
    assert_eq!(
        headings(&text),
        vec![(2, 6, "Statement of Purpose".into())],
        "{:?}",
        headings(&text)
    );
    // Under a quotation in mixed case, the same line still signs it.
    let quotation = "Example Legal Code\n\n    The law is reason, free from passion, and a good deal of it\n    is written down so that nobody has to remember it all.\n\n";
    let text = format!("{quotation}Statement of Purpose\n\n{body}");
    assert!(headings(&text).is_empty(), "{:?}", headings(&text));
}

#[test]
fn a_short_line_under_lines_of_fields_is_no_attribution() {
    let text = "Swimmers broke three state records at the meet on Saturday, the coach said.\n\nPosted: Fri 6:45 PM, Feb 16, 2018 |\nUpdated: Sat 8:31 PM, Feb 17, 2018\n\nSTATE SWIM RESULTS\n\nThe full results of every race are listed below, from the relays to the diving final.\n";
    assert_eq!(
        headings(text),
        vec![(2, 6, "STATE SWIM RESULTS".into())],
        "{:?}",
        headings(text)
    );
}

#[test]
fn a_title_in_capitals_between_two_passages_set_in_opens_the_second() {
    // A book's prefatory note set in, then a section of quotations set in under its title at
    // the margin: the title heads them.
    let body = "Chapter text begins at the margin and runs on for long enough to be the book's own body text.\n\nIt goes on here as well, at the margin, for a second paragraph of the same kind.\n\n";
    let note = "  A note set in by two spaces, over two lines of it, that the author\n  addressed to the reader before the quotations.\n\n";
    let quotes = "  \u{201c}The first quotation, set in.\u{201d} \u{2014}Someone.\n\n  \u{201c}The second quotation, set in as well.\u{201d} \u{2014}Another.\n\n";
    let text = format!("{body}{note}QUOTATIONS.\n\n{quotes}{body}");
    assert!(
        headings(&text).iter().any(|(_, _, t)| t == "QUOTATIONS."),
        "{:?}",
        headings(&text)
    );
    // Under set-in verse, with the text going on at the margin after it, the same line is
    // the verse's signature.
    let verse = "  A line of verse set in,\n  and a second line of it.\n\n";
    let text = format!("{body}{verse}G.J.\n\n{body}");
    assert!(headings(&text).is_empty(), "{:?}", headings(&text));
    // A term of a definition list, not in capitals, is no heading either.
    let text = format!("{body}{note}Identifier\n\n{quotes}{body}");
    assert!(headings(&text).is_empty(), "{:?}", headings(&text));
}

#[test]
fn a_short_line_set_apart_from_an_example_above_it_is_a_heading() {
    // A manual's section title, two blank lines under an example: it starts something
    // new, where an attribution sits right under its quotation.
    let example = "Some opening paragraph that is long enough to be body text here.\n\n        dd\n        dw\n        x\n";
    let body = "To delete a whole line use the dd command, and the lines below move up to fill the gap it leaves.\n";
    let text = format!("{example}\n\nDELETING A LINE\n\n{body}");
    assert_eq!(
        headings(&text),
        vec![(2, 8, "DELETING A LINE".into())],
        "two blank lines"
    );
    let text = format!("{example}\nDELETING A LINE\n\n{body}");
    assert!(
        headings(&text).is_empty(),
        "one blank line: {:?}",
        headings(&text)
    );
}

#[test]
fn standalone_short_lines_need_body_after_them() {
    let text = "Opening words of a long paragraph that sets the scene for everything after it.\n\nThe Storm\n\nIt rained for days and days, and nobody in the village could remember such weather.\n\nTHE END";
    let got = headings(text);
    assert_eq!(got, vec![(2, 3, "The Storm".into())]);
}

/// Terms of an agreement that run each numbered title on to its clauses, no blank line
/// between, the clauses set in under the title's words.
const RUN_ON_TERMS: &str = "\
1. Licence to Read

   The Keeper grants you the right to read the logbook at any hour of the day or
   night, in the lamp room or in the cottage, and to copy out what you read there.

2. Duties of the Reader

   2.1. Care of the Pages
    (a) Candles. No candle may be set down on an open page of the logbook at
    any time, and a page that is marked by wax must be shown to the Keeper.

   2.2. Return of the Logbook
    The logbook goes back to its shelf when the reader is done with it, and
    the key of the shelf goes back to the Keeper before the lamp is lit.
";

#[test]
fn a_help_files_examples_run_into_its_text_are_code_of_their_own() {
    // A help file's entry: text, an example opened by '>', closed by '<' with text after
    // it, a second example closed by a lone '<', no blank line anywhere.
    let help = "The lamp settings live in a file of their own.\n\n\
                \t\tTo light the lamp at dusk, put this in it: >\n\
                \t\t\tset lamp=dusk\n\
                \t\t\tset wick=trimmed\n\
                <\t\tThe keeper may also say when: >\n\
                \t\t\tset hour=18\n\
                <\n\
                \t\tThat is all there is to it, and it is read at every start.\n";
    let blocks = structure(help);
    let shown: Vec<(BlockKind, &str)> = blocks
        .iter()
        .map(|b| (b.kind, b.text.trim_start()))
        .collect();
    let code: Vec<&str> = shown
        .iter()
        .filter(|(kind, _)| *kind == BlockKind::Code)
        .map(|(_, text)| *text)
        .collect();
    assert_eq!(code.len(), 2, "{shown:#?}");
    assert!(code[0].starts_with("set lamp=dusk") && code[0].contains("set wick=trimmed"));
    assert!(code[1].starts_with("set hour=18"), "{shown:#?}");
    let text_of = |start: &str| {
        shown
            .iter()
            .find(|(_, t)| t.starts_with(start))
            .map(|s| s.0)
    };
    assert_eq!(text_of("To light the lamp"), Some(BlockKind::Paragraph));
    // The '<' that closed the example is markup: the text after it stands alone.
    assert_eq!(
        text_of("The keeper may also say"),
        Some(BlockKind::Paragraph)
    );
    assert_eq!(text_of("That is all"), Some(BlockKind::Paragraph));
    assert!(blocks.iter().all(|b| b.text.trim() != "<"), "{shown:#?}");
    // A line ending in '>' over text at its own depth opens nothing.
    let plain = "Intro.\n\nThe arrow points right: >\nand the text goes on at the margin.\n";
    assert!(structure(plain).iter().all(|b| b.kind != BlockKind::Code));
}

#[test]
fn a_numbered_title_run_on_to_its_clauses_is_a_heading() {
    let got = headings(RUN_ON_TERMS);
    let titles: Vec<&str> = got.iter().map(|(_, _, t)| t.as_str()).collect();
    assert!(titles.contains(&"2.1. Care of the Pages"), "{got:?}");
    assert!(titles.contains(&"2.2. Return of the Logbook"), "{got:?}");
    let blocks = structure(RUN_ON_TERMS);
    let clause = blocks
        .iter()
        .find(|b| b.text.starts_with("(a) Candles."))
        .expect("the clause is a block of its own");
    assert_eq!(clause.line, 9);
    assert!(clause.text.ends_with("must be shown to the Keeper."));
}

#[test]
fn a_list_item_or_a_range_over_its_text_stays_whole() {
    for text in [
        // A list item's first line broken short, in sentence case.
        "Steps to follow:\n\n1. Install the tools\n   with the package manager of your system, and then open the\n   terminal again so that the path is read afresh by the shell.\n",
        // A range of numbers over what it is for, as a registry lists them.
        "Values:\n\n23 - 3,840\nAssigned by the keeper of the registry to those who ask for a\nnumber, each one for a single use and never for two at once.\n",
        // A title wrapped on to a second line is one title.
        "1. Licence to Read the Logbook of the Lighthouse at Any Hour of the Day\n   or Night\n\nThe Keeper grants you the right to read it.\n",
    ] {
        let blocks = structure(text);
        let first_line = text
            .lines()
            .position(|l| l.trim_start().starts_with(char::is_numeric))
            .unwrap()
            + 1;
        let block = blocks
            .iter()
            .find(|b| b.line == first_line)
            .expect("a block there");
        assert!(
            block.text.contains(' ') && block.text.split_whitespace().count() > 6,
            "{text:?}: {blocks:#?}"
        );
    }
}

/// A declaration set as its translations set it: a title, a preamble, then articles under a
/// label and a number, each over a clause or two.
fn declaration(label: impl Fn(usize) -> String) -> String {
    let mut text = String::from("Deklarasjon om rettar\n\nInnleiing\n\n");
    text.push_str("Alle skal ha dei same rettane, og ingen skal takast frå dei.\n\n");
    for n in 1..=5 {
        text.push_str(&format!(
            "{}\n\nKvar person har rett til liv og fridom nummer {n}.\n\n",
            label(n)
        ));
    }
    text
}

#[test]
fn articles_under_a_label_and_a_number_are_headings_in_any_language() {
    for label in [
        |n| format!("Artikkel {n}."),
        |n| format!("{n} artihkal"),
        // Each is the same word under another number: five articles, none said again.
        |n| format!("{n}. stat’t’u"),
        |n| {
            format!(
                "Mataki na {} ({n})",
                ["farko", "biyu", "uku", "huɗu", "biyar"][n - 1]
            )
        },
        |n: usize| format!("{n}."),
        // Joined to its label, glossed, parted by a comma, or in brackets beside the words
        // that spell it out.
        |n| format!("{n}-статья"),
        |n| format!("{n}‐нэрэ пычыгъу"),
        |n| format!("Aatikl {n} (Di paat we diil wid piipl raits)"),
        |n| format!("Ayojeitaqueri, {n}."),
        |n| {
            format!(
                "{} Xoy ({n})",
                ["Kiñe", "Epu", "Küla", "Meli", "Kechu"][n - 1]
            )
        },
    ] {
        let text = declaration(label);
        let found = headings(&text);
        let articles: Vec<&str> = found
            .iter()
            .map(|(_, _, t)| t.as_str())
            .filter(|t| t.chars().any(|c| c.is_ascii_digit()))
            .collect();
        assert_eq!(articles.len(), 5, "{text}\n{found:?}");
        assert!(found.iter().all(|(level, _, _)| *level == 2), "{found:?}");
    }
}

#[test]
fn articles_numbered_in_words_are_headings_when_many_share_their_label() {
    const SPELLED: [&str; 8] = [
        "aroini", "teluni", "efatrani", "dimini", "tsivi", "fitoni", "valoni", "siviani",
    ];
    let clause = "Kula huluŋu meti mikudai fikurumianaŋa amin’nazi ninsharia ndreka nafasi \
                  retu djabi, nivulaŋana amin’ni Matekelezo itì, wala tsisi fifidanaŋa.";
    let mut text = format!("TANGAZO LA HAKI\n\nUtangulizi wa tangazo\n\n{clause}\n\n");
    for word in SPELLED {
        text.push_str(&format!("Kanuni faha {word} :\n\n{clause}\n\n"));
    }
    let found = headings(&text);
    let articles = found
        .iter()
        .filter(|(_, _, t)| t.starts_with("Kanuni faha"))
        .count();
    assert_eq!(articles, 8, "{found:?}");
    // Spelled in five words, the count past ten ("Kanuni ya kumi na moja").
    let mut past_ten = format!("TANGAZO LA HAKI\n\nUtangulizi wa tangazo\n\n{clause}\n\n");
    for word in SPELLED {
        past_ten.push_str(&format!("Kanuni ya kumi na {word}\n\n{clause}\n\n"));
    }
    let found = headings(&past_ten);
    assert_eq!(
        found
            .iter()
            .filter(|(_, _, t)| t.starts_with("Kanuni ya"))
            .count(),
        8,
        "{found:?}"
    );
    // Five such lines are too few to tell from a list's or a cast's.
    let mut five = String::from("A Play\n\nThe stage is bare.\n\n");
    for word in ["Lord", "Citizen", "Soldier", "Servant", "Guard"] {
        five.push_str(&format!(
            "First {word}\n\nHe says his line and goes out.\n\n"
        ));
    }
    assert!(
        headings(&five)
            .iter()
            .all(|(_, _, t)| !t.starts_with("First")),
        "{:?}",
        headings(&five)
    );
    // Lines said again, or set one under another as a list's, are no series.
    let mut said_again = String::from("A Play\n\nThe stage is bare.\n\n");
    for _ in 0..8 {
        said_again.push_str("First Citizen\n\nHe says his line and goes out.\n\n");
    }
    assert!(
        headings(&said_again).is_empty(),
        "{:?}",
        headings(&said_again)
    );
    let mut listed = String::from("The Team\n\nWe are eight.\n\n");
    for word in SPELLED {
        listed.push_str(&format!("Player {word}\n"));
    }
    listed.push_str("\nThat is the whole team.\n");
    assert!(headings(&listed).is_empty(), "{:?}", headings(&listed));
}

#[test]
fn articles_in_another_script_count_in_its_digits() {
    let text = declaration(|n| format!("અનુચ્છેદ {}:", ['૧', '૨', '૩', '૪', '૫'][n - 1]));
    assert_eq!(headings(&text).len(), 6, "the preamble and five articles");
    let text = declaration(|n| format!("條{n}："));
    assert_eq!(headings(&text).len(), 6, "{:?}", headings(&text));
}

#[test]
fn page_numbers_and_numbers_that_do_not_count_head_nothing() {
    // A page's number falls where the page ended, in the middle of a sentence.
    let mut pages = String::from("A Book\n\n");
    for n in 1..=5 {
        pages.push_str(&format!(
            "The road ran on past the farm and the mill, and\n\nPage {n}\n\nthen down to the river where they waited.\n\n"
        ));
    }
    assert!(headings(&pages).is_empty(), "{:?}", headings(&pages));
    // Labels whose numbers do not count up are lines of a list, an address, a table.
    // Counting up, the same lines are a series (the fixture is sound).
    let counting = declaration(|n| format!("{n} rom"));
    assert_eq!(headings(&counting).len(), 6, "{:?}", headings(&counting));
    let text = declaration(|n| format!("{} rom", [12, 7, 40, 3, 19][n - 1]));
    let found = headings(&text);
    assert!(
        found.iter().all(|(_, _, t)| !t.ends_with("rom")),
        "{found:?}"
    );
}

#[test]
fn a_restructured_text_link_target_is_markup_and_no_title() {
    let text = ".. highlight:: c\n\n.. _complexobjects:\n\nComplex Number Objects\n----------------------\n\nPython's complex number objects are implemented as two distinct types when viewed from\nthe C API: one is the Python object exposed to Python programs.\n\nAs C Structures\n^^^^^^^^^^^^^^^\n\nParameters and return values are passed by value here, not by reference, as is\nusual elsewhere.\n";
    let blocks = structure(text);
    let title = blocks.iter().find(|b| b.kind == BlockKind::Title);
    assert_eq!(
        title.map(|b| b.text.as_str()),
        Some("Complex Number Objects"),
        "{blocks:#?}"
    );
    let target = blocks.iter().find(|b| b.text.contains("_complexobjects"));
    assert_eq!(
        target.map(|b| b.kind),
        Some(BlockKind::Code),
        "kept, as markup"
    );
}

#[test]
fn rows_of_figures_keep_their_lines_and_prose_with_numbers_flows() {
    let table = "Pos. Driver Points Wins\n1 Kyle Busch 5040 5\n2 Martin Truex Jr. 5035 7\n3 Kevin Harvick 5033 4\n4 Denny Hamlin 5027 6";
    let blocks = structure(&format!("Standings\n\n{table}\n"));
    let rows = blocks.iter().find(|b| b.text.contains("Kyle Busch"));
    assert_eq!(rows.map(|b| b.text.as_str()), Some(table), "{blocks:#?}");
    assert_eq!(rows.map(|b| b.kind), Some(BlockKind::Code));
    // A note that cites lines and pages, wrapped at a measure: prose, run together.
    let note = "III. 3. 48. Each putter out of five for one. See Beaumont and\nFletcher, The Noble Gentleman, I. 1. (Vol. II. p. 261, ed. Moxon):\nthe return will give you five for one. MARINE is about to travel.";
    let blocks = structure(&format!("Notes\n\n{note}\n"));
    let prose = blocks.iter().find(|b| b.text.contains("Beaumont"));
    assert_eq!(
        prose.map(|b| b.kind),
        Some(BlockKind::Paragraph),
        "{blocks:#?}"
    );
    assert!(prose.is_some_and(|b| !b.text.contains('\n')));
}

#[test]
fn a_line_of_capitals_set_well_apart_over_a_chapter_names_a_part() {
    let chapter = "CHAPTER I. The Road\n\nThe road ran on past the farm and the mill, and then down to the river where they waited for the boat.\n";
    let book = format!(
        "{}\n\n\n\n\nTHE WANDERER'S RETURN\n\n{chapter}",
        "An opening paragraph of prose that runs long enough to be the body of the book itself."
    );
    let found = headings(&book);
    assert!(
        found.iter().any(|(_, _, t)| t == "THE WANDERER'S RETURN"),
        "{found:?}"
    );
    // One blank line before it: a line of the text, not a part's title.
    let close = format!(
        "{}\n\nTHE WANDERER'S RETURN\n\n{chapter}",
        "An opening paragraph of prose that runs long enough to be the body of the book itself."
    );
    let found = headings(&close);
    assert!(
        !found.iter().any(|(_, _, t)| t == "THE WANDERER'S RETURN"),
        "{found:?}"
    );
}

#[test]
fn a_title_over_a_bullet_after_a_line_without_a_stop_still_heads() {
    let text = "Streams\n\nA stream set to show its base prints this number in capitals, and the example\nthat shows it ends on the value itself, with no stop after it: 3735928559\n\nDisplaying Floating Point Numbers\n\n    o fixed shows a fixed number of digits after the point, set with the precision\n    o scientific shows an exponent, whatever the size of the number written\n";
    let found = headings(text);
    assert!(
        found
            .iter()
            .any(|(_, _, t)| t == "Displaying Floating Point Numbers"),
        "{found:?}"
    );
}
