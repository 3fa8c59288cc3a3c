//! The words and forms of web-page furniture, as pure functions of a block's text: the cue
//! words of menus, share rows and comment forms ("share", "subscribe", "©"), whole phrases of
//! furniture ("Leave a Reply"), and the credit line that closes a picture's caption. Shared by
//! the structure of scraped text and the clean-up of an article extracted from a saved page.

use super::matter::ends_sentence;

mod stamps;
pub(crate) use stamps::{TimeAgo, is_comment_head, is_hour};

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
    // A comment form's help, as the most common publishing systems word it: phrases no
    // article sets on a line of its own.
    "allowed html tags",
    "no html tags allowed",
    "lines and paragraphs break automatically",
    "turn into links automatically",
    "leave this field blank",
    // The box that asks a reader to report a typo by selecting it, set under articles on
    // many sites in every language ("Нашли ошибку? Выделите её и нажмите Ctrl+Enter").
    "ctrl+enter",
    "ctrl + enter",
    // The same boxes and buttons on pages in German, French and Spanish: phrases, or words
    // prose seldom sets on a short line of its own ("teilen" and "antworten" are verbs of
    // every paragraph, and are left out).
    "ähnliche beiträge",
    "ähnliche artikel",
    "verwandte artikel",
    "kommentare",
    "kommentieren",
    "kommentar schreiben",
    "benachrichtige mich",
    "erforderliche felder",
    "impressum",
    "datenschutzerklärung",
    "articles similaires",
    "commentaires",
    "partager",
    "mentions légales",
    "artículos relacionados",
    "comentarios",
    "compartir",
    "aviso legal",
    "política de privacidad",
];

pub(crate) fn has_cue(text: &str) -> bool {
    // Cue phrases belong to short lines; a long block is prose whatever words it holds, and
    // lower-casing every paragraph of a book just to say so would cost the first paint.
    if text.len() > 400 {
        return false;
    }
    let lower = text.to_lowercase();
    DEBRIS_CUES.iter().any(|cue| holds_cue(&lower, cue))
}

/// True when `lower` holds `cue` as a word of its own, or one a button inflects ("Shares",
/// "Printer-friendly", "Commenting"): not inside another ("food-related", "blueprint",
/// "hashtags", "design in", "commentary"), where it says nothing of furniture.
fn holds_cue(lower: &str, cue: &str) -> bool {
    let opens_on_letter = cue.starts_with(char::is_alphabetic);
    let closes_on_letter = cue.ends_with(char::is_alphabetic);
    lower.match_indices(cue).any(|(at, _)| {
        let before = lower[..at].chars().next_back();
        let starts_word =
            !opens_on_letter || !before.is_some_and(|c| c.is_alphanumeric() || c == '-');
        let rest_of_word = lower[at + cue.len()..]
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let ends_word = !closes_on_letter
            || matches!(rest_of_word, "" | "s" | "d" | "ed" | "er" | "ers" | "ing");
        starts_word && ends_word
    })
}

/// A site's notice about its cookies, asking the reader's consent ("This website uses cookies
/// to improve your experience", "Necessary cookies are absolutely essential for the website to
/// function properly"): however long and well punctuated, no article's prose. An article about
/// cookies speaks of websites in the third person; a notice says "this website" or "we", or
/// names the kinds of cookies a reader may allow (in English, German, French, Spanish,
/// Portuguese, Italian or Dutch).
pub(crate) fn is_cookie_notice(text: &str) -> bool {
    if !text.contains("ookie") {
        return false;
    }
    let lower = text.to_lowercase();
    [
        "this website uses cookies",
        "this site uses cookies",
        "our website uses cookies",
        "our site uses cookies",
        "we use cookies",
        "we use third-party cookies",
        "consent to the use of cookies",
        "accept all cookies",
        "cookie settings",
        "cookie preferences",
        "necessary cookies",
        // The same notices in the languages of the pages most often saved from Europe.
        "wir verwenden cookies",
        "wir nutzen cookies",
        "website verwendet cookies",
        "seite verwendet cookies",
        "der cookie-nutzung zu",
        "nous utilisons des cookies",
        "site utilise des cookies",
        "utilizamos cookies",
        "utiliza cookies",
        "utilizziamo i cookie",
        "utilizza i cookie",
        "utilizza cookie",
        "gebruikt cookies",
        "gebruiken cookies",
    ]
    .iter()
    .any(|phrase| lower.contains(phrase))
}

/// How much text a block carries (a CJK character counts as half a word, a letter of a script
/// written without spaces between words a quarter), counting no further than `limit`: the
/// checks ask "at least 15?" or "at most 12?", and a paragraph of a book answers that in its
/// first few words.
pub(crate) fn size_up_to(text: &str, limit: usize) -> usize {
    let (mut words, mut wide, mut unspaced, mut in_word) = (0usize, 0usize, 0usize, false);
    for c in text.chars() {
        if c.is_whitespace() {
            in_word = false;
            continue;
        }
        if !in_word {
            words += 1;
            in_word = true;
        }
        let code = c as u32;
        if (0x2E80..0xFFEF).contains(&code) {
            wide += 1;
        } else if is_unspaced_script(code) {
            unspaced += 1;
        }
        if words.max(wide / 2).max(unspaced / 4) >= limit {
            return limit;
        }
    }
    words.max(wide / 2).max(unspaced / 4)
}

/// Thai, Lao, Tibetan, Myanmar and Khmer: scripts that set no space between words (a Thai
/// paragraph may have a space only between sentences), so spaces undercount their words.
/// A word of theirs runs to about four characters.
fn is_unspaced_script(code: u32) -> bool {
    matches!(code, 0x0E00..=0x0FFF | 0x1000..=0x109F | 0x1780..=0x17FF)
}

/// Words that introduce the credit line closing a picture's caption. The news agencies' form
/// needs no colon: "… at a dealership in Littleton, Colo. (AP Photo/David Zalubowski)",
/// "Photo by Jane Doe".
const CREDIT_CUES: &[&str] = &[
    "ap photo",
    "photo by",
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

/// Text ending in a short credit line: "… hibernation pods. Credit: ESA", or the same credit
/// in parentheses: "… in the square (Image: Getty)".
pub(crate) fn ends_with_credit(text: &str) -> bool {
    if text.len() > 2000 {
        return false;
    }
    let lower = text.to_lowercase();
    ends_with_agency_credit(&lower)
        || CREDIT_CUES.iter().any(|cue| {
            lower.rfind(cue).is_some_and(|at| {
                let credit = &lower[at + cue.len()..];
                let starts_block_or_sentence = lower[..at]
                    .trim_end()
                    .chars()
                    .last()
                    .is_none_or(|c| ".!?)(".contains(c));
                // In parentheses, the credit closes them and the text.
                let in_parentheses = lower[..at].trim_end().ends_with('(');
                let credit = if in_parentheses {
                    match credit.trim_end().strip_suffix(')') {
                        Some(inner) if !inner.contains(['(', ')']) => inner,
                        _ => return false,
                    }
                } else {
                    credit
                };
                starts_block_or_sentence
                    && credit.split_whitespace().count() <= 6
                    && !credit.trim_end().ends_with(['.', '!', '?'])
            })
        })
}

/// The news agencies a picture's credit names last, after the photographer and a slash or
/// "via": "(Elias Example/The Union via AP)", "(Jane Doe/Reuters)".
const AGENCIES: &[&str] = &[
    "ap",
    "reuters",
    "afp",
    "getty images",
    "epa",
    "shutterstock",
];

/// Lower-cased text closed by a parenthesised credit that names an agency after a slash or
/// "via", in a few words.
fn ends_with_agency_credit(lower: &str) -> bool {
    let Some(inner) = lower
        .trim_end()
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once('(').map(|(_, inner)| inner))
    else {
        return false;
    };
    inner.split_whitespace().count() <= 8
        && AGENCIES.iter().any(|agency| {
            inner.strip_suffix(agency).is_some_and(|before| {
                before.ends_with('/') || before.ends_with(" via ") || before.ends_with(" / ")
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
    (words <= 8
        && has_cue(text)
        && !text.contains(QUOTATION_MARKS)
        && (words <= 2 || !ends_sentence(text)))
        || is_link_row(text)
}

/// A row of links set on one line between bars ("About us | Stats | Advertise with us | Terms
/// of service"): three items or more, each a few words with no sentence in it.
pub(crate) fn is_link_row(text: &str) -> bool {
    if text.len() > 400 || !text.contains(" | ") {
        return false;
    }
    let items: Vec<&str> = text.split(" | ").map(str::trim).collect();
    items.len() >= 3
        && items.iter().all(|item| {
            let words = size_up_to(item, 6);
            (1..=5).contains(&words) && !item.ends_with(['.', '!', '?', ',', ';'])
        })
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
    // Asked of every paragraph of some texts: a long one is told without lower-casing it.
    if text.split_whitespace().nth(40).is_some() {
        return false;
    }
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

/// A menu or a footer flattened into one long paragraph ("Information About Us Feedback Staff
/// E-mails Copyright Advertise with Us …"): forty words or more, nearly all of them capitalised,
/// and hardly a sentence or a figure among them. Prose, even a list of names or German, capitalises far
/// fewer of its words or ends sentences as it goes.
pub(crate) fn is_flattened_menu(text: &str) -> bool {
    if text.len() > 20_000 {
        return false;
    }
    let (mut words, mut lettered, mut capitalised, mut sentence_ends) = (0usize, 0, 0, 0);
    let mut figures = 0usize;
    for word in text.split_whitespace() {
        words += 1;
        match word.chars().find(|c| c.is_alphanumeric()) {
            Some(first) if first.is_alphabetic() => {
                lettered += 1;
                capitalised += usize::from(first.is_uppercase());
            }
            Some(_) => figures += 1,
            None => {}
        }
        sentence_ends += usize::from(ends_sentence(word) && word.chars().count() > 3);
    }
    // Rows of figures (a results table flattened) are a table, not a menu.
    words >= 40
        && capitalised * 10 >= lettered * 7
        && sentence_ends * 25 < words
        && figures * 5 < words
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_sites_notice_about_its_cookies_is_told_from_an_article_about_cookies() {
        assert!(is_cookie_notice(
            "This website uses cookies to improve your experience. Accept Read More"
        ));
        assert!(is_cookie_notice(
            "We use cookies and similar tools to give you the best experience."
        ));
        assert!(!is_cookie_notice(
            "Google said on Tuesday that Chrome would stop supporting third-party cookies, \
             which advertisers use to follow people from site to site."
        ));
        assert!(!is_cookie_notice("She baked cookies for the whole street."));
        // The same notices in other languages; articles about cookies in them are none.
        for notice in [
            "Wir verwenden Cookies auf unserer Website, um Ihren Besuch effizienter zu machen.",
            "Diese Website verwendet Cookies. Wenn Sie weitersurfen, stimmen Sie der Cookie-Nutzung zu.",
            "Nous utilisons des cookies pour vous garantir la meilleure expérience sur notre site.",
            "Este sitio web utiliza cookies para mejorar su experiencia.",
            "Questo sito utilizza cookie tecnici e di profilazione.",
            "Deze website gebruikt cookies om uw ervaring te verbeteren.",
        ] {
            assert!(is_cookie_notice(notice), "{notice}");
        }
        for article in [
            "Der Bundesgerichtshof entschied, dass Websites für Cookies eine Einwilligung brauchen.",
            "La CNIL a sanctionné deux sociétés pour leurs cookies publicitaires.",
        ] {
            assert!(!is_cookie_notice(article), "{article}");
        }
    }

    use super::*;

    #[test]
    fn boxes_and_buttons_are_told_in_german_french_and_spanish_too() {
        for furniture in [
            "Ähnliche Beiträge",
            "Kommentare lesen (128)",
            "Benachrichtige mich über neue Kommentare per E-Mail.",
            "Impressum",
            "Articles similaires",
            "Partager sur Facebook",
            "Artículos relacionados",
            "Normas de uso y aviso legal",
        ] {
            assert!(has_cue(furniture), "{furniture}");
        }
        // The verbs of every paragraph are no buttons: "teilen" (share), "antworten" (reply).
        for line in [
            "Wir teilen diese Ansicht nicht.",
            "Er wollte antworten, schwieg aber.",
            "Sie kommentierte nichts.",
        ] {
            assert!(!has_cue(line), "{line}");
        }
    }

    #[test]
    fn a_comment_forms_help_is_told_by_its_phrases() {
        for furniture in [
            "Leave this field blank",
            "Allowed HTML tags: <em> <strong> <blockquote> <cite> <p> <br> <ol> <ul> <li>",
            "Lines and paragraphs break automatically.",
            "No HTML tags allowed.",
        ] {
            assert!(has_cue(furniture), "{furniture}");
        }
        // Their words apart are prose's.
        for line in [
            "Which fields are left blank?",
            "Lines break automatically at the column's edge.",
        ] {
            assert!(!has_cue(line), "{line}");
        }
    }

    #[test]
    fn a_box_asking_to_report_a_typo_is_furniture_in_any_language() {
        for furniture in [
            "Нашли ошибку? Выделите её и нажмите Ctrl+Enter.",
            "Kļūda rakstā? Iezīmējiet tekstu un spiediet Ctrl+Enter, lai nosūtītu labojamo teksta fragmentu redaktoram!",
            "Found a typo? Select it and press Ctrl + Enter",
        ] {
            assert!(has_cue(furniture), "{furniture}");
        }
        assert!(!has_cue("Press Ctrl+Entertain to start the show."));
    }

    #[test]
    fn words_are_counted_in_scripts_that_set_no_spaces_between_them() {
        assert_eq!(size_up_to("one two three", 10), 3);
        assert_eq!(size_up_to("石猿喜不自勝急抽身往外便走", 20), 6);
        // Thai and Tibetan: a space only between sentences, if at all.
        assert!(size_up_to("วันนี้ฝนตกหนักมากในเมืองหลวงและถนนหลายสายมีน้ำท่วมขัง", 30) >= 10);
        assert!(size_up_to("ང་ཚོ་དེ་རིང་སློབ་གྲྭར་འགྲོ་གི་ཡིན། ཁ་སང་ཆར་པ་བབས་སོང་།", 30) >= 10);
        assert_eq!(size_up_to("เมนู", 30), 1);
    }

    #[test]
    fn a_cue_is_a_word_of_its_own_not_part_of_another() {
        for furniture in [
            "Share this article",
            "12 Shares",
            "Printer-friendly version",
            "Related Stories",
            "Comments (3)",
            "You have been successfully subscribed!",
            "Sign in | Register",
            "© 2019 Example Media",
            "Follow us on Instagram",
        ] {
            assert!(has_cue(furniture), "{furniture}");
        }
        for text in [
            "Some of the other more interesting food-related data points include:",
            "The blueprint was approved on Monday.",
            "Trending hashtags this week",
            "A commentary on the design in detail",
            "The results were unrelated to the sprint.",
        ] {
            assert!(!has_cue(text), "{text}");
        }
    }

    #[test]
    fn a_flattened_footer_is_a_menu_and_a_list_of_names_or_german_is_not() {
        let footer = "Information About Us Feedback Staff E-mails Copyright Advertise With Us \
            Statistics Ad Specs Terms Of Service Privacy Policy Subscriber Agreement Jobs Cancel \
            Subscription RSS Feed The Group Breaking News Middle East World News Mobile Apps \
            Premium Newsletter News Ticker Our Magazines Archive Alerts Digital Library Special";
        assert!(is_flattened_menu(footer));
        // Names, but in sentences.
        let credits = "The cast was led by Jane Smith. Director Oh Kyeong Taek joined her. \
            Writer Kyeong Min Seon wrote it. Composer Kim Cheol Hwa scored it. Anna Lee sang. \
            Tom Park danced. Mira Choi lit it. Sung Min built the set. Ha Neul Kim made the \
            costumes. Joon Ho ran the house. Eun Ji sold tickets. Da Hye wrote the notes.";
        assert!(!is_flattened_menu(credits));
        let german = "Die Regierung hat am Montag einen neuen Haushalt vorgelegt, der nach \
            Ansicht vieler Fachleute kaum ausreicht, um die steigenden Kosten der Energie zu \
            decken und die Investitionen in Schulen und Straßen zu sichern, die seit Jahren \
            vernachlässigt werden und dringend erneuert werden müssten";
        assert!(!is_flattened_menu(german));
        // A results table flattened: figures, not a menu.
        let table = "Pos Driver Points Wins 1 Kyle Busch 5040 5 2 Martin Truex 5035 7 3 Kevin \
            Harvick 5033 4 4 Denny Hamlin 5027 6 5 Joey Logano 2380 2 6 Ryan Blaney 2339 1 7 Kyle \
            Larson 2339 1 8 Brad Keselowski 2318 3 9 Clint Bowyer 2290 0";
        assert!(!is_flattened_menu(table));
    }

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
