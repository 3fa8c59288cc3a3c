//! The structure of web pages and notes copied as text: where their line breaks are kept and
//! where a paragraph's lines flow, a paragraph run on below a page's furniture, an article
//! written in a script with its own full stop.

use super::matter::tests::shown;
use super::*;

/// The blocks alone.
fn structure(text: &str) -> Vec<Block> {
    super::structure(text, Ruby::default()).0
}

/// A web page copied as text: paragraphs one line each, far past any wrap and of every
/// length, blank lines between, and `extra` among them.
fn copied_page(extra: &str) -> String {
    let paragraph = |n: usize| {
        let more = " It says so again, at more length than it needs to.".repeat(n);
        format!(
            "Paragraph {n} of the review goes on about the headphones, how they sound on a \
             train, how long the battery lasts and what the case is like to carry.{more}"
        )
    };
    format!(
        "{}\n\n{}\n\n{extra}\n\n{}\n\n{}\n",
        paragraph(1),
        paragraph(2),
        paragraph(3),
        paragraph(4)
    )
}

#[test]
fn a_copied_page_keeps_the_lines_of_a_list_broken_by_hand() {
    let features = "Automatically on, automatically connected\nEasy setup for all your devices\nQuick access to the assistant by voice\nCharges quickly in the case";
    let blocks = structure(&copied_page(features));
    let list = blocks
        .iter()
        .find(|b| b.text.starts_with("Automatically"))
        .expect("the list is shown");
    assert_eq!(list.kind, BlockKind::Paragraph);
    assert_eq!(list.text, features, "each feature keeps its line");
    // A price box: name, price, shop, each a line.
    let price_box =
        "Wireless Earbuds with Charging Case (Latest Model)\n$139.00\nAvailable from the shop";
    let blocks = structure(&copied_page(price_box));
    assert!(blocks.iter().any(|b| b.text == price_box), "{blocks:#?}");
}

#[test]
fn a_passage_wrapped_at_a_measure_in_a_copied_page_still_flows() {
    let quoted = "A reader wrote in to say that the case is too big for a pocket and that the\nbattery did not last the whole of a flight from one coast to the other, which\nis not what the box promised at all.";
    let blocks = structure(&copied_page(quoted));
    assert!(
        blocks.iter().any(|b| b.text == quoted.replace('\n', " ")),
        "{blocks:#?}"
    );
}

#[test]
fn a_hard_wrapped_text_and_markdown_join_a_paragraphs_lines() {
    // A hard-wrapped text: a short line inside a paragraph is no list.
    let book = "It was the best of times, it was the worst of times, it was the age of\nwisdom.\nIt was the age of foolishness, it was the epoch of belief.\n\nThere were a king with a large jaw and a queen with a plain face, on the\nthrone of England.\n";
    let blocks = structure(book);
    assert_eq!(
        blocks[0].text,
        "It was the best of times, it was the worst of times, it was the age of wisdom. It was the age of foolishness, it was the epoch of belief."
    );
    // Markdown written a sentence a line, its paragraphs unwrapped: its writer meant the
    // lines of a paragraph to join.
    let long = "The crate reads the whole input before it writes anything, so that an error found late in a long file leaves nothing half written behind it.";
    let markdown = format!(
        "# Design\n\n{long}\n\n{long}\nIt keeps no state between runs.\nIts output is stable.\n\n## Errors\n\n{long}\n\n{long}\n"
    );
    let blocks = structure(&markdown);
    assert!(
        blocks
            .iter()
            .any(|b| b.text
                == format!("{long} It keeps no state between runs. Its output is stable.")),
        "{blocks:#?}"
    );
}

#[test]
fn a_hard_wrapped_notes_lines_set_apart_by_hand_keep_their_breaks() {
    let wrap = "These notes say how to build the package from its sources, and what to\ncheck before a release is tagged and uploaded to the archive for everyone.";
    let session = "$ git checkout release\n$ git merge v1.6.5\n$ git commit -a";
    let traceback = "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\nValueError: exceeds available storage";
    let address = "Gunnar Ritter\nFreiburg i. Br.\nGermany";
    let text = format!(
        "Building\n\n{wrap}\n\n{session}\n\n{wrap}\n\n{traceback}\n\n{wrap}\n\n{address}\n"
    );
    let blocks = structure(&text);
    let traceback_lines = traceback.replace("\n  ", "\n");
    for kept in [session, traceback_lines.as_str(), address] {
        assert!(blocks.iter().any(|b| b.text == kept), "{kept}: {blocks:#?}");
    }
    // The wrapped paragraphs flow, and so does a short one wrapped narrow, its sentence
    // running on in a small letter.
    assert!(
        blocks.iter().any(|b| b.text == wrap.replace('\n', " ")),
        "{blocks:#?}"
    );
    // Two commands at a shell's prompt, one longer than a list's lines.
    let two = "$ git clone https://example.org/git/debian.git/ git\n$ cd git";
    let blocks = structure(&format!("Building\n\n{wrap}\n\n{two}\n\n{wrap}\n"));
    assert!(blocks.iter().any(|b| b.text == two), "{blocks:#?}");
    let narrow = "The tests need a network\nconnection and a few minutes\nof a quiet machine.";
    let blocks = structure(&format!("Building\n\n{wrap}\n\n{narrow}\n\n{wrap}\n"));
    assert!(
        blocks.iter().any(|b| b.text == narrow.replace('\n', " ")),
        "{blocks:#?}"
    );
}

#[test]
fn chinese_prose_wrapped_at_a_narrow_measure_still_flows() {
    // Twenty characters a line, a sentence running across the breaks: no small letters to
    // tell a run-on by, but every line is full.
    let wrap = "This note is wrapped at seventy columns like the rest of the text, and\nso its longest lines run well past any list that it holds.";
    let narrow = "石猿喜不自勝，急抽身往外便走，復瞑目蹲\n身，跳出水外，打了兩個呵呵道：大造化！\n大造化！眾猴把他圍住，問道：裏面怎麼\n樣？";
    let blocks = structure(&format!("Notes\n\n{wrap}\n\n{narrow}\n\n{wrap}\n"));
    assert!(
        blocks.iter().any(|b| b.text == narrow.replace('\n', "")),
        "{blocks:#?}"
    );
}

#[test]
fn a_paragraph_run_on_below_a_pages_furniture_in_a_copied_page_is_shown() {
    // The article's first paragraph under its dateline, a button, a picture's caption and
    // credit and a call to follow, no blank line between: folding those folded it too.
    let lead = "Three people have died during protests against the new government, after \
                clashes broke out between the ousted leader's supporters and the police.";
    let head = "20 Nov, 2019 05:47\nGet short URL\nA cyclist rides past a blocked fuel plant \
                on the edge of the city, November 19, 2019. © Agency / Photographer\n\
                Follow us on";
    let page = copied_page(&format!("{head}\n{lead}"));
    let text = format!(
        "Deadly Clashes | Example News\n\nHome\nWorld\nBusiness\nSport\nOpinion\n\n\
         Sign in\n\n{page}\nShare on Facebook\nShare on Twitter\nShare via Email\n\n\
         Privacy policy\nCookie policy\nTerms & conditions\n"
    );
    let blocks = structure(&text);
    let shown = shown(&blocks);
    assert!(shown.contains(&lead), "{blocks:#?}");
    assert!(
        !shown.iter().any(|t| t.contains("short URL")),
        "{blocks:#?}"
    );
    // A teaser of another article, a name and a date over its first sentence, stays one
    // block; and a text whose long lines are all of one width (wrapped at a measure) is not
    // asked.
    let teaser = format!("Rob Crilly\nWednesday November 20, 2019\n{lead}");
    let blocks = structure(&copied_page(&teaser));
    assert!(
        blocks
            .iter()
            .any(|b| b.text.starts_with("Rob Crilly") && b.text.ends_with("police.")),
        "{blocks:#?}"
    );
    let wrapped = format!("Get short URL\n{lead}\n\n{lead}\n\n{lead}\n");
    let blocks = structure(&wrapped);
    assert!(
        blocks[0].text.starts_with("Get short URL") && blocks[0].text.ends_with("police."),
        "{blocks:#?}"
    );
}

#[test]
fn an_article_whose_sentences_end_in_its_scripts_own_stop_is_shown() {
    // A news page in Hindi, copied as text: its sentences end in a danda (।), not a full stop.
    // Read as text with no sentence in it, the article was folded with the menus and the
    // teasers of other stories were taken for it. Burmese (။), Amharic (።) and Khmer (។)
    // pages were lost the same way.
    let paragraphs = [
        "सोमवार सुबह से शहर में लगातार बारिश हो रही है। कई सड़कों पर पानी भर गया और दफ़्तर जाने \
         वाले लोग घंटों जाम में फँसे रहे।",
        "मौसम विभाग ने अगले दो दिनों के लिए चेतावनी जारी की है। विभाग के अनुसार निचले इलाकों में \
         रहने वाले लोगों को सावधान रहना चाहिए।",
        "नगर निगम ने बताया कि पानी निकालने के लिए पचास पंप लगाए गए हैं और कर्मचारी रात भर काम करते \
         रहे। स्कूल मंगलवार को बंद रहेंगे।",
    ];
    let text = format!(
        "शहर में भारी बारिश से यातायात धीमा - News हिंदी\n\nAccessibility links\nसामग्री पर जाएं\n\n\
         Menu\n\nखोजें\nMenu\n\nNews\nSport\nWeather\nRadio\n\nहिंदी\n\nमुख्य पन्ना\nभारत\nविदेश\n\
         खेल\nवीडियो\n\nशहर में भारी बारिश से यातायात धीमा\n\n26 अक्टूबर 2018\n\n\
         इस पेज को Facebook पर साझा करें\nइस पेज को Twitter पर साझा करें\n\
         इस पेज को WhatsApp पर साझा करें\n\nFacebook\n\nTwitter\n\nWhatsApp\n\n\
         इमेज कॉपीरइट Reuters\nImage caption बारिश में फँसे लोग\n\n{}\n\n\
         इमेज कॉपीरइट Reuters\nImage caption पानी में डूबी सड़क\n\n{}\n\n{}\n\n\
         संबंधित समाचार\n\nFacebook\nTwitter\nWhatsApp\n\nमिलते-जुलते मुद्दे\n\nऊपर जाएं\n\n\
         टॉप स्टोरी\n\nदिल्ली में प्रदूषण बढ़ा\n\n31 अक्टूबर 2018\nमुंबई में नई मेट्रो लाइन शुरू\n\
         31 अक्टूबर 2018\nचुनाव की तारीख़ों का एलान\n30 अक्टूबर 2018\n\nवीडियो\n\n\
         गांव का अनोखा स्कूल\n\nवीडियो\n\nनदी पर नया पुल\n\n\
         Copyright © 2018 News. बाहरी साइटों की सामग्री के लिए हम ज़िम्मेदार नहीं हैं।\n",
        paragraphs[0], paragraphs[1], paragraphs[2]
    );
    let blocks = structure(&text);
    let shown = shown(&blocks);
    for paragraph in paragraphs {
        assert!(shown.contains(&paragraph), "{paragraph}\n{blocks:#?}");
    }
    for furniture in ["Twitter पर साझा", "मुंबई में नई मेट्रो"]
    {
        assert!(
            !shown.iter().any(|t| t.contains(furniture)),
            "{furniture}\n{blocks:#?}"
        );
    }
}
