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

/// What opens a caption or a credit line: "Media caption Who is …", "Photo: Getty Images",
/// "Courtesy of Andrew Vaughan", "Video: In this talk …".
const CAPTION_OPENERS: &[&str] = &[
    "media caption",
    "image caption",
    "video caption",
    "image copyright",
    "image credit",
    "photo credit",
    "caption:",
    "photo:",
    "photos:",
    "photo by ",
    "photograph:",
    "photograph by ",
    "image:",
    "images:",
    "picture:",
    "pictured:",
    "credit:",
    "credits:",
    "courtesy of ",
    "courtesy:",
    "illustration:",
    "illustration by ",
    "video:",
    "video ·",
    "watch:",
];

/// Agencies whose name alone, or closing a line, credits a picture.
const PICTURE_AGENCIES: &[&str] = &["getty images", "getty", "reuters", "afp", "ap", "epa"];

/// Words that close a line naming a writer's role ("Opinion Columnist", "Contributing Writer").
const ROLES: &[&str] = &[
    "columnist",
    "writer",
    "editor",
    "correspondent",
    "reporter",
    "contributor",
];

/// A caption or credit label, a gallery counter or a line naming a writer's role: page text
/// about a picture or a person, never a heading over what follows.
pub(crate) fn is_caption_label(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    if words.is_empty() || words.len() > 40 {
        return false;
    }
    if CAPTION_OPENERS.iter().any(|o| lower.starts_with(o)) {
        return true;
    }
    let short = words.len() <= 8;
    let last = lower
        .rsplit(['|', '/', '('])
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric() && c != ' ')
        .trim();
    let credited = short
        && (lower.contains("getty images")
            || (lower.contains(['|', '/']) || words.len() == 1)
                && PICTURE_AGENCIES.contains(&last));
    let counter = matches!(words.as_slice(), ["image" | "photo" | "slide", n, "of", m]
        if n.parse::<u32>().is_ok() && m.parse::<u32>().is_ok());
    let role = (2..=3).contains(&words.len())
        && !["the", "a", "an", "my", "our"].contains(&words[0])
        && words
            .last()
            .is_some_and(|w| ROLES.contains(&w.trim_end_matches(['.', ','])));
    credited || counter || role
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caption_and_credit_labels() {
        for label in [
            "Media caption Who is Julian Assange?",
            "Courtesy of Andrew Vaughan",
            "Video: In this talk, a professor discusses the scent detectors of the body.",
            "Photo: iFixit",
            "Photo by Kirk Irwin/Getty Images",
            "Alex Wong | Getty Images",
            "Getty",
            "Image 1 of 9",
            "Opinion Columnist",
            "Contributing Writer",
        ] {
            assert!(is_caption_label(label), "{label}");
        }
        for heading in [
            "The Rukban camp",
            "Power and Performance",
            "Getting Started with the Tools",
            "A Job for Tuft Cells",
            "The Writer",
            "Chapter 3",
        ] {
            assert!(!is_caption_label(heading), "{heading}");
        }
    }

    #[test]
    fn chrome_phrases_are_whole_lines_of_furniture_not_sentences() {
        for chrome in [
            "Share this",
            "Leave a Reply",
            "Sign in",
            "Privacy Policy",
            "Reply",
        ] {
            assert!(is_chrome_phrase(chrome), "{chrome}");
        }
        for text in [
            "Prince Andrew sighed and made no reply.",
            "“Advertisement.”",
            "The reply was reassuring, and he went on with the letter after that.",
        ] {
            assert!(!is_chrome_phrase(text), "{text}");
        }
    }
}
