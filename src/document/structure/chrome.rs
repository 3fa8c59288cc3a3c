//! The words and forms of web-page furniture, as pure functions of a block's text: the cue
//! words of menus, share rows and comment forms ("share", "subscribe", "©"), whole phrases of
//! furniture ("Leave a Reply"), and the credit line that closes a picture's caption. Shared by
//! the structure of scraped text and the clean-up of an article extracted from a saved page.

use super::matter::ends_sentence;

/// Words that mark web-page furniture.
const DEBRIS_CUES: &[&str] = &[
    "comment",
    "reply",
    "share",
    "subscribe",
    "newsletter",
    "related",
    "about this",
    "advertisement",
    "cookie",
    "sign up",
    "sign in",
    "log in",
    "follow us",
    "read more",
    "all rights reserved",
    "copyright",
    "tags",
    "print",
    "privacy",
    "terms of",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "email",
    "skip to",
    "menu",
    "©",
];

pub(crate) fn has_cue(text: &str) -> bool {
    // Cue phrases belong to short lines; a long block is prose whatever words it holds, and
    // lower-casing every paragraph of a book just to say so would cost the first paint.
    if text.len() > 400 {
        return false;
    }
    let lower = text.to_lowercase();
    DEBRIS_CUES.iter().any(|c| lower.contains(c))
}

/// How much text a block carries (a CJK character counts as half a word), counting no further
/// than `limit`: the checks ask "at least 15?" or "at most 12?", and a paragraph of a book
/// answers that in its first few words.
pub(crate) fn size_up_to(text: &str, limit: usize) -> usize {
    let (mut words, mut wide, mut in_word) = (0usize, 0usize, false);
    for c in text.chars() {
        if c.is_whitespace() {
            in_word = false;
            continue;
        }
        if !in_word {
            words += 1;
            in_word = true;
        }
        if c as u32 >= 0x2E80 && (c as u32) < 0xFFEF {
            wide += 1;
        }
        if words.max(wide / 2) >= limit {
            return limit;
        }
    }
    words.max(wide / 2)
}

/// Words that introduce the credit line closing a picture's caption.
const CREDIT_CUES: &[&str] = &[
    "credit:",
    "credits:",
    "photo:",
    "photograph:",
    "image:",
    "picture:",
    "illustration:",
    "foto:",
    "bild:",
];

/// Text ending in a short credit line: "… hibernation pods. Credit: ESA".
pub(crate) fn ends_with_credit(text: &str) -> bool {
    if text.len() > 2000 {
        return false;
    }
    let lower = text.to_lowercase();
    CREDIT_CUES.iter().any(|cue| {
        lower.rfind(cue).is_some_and(|at| {
            let credit = &lower[at + cue.len()..];
            let starts_block_or_sentence = lower[..at]
                .trim_end()
                .chars()
                .last()
                .is_none_or(|c| ".!?)".contains(c));
            starts_block_or_sentence
                && credit.split_whitespace().count() <= 6
                && !credit.trim_end().ends_with(['.', '!', '?'])
        })
    })
}

/// Quotation marks: a line in them is somebody speaking, not a button.
pub(crate) const QUOTATION_MARKS: &[char] = &['"', '“', '”', '„', '«', '»', '「', '」', '‘'];

/// A short line made of a furniture phrase ("Share this", "Leave a Reply", "Sign in",
/// "Privacy Policy", "© 2019 Example"), not a sentence that uses one of its words ("He made
/// no reply.") nor a line of dialogue.
pub(crate) fn is_chrome_phrase(text: &str) -> bool {
    let words = size_up_to(text, 9);
    words <= 8
        && has_cue(text)
        && !text.contains(QUOTATION_MARKS)
        && (words <= 2 || !ends_sentence(text))
}
