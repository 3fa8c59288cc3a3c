//! What an Aozora Bunko input note asks of the layout, when it asks something a reader can be
//! given in a terminal: a page break (`改ページ`, `改頁`, `改丁`, `改見開き`, `改段`), a line set
//! in (`３字下げ`, `天から３字下げ`, with a different indent for its wrapped lines after
//! `、折り返して５字下げ`), a line set against the bottom of the page, which in horizontal text
//! is the right edge (`地付き`, `地から２字上げ`), and the block forms of the last two
//! (`ここから２字下げ` … `ここで字下げ終わり`, `ここから地付き` … `ここで地付き終わり`). Any other
//! note (emphasis dots, a character outside the character set, a different font size) asks
//! nothing here. Counts are in full-width characters.

/// How a line is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// Set in from the left: its first line by `first` characters, its wrapped lines by `rest`.
    Indent { first: u16, rest: u16 },
    /// Set against the right edge, `gap` characters short of it.
    Flush { gap: u16 },
}

/// What a note asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Directive {
    /// What follows starts a new page.
    PageBreak,
    /// The line the note starts is set so.
    Line(Setting),
    /// The lines from here to the matching end are set so.
    Open(Setting),
    /// The end of a passage set in.
    EndIndent,
    /// The end of a passage set against the right edge.
    EndFlush,
}

/// What the note `［＃inner］` asks, given its inner text.
pub fn of(inner: &str) -> Option<Directive> {
    if matches!(inner, "改ページ" | "改頁" | "改丁" | "改見開き" | "改段") {
        return Some(Directive::PageBreak);
    }
    if let Some(rest) = inner.strip_prefix("ここで") {
        let rest = rest
            .strip_suffix("終わり")
            .or_else(|| rest.strip_suffix("終り"))?;
        return match rest {
            "字下げ" => Some(Directive::EndIndent),
            "地付き" | "字上げ" => Some(Directive::EndFlush),
            _ => None,
        };
    }
    if let Some(rest) = inner.strip_prefix("ここから") {
        // A passage whose first lines start at the left edge and wrap set in.
        if let Some(wrapped) = rest.strip_prefix("改行天付き、折り返して") {
            let rest = count_before(wrapped, "字下げ")?;
            return Some(Directive::Open(Setting::Indent { first: 0, rest }));
        }
        return setting(rest).map(Directive::Open);
    }
    setting(inner).map(Directive::Line)
}

/// `３字下げ`, `天から３字下げ`, `３字下げ、折り返して５字下げ`, `地付き`, `地から２字上げ`.
fn setting(text: &str) -> Option<Setting> {
    if text == "地付き" {
        return Some(Setting::Flush { gap: 0 });
    }
    if let Some(rest) = text.strip_prefix("地から") {
        let gap = count_before(rest, "字上げ")?;
        return Some(Setting::Flush { gap });
    }
    let text = text.strip_prefix("天から").unwrap_or(text);
    let (first, wrapped) = match text.split_once("、折り返して") {
        Some((first, wrapped)) => (first, Some(wrapped)),
        None => (text, None),
    };
    let first = count_before(first, "字下げ")?;
    let rest = match wrapped {
        Some(wrapped) => count_before(wrapped, "字下げ")?,
        None => first,
    };
    Some(Setting::Indent { first, rest })
}

/// The number written before `unit` in `text`, which is nothing else: `３字下げ` → 3.
fn count_before(text: &str, unit: &str) -> Option<u16> {
    number(text.strip_suffix(unit)?)
}

/// A count written in digits (ASCII or full-width) or in kanji numerals up to 99 (`十二`).
fn number(text: &str) -> Option<u16> {
    if text.is_empty() {
        return None;
    }
    let digit = |c: char| match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    };
    if text.chars().all(|c| digit(c).is_some()) {
        let mut value: u32 = 0;
        for c in text.chars() {
            value = value.checked_mul(10)?.checked_add(digit(c)?)?;
        }
        return u16::try_from(value).ok();
    }
    let kanji = |c: char| "〇一二三四五六七八九".chars().position(|k| k == c);
    match text.split_once('十') {
        // 十, 十二, 二十, 二十三.
        Some((tens, ones)) => {
            let tens = match tens {
                "" => 1,
                _ if tens.chars().count() == 1 => kanji(tens.chars().next()?)?,
                _ => return None,
            };
            let ones = match ones {
                "" => 0,
                _ if ones.chars().count() == 1 => kanji(ones.chars().next()?)?,
                _ => return None,
            };
            u16::try_from(tens * 10 + ones).ok()
        }
        None if text.chars().count() == 1 => kanji(text.chars().next()?).map(|n| n as u16),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_breaks_in_every_spelling() {
        for note in ["改ページ", "改頁", "改丁", "改見開き", "改段"] {
            assert_eq!(of(note), Some(Directive::PageBreak), "{note}");
        }
    }

    #[test]
    fn a_line_set_in_or_against_the_right_edge() {
        let indent = |first, rest| Some(Directive::Line(Setting::Indent { first, rest }));
        assert_eq!(of("３字下げ"), indent(3, 3));
        assert_eq!(of("天から10字下げ"), indent(10, 10));
        assert_eq!(of("二字下げ"), indent(2, 2));
        assert_eq!(of("十二字下げ"), indent(12, 12));
        assert_eq!(of("１字下げ、折り返して３字下げ"), indent(1, 3));
        assert_eq!(
            of("地付き"),
            Some(Directive::Line(Setting::Flush { gap: 0 }))
        );
        assert_eq!(
            of("地から１字上げ"),
            Some(Directive::Line(Setting::Flush { gap: 1 }))
        );
    }

    #[test]
    fn passages_open_and_close() {
        assert_eq!(
            of("ここから２字下げ"),
            Some(Directive::Open(Setting::Indent { first: 2, rest: 2 }))
        );
        assert_eq!(
            of("ここから改行天付き、折り返して１字下げ"),
            Some(Directive::Open(Setting::Indent { first: 0, rest: 1 }))
        );
        assert_eq!(
            of("ここから地から２字上げ"),
            Some(Directive::Open(Setting::Flush { gap: 2 }))
        );
        assert_eq!(of("ここで字下げ終わり"), Some(Directive::EndIndent));
        assert_eq!(of("ここで字下げ終り"), Some(Directive::EndIndent));
        assert_eq!(of("ここで地付き終わり"), Some(Directive::EndFlush));
        assert_eq!(of("ここで字上げ終わり"), Some(Directive::EndFlush));
    }

    #[test]
    fn other_notes_ask_nothing() {
        for note in [
            "「おくれんかな」に傍点",
            "「てへん＋丑」、第4水準2-12-93",
            "「一」は中見出し",
            "字下げ",
            "ここから",
            "ここで太字終わり",
            "百字下げ",
            "99999999字下げ",
            "",
        ] {
            assert_eq!(of(note), None, "{note}");
        }
    }
}
