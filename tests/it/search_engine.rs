//! The search engine on its own: folding (case, accents, combining marks, CJK), hits as byte
//! ranges of the original block text, regex errors, agreement with a plain reference search
//! on random text, and, when QUIRE_CORPUS is set, on two whole books.

use proptest::prelude::*;
use quire::document::Anchor;
use quire::document::Document;
use quire::search::{Found, Matcher, SearchError, find_all_from, search};

fn doc(text: &str) -> Document {
    Document::from_text(text, "t.txt")
}

fn texts(doc: &Document, found: &Found) -> Vec<String> {
    found
        .matches
        .iter()
        .map(|m| doc.blocks[m.block].text[m.range()].to_string())
        .collect()
}

fn hits(doc: &Document, query: &str) -> Vec<String> {
    texts(doc, &search(doc, query, false).unwrap())
}

#[test]
fn cjk_text_matches_on_character_boundaries() {
    let d = doc("話說那孫行者與豬八戒同行。\n\n行者笑道：好！\n");
    assert_eq!(hits(&d, "行者"), ["行者", "行者"]);
    assert_eq!(hits(&d, "行"), ["行", "行", "行"]);
    let found = search(&d, "行者", false).unwrap();
    assert_eq!(found.matches[0].start, "話說那孫".len());
}

#[test]
fn combining_marks_stay_with_their_letter() {
    // Decomposed text: the accent after "e" belongs to the hit.
    let d = doc("Un cafe\u{301} noir et un thé.\n");
    assert_eq!(hits(&d, "cafe"), ["cafe\u{301}"]);
    assert_eq!(hits(&d, "café"), ["cafe\u{301}"]);
    assert_eq!(hits(&d, "the"), ["thé"]);
    assert_eq!(hits(&d, "thé"), ["thé"]);
    // A query without accents does not pull in a neighbouring letter.
    assert_eq!(hits(&d, "caf"), ["caf"]);
    // Devanagari vowel signs are letters, not accents: they are never ignored.
    let hindi = doc("सभी मनुष्यों को गौरव\n");
    assert_eq!(hits(&hindi, "मनुष्यों"), ["मनुष्यों"]);
    assert!(hits(&hindi, "मनषय").is_empty());
}

#[test]
fn unicode_case_folding() {
    let d = doc("STRASSE and Straße; ΟΔΟΣ and οδος; ǅemal.\n");
    assert_eq!(hits(&d, "straße"), ["STRASSE", "Straße"]);
    assert_eq!(hits(&d, "strasse"), ["STRASSE", "Straße"]);
    assert_eq!(hits(&d, "οδος"), ["ΟΔΟΣ", "οδος"]);
    assert_eq!(hits(&d, "ǆemal"), ["ǅemal"]);
    // An upper-case letter makes the search exact about case.
    assert_eq!(hits(&d, "Straße"), ["Straße"]);
    assert_eq!(hits(&d, "ΟΔΟΣ"), ["ΟΔΟΣ"]);
}

#[test]
fn partial_expansions_cover_the_whole_source_character() {
    // "s" is half of ß's folding: the hit is the whole ß.
    let d = doc("Maß\n");
    assert_eq!(hits(&d, "mas"), ["Maß"]);
}

#[test]
fn phrases_match_across_the_line_breaks_of_the_source() {
    // Hard-wrapped source lines join into one paragraph; code keeps its newline, and a space
    // in the query matches it.
    let d = doc("The white\nwhale swam.\n\n    let white\n    whale = 1;\n");
    let found = search(&d, "white whale", false).unwrap();
    assert_eq!(found.matches.len(), 2, "{:?}", texts(&d, &found));
}

#[test]
fn hits_never_span_two_blocks() {
    let d = doc("ends with white\n\nwhale starts this one\n");
    assert!(hits(&d, "white whale").is_empty());
    assert!(
        search(&d, "white\\s+whale", true)
            .unwrap()
            .matches
            .is_empty()
    );
}

#[test]
fn regexes_and_their_errors() {
    let d = doc("The whale, the wale, the Whale.\n");
    assert_eq!(hits(&d, "\\wh?ale"), ["whale", "wale", "Whale"]);
    assert_eq!(
        hits(&d, "\\W\\w+le"),
        ["Whale"],
        "upper case outside escapes makes it exact"
    );
    for bad in ["\\(", "\\[a-", "\\a{99999999}", "\\x{zz}"] {
        match search(&d, bad, false) {
            Err(SearchError::BadRegex(msg)) => {
                assert!(!msg.is_empty() && !msg.contains('\n'), "{bad}: {msg}")
            }
            other => panic!("{bad}: {other:?}"),
        }
    }
    // Patterns that match the empty string find nothing rather than every position.
    assert!(search(&d, "x*", true).unwrap().matches.is_empty());
    // Regex mode makes a literal backslash query a pattern as typed.
    assert_eq!(
        texts(&d, &search(&d, "\\bthe\\b", true).unwrap()),
        ["The", "the", "the"]
    );
}

#[test]
fn empty_and_blank_queries_find_nothing() {
    let d = doc("Some text.\n");
    assert!(Matcher::new("", false).unwrap().is_none());
    assert!(Matcher::new("\\", false).unwrap().is_none());
    assert!(search(&d, "", false).unwrap().matches.is_empty());
}

/// The obvious search for ASCII text: lower-case everything, collapse whitespace, find all
/// non-overlapping occurrences.
fn reference(blocks: &[String], query: &str) -> usize {
    let q = query
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let q = if query.ends_with(' ') && !q.is_empty() {
        format!("{q} ")
    } else {
        q
    };
    if q.is_empty() {
        return 0;
    }
    blocks
        .iter()
        .map(|b| {
            b.to_lowercase()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .matches(q.as_str())
                .count()
        })
        .sum()
}

proptest! {
    #[test]
    fn agrees_with_a_plain_lowercase_search(
        words in proptest::collection::vec("[abAB]{1,3}", 1..60),
        query in "[ab]{1,3}( [ab]{1,2})?",
    ) {
        let text = words.join(" ");
        let d = doc(&text);
        let blocks: Vec<String> = d.blocks.iter().map(|b| b.text.clone()).collect();
        let found = search(&d, &query, false).unwrap();
        prop_assert_eq!(found.matches.len(), reference(&blocks, &query));
        for m in &found.matches {
            let hit = &d.blocks[m.block].text[m.range()];
            prop_assert_eq!(hit.to_lowercase(), query.clone());
        }
    }

    #[test]
    fn never_panics_and_ranges_are_char_boundaries(text in "\\PC{0,200}", query in "\\PC{0,6}", regex in any::<bool>()) {
        let d = doc(&text);
        if let Ok(found) = search(&d, &query, regex) {
            for m in &found.matches {
                let block = &d.blocks[m.block].text;
                prop_assert!(m.start < m.end && m.end <= block.len());
                prop_assert!(block.is_char_boundary(m.start) && block.is_char_boundary(m.end));
            }
        }
    }
}

fn corpus_doc(file: &str) -> Option<Document> {
    let Some(dir) = std::env::var_os("QUIRE_CORPUS") else {
        println!("QUIRE_CORPUS is not set: skipping the corpus search test");
        return None;
    };
    Some(Document::open(&std::path::Path::new(&dir).join(file)).expect("the corpus file opens"))
}

#[test]
fn corpus_moby_dick_agrees_with_the_reference() {
    let Some(d) = corpus_doc("A-books/moby-dick.pg2701.txt") else {
        return;
    };
    let blocks: Vec<String> = d.blocks.iter().map(|b| b.text.clone()).collect();
    for query in ["whale", "white whale", "ahab", "the", "queequeg"] {
        let matcher = Matcher::new(query, false).unwrap().unwrap();
        let found = find_all_from(&d, &matcher, Anchor::default());
        assert_eq!(found.matches.len(), reference(&blocks, query), "{query}");
    }
}

#[test]
fn corpus_xi_you_ji_finds_every_occurrence() {
    let Some(d) = corpus_doc("B-nonlatin/xi-you-ji.pg23962.txt") else {
        return;
    };
    for query in ["行者", "唐僧", "悟空"] {
        let expected: usize = d.blocks.iter().map(|b| b.text.matches(query).count()).sum();
        let found = search(&d, query, false).unwrap();
        assert_eq!(
            found.matches.len(),
            expected.min(quire::search::MAX_MATCHES),
            "{query}"
        );
        assert!(expected > 0, "{query} is in the book");
    }
}
