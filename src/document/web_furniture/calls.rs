//! Calls to the reader that a page sets at an edge of its article: to follow the writer or the
//! publication on a network, to subscribe to a newsletter, a channel or a magazine, to join its
//! forum ("Follow @example on Twitter\[1\] for the latest", "Sign up to our newsletter", "Want
//! more science? Get a subscription …", "If you enjoyed this article, …"). They speak to the
//! reader about the publication, not about what the article tells.
//!
//! A call is told by its form, an opening that turns to the reader (an imperative, or "if you
//! enjoyed this …") together with the channel it calls them to, and is folded only where the
//! edge walks of the article reach: never between its paragraphs, where an article may well
//! tell its reader to follow something.

use super::without_marks;
use crate::document::structure::size_up_to;
use crate::document::{Block, BlockKind};

/// What opens a call to the reader, lower-cased: the verb it asks them to act by.
const OPENERS: &[&str] = &[
    "follow",
    "subscribe",
    "sign up",
    "join",
    "get",
    "click",
    "download",
    "email",
    "like us",
    "want more",
    "don't miss",
    "never miss",
    "listen",
    "watch",
];

/// What a call asks the reader to follow, receive or join, lower-cased: a network, a
/// subscription, a forum. An article's own last word may open on "Follow" or "Get"; it seldom
/// also names one of these.
const CHANNELS: &[&str] = &[
    "twitter",
    "facebook",
    "instagram",
    "youtube",
    "linkedin",
    "tiktok",
    "telegram",
    "pinterest",
    "newsletter",
    "subscri",
    "forum",
    "alerts",
    "podcast",
    "click here",
    "sign up",
    "inbox",
];

/// Openings by which a page speaks of the article itself to its reader, lower-cased.
const SELF_REFERENCES: &[&str] = &[
    "if you enjoyed this",
    "if you liked this",
    "if you like this",
    "if you found this",
];

/// A call says its few sentences; a longer block is the article's.
const MAX_WORDS: usize = 70;

/// A block that calls the reader to follow, subscribe to or join the publication.
pub(super) fn is_call(block: &Block) -> bool {
    if !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem) {
        return false;
    }
    let text = without_marks(&block.text);
    let text = text.trim_start_matches(['•', '*', ' ', '\u{a0}']).trim();
    if size_up_to(text, MAX_WORDS + 1) > MAX_WORDS {
        return false;
    }
    let lower = text.to_lowercase();
    if SELF_REFERENCES.iter().any(|s| lower.starts_with(s)) {
        return true;
    }
    let opens = OPENERS.iter().any(|o| {
        lower
            .strip_prefix(o)
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
    });
    opens && (CHANNELS.iter().any(|c| lower.contains(c)) || has_handle(&lower))
}

/// A handle on a network ("@example"), not an e-mail address ("desk@example.com").
fn has_handle(text: &str) -> bool {
    let mut before = ' ';
    for (at, c) in text.char_indices() {
        if c == '@'
            && (before.is_whitespace() || before == '(')
            && text[at + 1..]
                .chars()
                .next()
                .is_some_and(|n| n.is_alphanumeric() || n == '_')
        {
            return true;
        }
        before = c;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{SENTENCE, folded, paragraph};
    use super::*;

    #[test]
    fn calls_to_follow_subscribe_or_join_are_calls() {
        for call in [
            "Follow @ExampleDeals on Twitter[1] to keep up with the latest offers. Prices may \
             change without notice.",
            "Email Ann Lee at ann@example.com or follow her @annlee[2].",
            "Subscribe to Example Weekly on YouTube for more news:[8]",
            "Sign up to our newsletter for exclusive updates",
            "Join our forums[3] to keep talking about the harbour!",
            "Want more history? Get a subscription of our sister magazine[4].",
            "Get Example Monthly[3] delivered to your door. Click here[4] for more.",
            "Get breaking news alerts and special reports, delivered weekday mornings.",
            "If you enjoyed this article, we have a proposition for you: become a member.",
        ] {
            assert!(is_call(&paragraph(call)), "{call}");
        }
    }

    #[test]
    fn sentences_that_open_on_the_same_verbs_are_not_calls() {
        for text in [
            "Follow the river north and you reach the old mill, which reopened in May.",
            "Get the council to agree, the mayor said, and the bridge is built by spring.",
            "Email Ann Lee at ann@example.com with your views before Friday.",
            "Following the vote, the council posted the result on Twitter.",
            "The council's newsletter said to follow the debate on its forum.",
            "Joined by her sister, she signed up for the race on Facebook.",
        ] {
            assert!(!is_call(&paragraph(text)), "{text}");
        }
    }

    #[test]
    fn a_call_after_the_article_is_folded_one_between_its_paragraphs_is_not() {
        let mut blocks = vec![
            paragraph(SENTENCE),
            paragraph("Follow the council on Twitter for updates, the mayor told residents."),
            paragraph(SENTENCE),
            paragraph("Sign up for our newsletter to get the week's news in your inbox, free."),
            paragraph("Follow @ExampleNews on Twitter[1] and on Facebook[2]."),
        ];
        super::super::mark(&mut blocks);
        assert_eq!(folded(&blocks), [false, false, false, true, true]);
    }

    #[test]
    fn a_call_above_the_first_sentence_is_folded() {
        let mut blocks = vec![
            Block::new(BlockKind::Title, "Budget Passes", 1),
            paragraph("Get breaking news alerts and special reports, delivered weekday mornings."),
            paragraph(SENTENCE),
            paragraph("Follow the river north and you reach the old mill, which reopened in May."),
        ];
        super::super::mark(&mut blocks);
        assert_eq!(folded(&blocks), [false, true, false, false]);
    }
}
