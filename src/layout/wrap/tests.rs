//! Tests of wrapping: flowing text, words wider than the column, hyphenation at syllables,
//! wide and clustered characters, hanging indents, and code lines kept, cut or wrapped.

use super::*;

fn lines(text: &str, width: usize) -> Vec<&str> {
    wrap_flowing(text, width, width)
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

/// Lines as drawn when hyphenating in `language`: a line ending at a syllable with its "-".
fn hyphenated(text: &str, width: usize, language: hypher::Lang) -> Vec<String> {
    let mut out = Vec::new();
    wrap_prose_each(text, (width, width), Some(language), |range, hyphen| {
        out.push(format!("{}{}", &text[range], if hyphen { "-" } else { "" }));
    });
    out
}

#[test]
fn long_words_break_at_their_syllables_with_a_hyphen_that_fits() {
    let text = "The characteristically extraordinary whale.";
    let got = hyphenated(text, 20, hypher::Lang::English);
    assert_eq!(got, ["The characteristi-", "cally extraordinary", "whale."]);
    for line in &got {
        assert!(display_width(line) <= 20, "{line:?}");
    }
    // Without hyphenation the long word goes whole to the next line.
    assert_eq!(
        lines(text, 20),
        ["The", "characteristically", "extraordinary whale."]
    );
}

#[test]
fn punctuation_stays_with_its_word_and_odd_words_are_not_broken() {
    // Leading and trailing punctuation goes with the first and last syllables.
    let got = hyphenated("ab “Extraordinary,” cd", 12, hypher::Lang::English);
    assert!(
        got[0].starts_with("ab “Extra") && got[0].ends_with('-'),
        "{got:?}"
    );
    assert!(got[1].ends_with("nary,” cd"), "{got:?}");
    // Words with their own hyphen, an apostrophe, a digit or a soft hyphen are not broken
    // by the dictionary; neither are short ones.
    for word in [
        "extraordinary's",
        "extraordinary9",
        "extra\u{ad}ordinary",
        "under",
    ] {
        let text = format!("abcdefghij {word}");
        let got = hyphenated(&text, 12, hypher::Lang::English);
        assert!(
            got.iter()
                .all(|l| !l.ends_with('-') || l.ends_with("\u{ad}")),
            "{word}: {got:?}"
        );
    }
}

#[test]
fn a_wide_space_inside_a_broken_word_is_counted_where_it_is_drawn() {
    // The line-breaking rules keep "bb　ぉ" one word (no break before a small kana); cut
    // into pieces for a narrow first line, the ideographic space between them still
    // takes its two columns on the wider lines after.
    let text = "- aaxrqisluxkpgbhuyubb\u{3000}ぉかゅひげよぴぃくろ https://onuimcqvmzspuijsslvvghgcjs/wy2v980tu4h709qah4jgk/p74wgry0/89idf/ferqf6x13g0lr2";
    let lines = wrap_flowing(text, 2, 110);
    for (n, line) in lines.iter().enumerate() {
        let limit = if n == 0 { 2 } else { 110 };
        assert!(
            display_width(&text[line.clone()]) <= limit,
            "{:?}",
            &text[line.clone()]
        );
    }
}

#[test]
fn a_compound_breaks_after_its_own_hyphen_with_none_added() {
    let got = hyphenated("abc well-known", 9, hypher::Lang::English);
    assert_eq!(got, ["abc well-", "known"]);
    // Its parts may still break at their syllables.
    let got = hyphenated("abcdefghij extra-ordinary", 12, hypher::Lang::English);
    assert_eq!(got, ["abcdefghij", "extra-ordi-", "nary"]);
    // A hyphen that is not between letters is no place to break.
    assert_eq!(
        hyphenated("ab -- cd", 3, hypher::Lang::English),
        ["ab", "--", "cd"]
    );
}

#[test]
fn hyphenation_follows_the_language_and_leaves_short_lines_alone() {
    let german = hyphenated("Die Donaudampfschifffahrt", 14, hypher::Lang::German);
    assert_eq!(german, ["Die Donau-", "dampfschiff-", "fahrt"]);
    // A line that fits is not broken, whatever its words.
    let text = "characteristically";
    assert_eq!(hyphenated(text, 30, hypher::Lang::English), [text]);
    // A column too narrow for a syllable and its hyphen breaks the word as before.
    let narrow = hyphenated("incomprehensibilities", 3, hypher::Lang::English);
    assert_eq!(narrow.concat(), "incomprehensibilities");
}

#[test]
fn a_dash_that_opens_a_word_stays_with_it() {
    // Each text has an ideograph, so its breaks come from the Unicode rules, which allow
    // one after a dash.
    for text in [
        "aaaa –bbbb 日本",
        "日本 —bbbb",
        "–bbbb aaaa 日",
        "aaaa −12 日本",
    ] {
        for width in 4..12 {
            let shown = lines(text, width);
            assert!(
                shown.iter().all(|l| !l.ends_with(['–', '—', '−'])),
                "{text:?} at {width}: {shown:?}"
            );
            assert_eq!(shown.concat().replace(' ', ""), text.replace(' ', ""));
        }
    }
    // A dash between spaces, or at the very end, is a word of its own; nothing is lost.
    for text in ["aaaa – bbbb 日", "aaaa bb 日 –"] {
        for width in 4..12 {
            let shown = lines(text, width);
            assert_eq!(shown.concat().replace(' ', ""), text.replace(' ', ""));
        }
    }
}

#[test]
fn wraps_at_spaces() {
    assert_eq!(
        lines("the quick brown fox", 10),
        vec!["the quick", "brown fox"]
    );
}

#[test]
fn long_words_break_between_graphemes() {
    assert_eq!(lines("abcdefgh", 3), vec!["abc", "def", "gh"]);
    // e + combining acute stays together.
    let text = "e\u{301}e\u{301}e\u{301}";
    assert_eq!(lines(text, 2), vec!["e\u{301}e\u{301}", "e\u{301}"]);
}

#[test]
fn cjk_is_two_columns_wide() {
    let text = "你好世界你好";
    let got = lines(text, 5);
    assert!(got.iter().all(|l| display_width(l) <= 5), "{got:?}");
    assert_eq!(got.concat(), text);
}

#[test]
fn emoji_zwj_sequence_is_one_wide_cluster() {
    assert_eq!(display_width("👨\u{200d}👩\u{200d}👧"), 2);
}

#[test]
fn fast_width_agrees_with_grapheme_width() {
    let samples = [
        "“Call me Ishmael,” he said—twice.",
        "Ελληνικά и русский",
        "西遊記「第一回」，靈根育孕源流出。",
        "한국어 문장",
        "e\u{301}",
        "🇫🇷🇩🇪",
        "👍🏽",
        "ä\u{308}",
        "ｶﾀｶﾅ",
    ];
    for s in samples {
        let slow: usize = s.graphemes(true).map(UnicodeWidthStr::width).sum();
        assert_eq!(display_width(s), slow, "{s}");
    }
}

#[test]
fn wide_spaces_never_end_or_fill_a_line() {
    assert_eq!(lines("aaa\u{3000}bb", 2), vec!["aa", "a", "bb"]);
    assert_eq!(lines("ab\u{3000}cd ef", 6), vec!["ab\u{3000}cd", "ef"]);
    assert_eq!(lines("ab\u{3000}", 2), vec!["ab"]);
    // Unicode keeps "— —" together as one word; broken, the space goes with the break.
    assert_eq!(lines("— — —", 2), vec!["—", "—", "—"]);
}

#[test]
fn wrapping_in_batches_matches_wrapping_at_once() {
    let text = "a bb ccc dddd eeeee ffffff longerwordthanthecolumn 你好世界你好 \
                e\u{301}te\u{301} soft\u{ad}hyphen\u{ad}ated — — end. "
        .repeat(20);
    let in_batches = |first, width, batch| {
        let mut lines = Vec::new();
        for hyphenation in [None, Some(hypher::Lang::English)] {
            let wrap = Wrap { batch, hyphenation };
            wrap.lines(&text, first, width, |line, hyphen| {
                lines.push((line, hyphen))
            });
        }
        lines
    };
    for (first, width) in [(7, 7), (9, 5), (3, 12), (1, 1), (40, 38), (200, 200)] {
        let whole = in_batches(first, width, usize::MAX);
        for batch in [1, 2, 3, 17, 100] {
            assert_eq!(
                in_batches(first, width, batch),
                whole,
                "widths {first}/{width}, batch {batch}"
            );
        }
    }
}

#[test]
fn hanging_indent_widths() {
    let text = "aaa bbb ccc ddd";
    let got: Vec<&str> = wrap_flowing(text, 7, 3)
        .into_iter()
        .map(|r| &text[r])
        .collect();
    assert_eq!(got, vec!["aaa bbb", "ccc", "ddd"]);
}

fn cut(text: &str, width: usize) -> Vec<(&str, bool)> {
    cut_preformatted(text, width)
        .into_iter()
        .map(|(r, cut)| (&text[r], cut))
        .collect()
}

#[test]
fn line_breaks_in_flowing_text_are_kept() {
    let text = "April is the cruellest month\nLilacs\n\nDull roots";
    let got: Vec<&str> = wrap_flowing(text, 12, 12)
        .into_iter()
        .map(|r| &text[r])
        .collect();
    assert_eq!(
        got,
        vec![
            "April is the",
            "cruellest",
            "month",
            "Lilacs",
            "",
            "Dull roots"
        ]
    );
}

#[test]
fn preformatted_keeps_lines() {
    let text = "fn main() {\n    x\n}";
    assert_eq!(
        cut(text, 80),
        vec![("fn main() {", false), ("    x", false), ("}", false)]
    );
    let whole: Vec<&str> = preformatted_lines(text)
        .into_iter()
        .map(|r| &text[r])
        .collect();
    assert_eq!(whole, vec!["fn main() {", "    x", "}"]);
}

#[test]
fn long_code_lines_are_cut_not_wrapped() {
    let text = "let total = first + second;\nok";
    // Nine columns: eight of text, the ninth for the marker.
    assert_eq!(cut(text, 9), vec![("let tota", true), ("ok", false)]);
    // A line exactly as wide as the column is whole.
    assert_eq!(cut("abcdefghi", 9), vec![("abcdefghi", false)]);
    // Deep indentation is cut like anything else: the marker shows there is more.
    assert_eq!(cut("        deep", 4), vec![("   ", true)]);
    // Empty lines inside code keep their place.
    assert_eq!(
        cut("a\n\nb", 4),
        vec![("a", false), ("", false), ("b", false)]
    );
    // Plain output keeps the long line whole.
    let whole: Vec<&str> = preformatted_lines(text)
        .into_iter()
        .map(|r| &text[r])
        .collect();
    assert_eq!(whole, vec!["let total = first + second;", "ok"]);
}

#[test]
fn code_cut_respects_clusters_and_wide_chars() {
    // CJK takes two columns: in 6 columns, 5 are for text, so two ideographs fit.
    assert_eq!(cut("你好世界", 6), vec![("你好", true)]);
    // A combining mark stays with its base letter.
    let text = "e\u{301}e\u{301}e\u{301}e\u{301}";
    assert_eq!(cut(text, 3), vec![("e\u{301}e\u{301}", true)]);
    // An emoji ZWJ sequence is one two-column cluster: kept whole or left out whole.
    let family = "👨\u{200d}👩\u{200d}👧";
    let text = format!("a{family}{family}");
    assert_eq!(cut(&text, 4), vec![(&text[..1 + family.len()], true)]);
    for width in 3..12 {
        for (shown, was_cut) in cut(&text, width) {
            let drawn = display_width(shown) + usize::from(was_cut);
            assert!(drawn <= width, "{shown:?} at {width}");
        }
    }
}

#[test]
fn korean_breaks_at_spaces_not_inside_words() {
    let text = "모든 사람은 의견의 자유와 표현의 자유에 대한 권리를 가진다 이러한 권리는 간섭없이 의견을 가질 자유";
    for width in [12, 20, 30] {
        let lines = wrap_flowing(text, width, width);
        let words: Vec<&str> = lines
            .iter()
            .flat_map(|r| text[r.clone()].split_whitespace())
            .collect();
        assert_eq!(
            words,
            text.split_whitespace().collect::<Vec<_>>(),
            "at {width}"
        );
        for r in &lines {
            assert!(display_width(&text[r.clone()]) <= width);
        }
    }
    // A word wider than the column is still broken to fit.
    let long = "가나다라마바사아자차카타파하가나다라마바사";
    let lines = wrap_flowing(long, 10, 10);
    assert!(lines.len() > 1);
    assert!(lines.iter().all(|r| display_width(&long[r.clone()]) <= 10));
}

#[test]
fn thai_breaks_between_its_words_not_inside_them() {
    // Thai sets no space between words: its break opportunities come from a word model.
    let words = [
        "ประเทศ",
        "ไทย",
        "มี",
        "ภาษา",
        "ของ",
        "เขา",
        "และ",
        "วัฒนธรรม",
        "ที่",
        "สวย",
    ];
    let text = words.concat().repeat(3);
    let mut boundaries = vec![0];
    for word in words.iter().cycle().take(words.len() * 3) {
        boundaries.push(boundaries.last().unwrap() + word.len());
    }
    for width in [8, 12, 16, 20, 30] {
        let got = lines(&text, width);
        assert!(got.len() > 1, "{got:?}");
        let mut at = 0;
        for line in &got {
            at = text[at..].find(line).map(|i| at + i).unwrap() + line.len();
            assert!(
                boundaries.contains(&at),
                "width {width}: broke inside a word after {line:?}"
            );
            assert!(display_width(line) <= width, "{line:?}");
        }
    }
}
