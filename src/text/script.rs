//! Which writing system a character belongs to, where quire treats scripts differently:
//! Chinese and Japanese are written without spaces between words (so a line break between two
//! of their characters is no space, and they are read by the character), and their
//! punctuation is full-width.

/// Han ideographs (with their extensions and compatibility forms), hiragana and katakana
/// (with the half-width forms).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30ff | 0x31f0..=0x31ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff
        | 0xf900..=0xfaff | 0xff66..=0xff9f | 0x20000..=0x3134f)
}

/// The ideographic full stop, comma, brackets and marks, and the full-width forms of
/// punctuation (`，` `：` `（` …).
pub fn is_cjk_punctuation(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303f | 0xff00..=0xff0f | 0xff1a..=0xff20 | 0xff3b..=0xff40 | 0xff5b..=0xff65)
}

/// A character of unspaced Chinese or Japanese text: a letter or its punctuation. Also the
/// curly quotes, which such texts set full-width around dialogue.
pub fn is_unspaced(c: char) -> bool {
    is_cjk(c) || (is_cjk_punctuation(c) && c != '\u{3000}') || matches!(c, '“' | '”' | '‘' | '’')
}

/// What joins two lines of one paragraph: nothing between Chinese or Japanese characters
/// (their line breaks are only where the line ran out), a space anywhere else.
pub fn line_joiner(before: Option<char>, after: Option<char>) -> &'static str {
    let cjk_side = |c: Option<char>| c.is_some_and(|c| is_cjk(c) || is_cjk_punctuation(c));
    let unspaced = |c: Option<char>| c.is_some_and(is_unspaced);
    if (cjk_side(before) && unspaced(after)) || (unspaced(before) && cjk_side(after)) {
        ""
    } else {
        " "
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_and_japanese_lines_join_without_a_space() {
        assert_eq!(line_joiner(Some('寅'), Some('、')), "");
        assert_eq!(line_joiner(Some('就'), Some('一')), "");
        assert_eq!(line_joiner(Some('。'), Some('“')), "");
        assert_eq!(line_joiner(Some('”'), Some('王')), "");
        assert_eq!(line_joiner(Some('ん'), Some('カ')), "");
        // Latin on either side keeps its space, as does Korean, which spaces its words.
        assert_eq!(line_joiner(Some('a'), Some('b')), " ");
        assert_eq!(line_joiner(Some('字'), Some('A')), " ");
        assert_eq!(line_joiner(Some('다'), Some('이')), " ");
        assert_eq!(line_joiner(Some('.'), Some('“')), " ");
        assert_eq!(line_joiner(None, Some('字')), " ");
    }
}
