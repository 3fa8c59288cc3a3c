//! The tests of the article's text that looks like furniture on a web page and is kept:
//! the last paragraph after a box of related links, an interview's turns, a list a sentence
//! introduces (or verse it quotes), a buying guide's items and their price tags, a season's
//! calendar, the paragraphs of a script that marks no sentence end.

use super::super::tests::{PROSE, shown, structure};
use crate::document::Block;
use crate::document::BlockKind::*;

#[test]
fn a_box_of_related_links_inside_an_article_does_not_end_it() {
    // "Related Links" and one link set inside the article, its last paragraph after them;
    // then the page's own furniture.
    let last = "Challenges include designing the spacecraft to run largely on its own while the crew sleep through much of the long cruise.";
    let text = format!(
        "Snooze Cruise | Example News\n\nNews\nSport\nCulture\nWeather\n\nSign in\n\n\
         {PROSE}\n\n{PROSE}\n\nRelated Links\n\nEuropean Space Agency website\n\n{last}\n\n\
         Report Error\n\nTop Video\n\nShare on Facebook\nShare on Twitter\nShare via Email\n\n\
         Privacy policy\nCookie policy\nTerms & conditions"
    );
    let blocks = structure(&text);
    assert!(shown(&blocks).contains(&last), "{blocks:#?}");
    let footer = blocks.iter().find(|b| b.text.contains("Privacy policy"));
    assert!(footer.is_some_and(|b| b.kind == Leftover), "{blocks:#?}");
}

#[test]
fn an_authors_box_after_the_article_stays_folded_with_the_furniture() {
    // A name, then a note that opens on it: who wrote the article, as the page's furniture
    // sets it after every article, not the article going on.
    let note = "Emiliano joined the magazine in March 2017 and has been reporting on solar energy since 2009.";
    let text = format!(
        "Solar Report | Example Magazine\n\nNews\nMarkets\nTechnology\nEvents\n\nSign in\n\n\
         {PROSE}\n\n{PROSE}\n\nShare\n\nEmiliano Bellini\n\n{note}\n\n\
         More articles from Emiliano Bellini\n\nShare on Facebook\nShare on Twitter\nShare via Email\n\n\
         Privacy policy\nCookie policy\nTerms & conditions"
    );
    let blocks = structure(&text);
    assert!(!shown(&blocks).contains(&note), "{blocks:#?}");
}

#[test]
fn an_interview_closing_an_article_is_shown_though_its_lines_are_short() {
    // Questions and answers, one a paragraph: most of them short and ending no sentence, as
    // a menu's lines do.
    let interview = "Q: Where did you grow up?\n\nA: On an island, the most beautiful place in the world, though I am biased.\n\n\
                     Q: Favorite apps?\n\nA: Maps, Music and Weather\n\nQ: Favorite books?\n\nA: A Fistful of Rice\n\n\
                     Q: What are your hobbies?\n\nA: Reading, travel, and time with my family.";
    let text = format!(
        "Meet the New Chief | Example Company Blog\n\nProducts\nPricing\nAbout\nCareers\n\nSign in\n\n\
         {PROSE}\n\n{PROSE}\n\n{interview}\n\nShare on Facebook\nShare on Twitter\nShare via Email\n\n\
         Privacy policy\nCookie policy\nTerms & conditions"
    );
    let blocks = structure(&text);
    let shown = shown(&blocks);
    for line in [
        "Q: Favorite apps?",
        "A: Maps, Music and Weather",
        "A: A Fistful of Rice",
    ] {
        assert!(shown.contains(&line), "{line}: {shown:?}");
    }
    assert!(!shown.iter().any(|t| t.contains("Privacy")), "{shown:?}");
}

#[test]
fn only_questions_and_answers_in_turn_make_an_interview() {
    let para = |text: &str| Block::new(Paragraph, text, 1);
    let turns = ["Q: Why?", "A: Because.", "Q: When?", "A: Now."].map(para);
    assert_eq!(super::interview_lines(&turns), vec![0, 1, 2, 3]);
    // A lettered list, an initial, a single pair: none.
    let lettered = ["A. Apples", "B. Pears", "C. Plums", "D. Figs"].map(para);
    assert!(super::interview_lines(&lettered).is_empty());
    let initial = ["A. Lincoln spoke first.", "Q: Why?", "A: Because."].map(para);
    assert!(super::interview_lines(&initial).is_empty());
}

#[test]
fn a_list_the_article_introduces_is_shown_line_by_line_not_folded_as_a_menu() {
    // Short lines without a stop, as a menu's are, but after "… the foods to avoid …:".
    let list = "alcohol in any form\nfats of artificial origin\nsugar in any form (or the day's other foods must give way)\npastry (all of it holds sugar)";
    let text = format!(
        "The Diet | Example Health\n\nNews\nDiets\nRecipes\nFitness\n\nSign in\n\n\
         {PROSE}\n\n{PROSE}\n\nThese are the foods to avoid in the first weeks:\n\n{list}\n\n{PROSE}\n\n\
         Share on Facebook\nShare on Twitter\nShare via Email\n\n\
         Privacy policy\nCookie policy\nTerms & conditions"
    );
    let blocks = structure(&text);
    let shown = shown(&blocks);
    assert!(shown.contains(&list), "{shown:?}");
    assert!(!shown.iter().any(|t| t.contains("Privacy")), "{shown:?}");
}

#[test]
fn the_items_of_a_buying_guide_named_with_their_prices_are_shown() {
    // Each item: the maker's credit under its picture, its name and price, a button, then
    // what the article says of it. The name stands between two lines that are no prose.
    let item = |credit: &str, name: &str| {
        format!("{credit}\n\n{name}\n\nSee it now: Amazon\n\n{PROSE} {PROSE}")
    };
    let text = format!(
        "Best gadgets of the year | Example Tech\n\nNews\nReviews\nDeals\nVideo\n\nSign in\n\n\
         {PROSE}\n\n{PROSE}\n\n{PROSE}\n\n{}\n\n{}\n\n{}\n\nShare on Facebook\nShare on Twitter\nShare via Email\n\n\
         Privacy policy\nCookie policy\nTerms & conditions",
        item("Nintendo", "Nintendo Switch Lite for $200"),
        item("Sonos", "Sonos Move for $400"),
        item(
            "Jason Example/Example Tech",
            "Samsung Galaxy Note 10 Plus for €840"
        ),
    );
    let blocks = structure(&text);
    let shown = shown(&blocks);
    for name in ["Nintendo Switch Lite for $200", "Sonos Move for $400"] {
        assert!(shown.contains(&name), "{name}: {shown:?}");
    }
    assert!(!shown.iter().any(|t| t.contains("Privacy")), "{shown:?}");
}

#[test]
fn items_for_sale_with_their_price_tags_after_the_articles_prose_are_shown() {
    // A deals post: two paragraphs, then the items, each its name, its features a line
    // each, and a box with the full name, the tag and the buttons. No sentence among them.
    let item = |name: &str, price: &str| {
        format!(
            "{name}\n\nBoils a litre in three minutes\nBrushed steel body\nKeep-warm setting\n\n\
             {name} (2024 model)\n{price}\nAvailable from Example Shop\nBuy Now"
        )
    };
    let items = [
        item("Kettle One", "$39.99"),
        item("Kettle Two", "$54.00"),
        item("Kettle Three", "£1,299"),
    ]
    .join("\n\n");
    let text = format!(
        "Best kettle deals | Example Deals\n\nNews\nReviews\nDeals\nVideo\n\nSign in\n\n\
         {PROSE}\n\n{PROSE}\n\n{items}\n\nShare on Facebook\nShare on Twitter\nShare via Email\n\n\
         Privacy policy\nCookie policy\nTerms & conditions"
    );
    let blocks = structure(&text);
    let shown = shown(&blocks).join("\n");
    for words in [
        "Kettle One",
        "Brushed steel body",
        "$54.00",
        "£1,299",
        "Kettle Three (2024 model)",
    ] {
        assert!(shown.contains(words), "{words}: {shown}");
    }
    assert!(!shown.contains("Privacy"), "{shown}");
}

#[test]
fn two_price_tags_after_an_article_are_not_a_list_of_items() {
    // An advertisement's two boxes after the article stay with the furniture.
    let ad = |name: &str| format!("{name}\n$19.99\nShop now");
    let text = format!(
        "A story | Example News\n\nNews\nSport\nWeather\nVideo\n\nSign in\n\n\
         {PROSE}\n\n{PROSE}\n\n{PROSE}\n\n{}\n\n{}\n\nShare on Facebook\nShare on Twitter\nShare via Email\n\n\
         Privacy policy\nCookie policy\nTerms & conditions",
        ad("Socks"),
        ad("Mugs"),
    );
    let blocks = structure(&text);
    let shown = shown(&blocks).join("\n");
    assert!(!shown.contains("$19.99"), "{shown}");
    assert!(shown.contains("council"), "{shown}");
}

#[test]
fn a_price_tag_is_a_price_alone_written_as_a_shop_writes_it() {
    use super::is_price_tag;
    for line in [
        "$139.00",
        " £5,349.00 ",
        "1 299,00 €",
        "€ 12,50",
        "$1,299",
        "₩60,000",
    ] {
        assert!(is_price_tag(line), "{line}");
    }
    // A register, a variable, a sentence, a bare sign, a figure without cents.
    for line in [
        "$2",
        "$28",
        "$zero",
        "Now $85.00",
        "$",
        "$ ",
        "$1.5",
        "$85",
        "$.99",
        "€12,50 off",
    ] {
        assert!(!is_price_tag(line), "{line}");
    }
}

#[test]
fn a_price_is_an_amount_by_a_currency_sign() {
    use super::names_a_price;
    for text in ["for $235", "€ 40", "60,000₩", "£1.99 a month", "₹300"] {
        assert!(names_a_price(text), "{text}");
    }
    for text in [
        "Nov 20, 2019 05:47",
        "$ signs",
        "Share on Facebook",
        "US$",
        "€",
    ] {
        assert!(!names_a_price(text), "{text}");
    }
}

#[test]
fn spacer_lines_of_a_zero_width_space_part_a_photo_diary_as_blank_lines_do() {
    // A blog's photo diary: a picture's caption, then a spacer paragraph holding only a
    // zero-width space, then two lines of the story, then spacers again.
    let caption =
        "Autumn Festival Tradition Series Performance\nThe Palace: Tale of the Court Dancers";
    let story = [
        "The refreshing autumn sky!\nThis is the park where the air is filled with the scent of fall and music.",
        "The reason we came to the park!\nOur performance was part of the opening ceremony of the festival this year.",
        "Crowds of people came to the opening ceremony!\nFor the ceremony the theater prepared three dances from our own traditional performance.",
        "Now, for the start of the performance!\nThe park was already packed with people and the theater presented the beauty of the dances.",
    ];
    let mut text = String::from(
        "Festival Diary | Example Theater\n\nHome\nAbout\nTickets\nContact\n\nSign in\n\n",
    );
    for part in story {
        text.push_str(&format!(
            "{caption}\n\n\u{200B}\n\n{part}\n\n\u{200B}\n\u{FEFF}\n\n"
        ));
    }
    text.push_str("Share on Facebook\nShare on Twitter\nShare by Mail\n\nPrivacy policy\nCookie policy\nTerms & conditions\n");
    let blocks = structure(&text);
    assert!(
        !blocks.iter().any(|b| b
            .text
            .chars()
            .all(|c| c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}')),
        "a line of nothing visible is no block: {blocks:#?}"
    );
    let shown = shown(&blocks).join("\n");
    for part in story {
        let opening = part.split('\n').next().unwrap_or_default();
        assert!(shown.contains(opening), "{opening}: {blocks:#?}");
    }
}

#[test]
fn a_schedule_whose_rows_open_on_dates_is_the_article_not_a_teaser() {
    // A page whose article is a season's calendar, twelve rows of an ordinal and a date, then the
    // sidebar's teasers of other articles, each a sentence or two. A teaser's head has a date
    // line over sentences; a schedule has dates on every row, which makes it a table.
    let rows = "1st round: 10 March – Sebring\n2nd round: 8 April – Road America\n\
                3rd round: 22 April – Laguna Seca\n4th round: 6 May – Watkins Glen\n\
                5th round: 20 May – Mid-Ohio\n6th round: 5 August – Daytona\n\
                7th round: 19 August – to be announced\n8th round: 9 September – Road Atlanta\n\
                9th round: 23 September – Lime Rock\n10th round: 21 October – Sonoma\n\
                11th round: 4 November – to be announced\n12th round: 9 December – Sebring";
    let text = format!(
        "Racing Calendar 2018 | Example Racing\n\nHome\nNews\nDrivers\nTeams\nResults\nForum\n\n\
         Sign in\n\nRacing Calendar 2018\n\n{rows}\n\nShare this on WhatsApp\n\nTags\n\n\
         » Power Ranking\n\nClick on the picture above and see how the drivers rank after the \
         last race of the season, and where each of them stands overall.\n\n» Weekend Preview\n\n\
         Click and find out when the races are on television this weekend. Learn the track, its \
         statistics, the tyres, the weather for practice and the race, and more.\n\n\
         » Podcast, Episode 29\n\nOur podcast is back for its twelfth season, talking about \
         everything that has happened in the world of motor sport, seriously and lightly!\n\n\
         Privacy policy\nAbout us\nContact\n\nCopyright © 2019 Example Racing. All rights reserved."
    );
    let blocks = structure(&text);
    let shown = shown(&blocks).join("\n");
    for row in rows.lines() {
        assert!(shown.contains(row.trim()), "{row}: {blocks:#?}");
    }
}

#[test]
fn what_a_sentence_of_the_article_introduces_is_shown_however_short_its_lines() {
    // Verse quoted in a news story: short lines without a stop, as a menu's are, after the
    // sentence that introduces them. A share row introduced by its own button's words is
    // still the page's.
    let verse = "Because I could not stop for Death\nHe kindly stopped for me\n\
                 The Carriage held but just Ourselves\nAnd Immortality";
    let after = "Mourners filled the small church and the street outside, and many of them \
                 stayed long after the service had ended.";
    let last = "She is survived by her daughter, two grandsons and the village choir she led \
                for thirty years.";
    let before = "She taught at the village school for forty years, and most of the people who \
                  came to say goodbye had learned to read and write in her classroom.";
    let text = format!(
        "A Farewell | Example News\n\nNews\nSport\nCulture\nWeather\n\nSign in\n\n\
         {PROSE}\n\n{before}\n\nAt the funeral her daughter read the poem she loved most:\n\n\
         {verse}\n\n{after}\n\nShare this article:\n\nFacebook\nTwitter\nWhatsApp\nEmail\n\n\
         {last}\n\nShare on Facebook\nShare on Twitter\nShare via Email\n\n\
         Privacy policy\nCookie policy\nTerms & conditions"
    );
    let blocks = structure(&text);
    let shown = shown(&blocks).join("\n");
    assert!(shown.contains("He kindly stopped for me"), "{blocks:#?}");
    assert!(!shown.contains("WhatsApp"), "{blocks:#?}");
}

#[test]
fn a_long_sentence_left_without_its_stop_is_the_articles() {
    // A writer's sentence that ends without a full stop, set between a teaser of another
    // article and a section heading: still the article's text, and the heading with it.
    let unstopped = "Winning the final 3-0 in front of a full home crowd at the harbour arena in the old town, the same crew that lost 3-2 a year ago finally made up for it";
    let heading = "How the crew swept the final to win the cup";
    const LEAD: &str =
        "The harbour crew won the cup on Sunday, their first title in eleven years of trying.";
    const FIRST_RACE: &str =
        "In the first race the crew led from the start and held off a late charge by the visitors.";
    const RECORD: &str = "It is the club's fourth cup in all, and its captain's as well, a record no rower of the harbour has matched.";
    const CROWD: &str = "A crowd of several thousand lined the quay, and many of them stayed long after the boats were in.";
    const SECOND_RACE: &str =
        "The second race was closer, and the cup was only settled in the last hundred metres.";
    let text = format!(
        "Cup Final | Example Sport\n\nNews\nResults\nTeams\nVideo\n\nSign in\n\n\
         {PROSE}\n\n{LEAD}\n\n{RECORD}\n\nWhat do noodles and rowing have in common? The captain answers\n\n\
         {unstopped}\n\n{heading}\n\nPhoto by Example Sport\n\n{FIRST_RACE}\n\n{SECOND_RACE}\n\n{CROWD}\n\n\
         Share on Facebook\nShare on Twitter\nShare via Email\n\n\
         Privacy policy\nCookie policy\nTerms & conditions"
    );
    let blocks = structure(&text);
    let shown = shown(&blocks);
    assert!(shown.contains(&unstopped), "{blocks:#?}");
    assert!(shown.contains(&heading), "{blocks:#?}");
    // The page's footer is still its furniture.
    let footer = blocks.iter().find(|b| b.text.contains("Privacy policy"));
    assert!(footer.is_some_and(|b| b.kind == Leftover), "{blocks:#?}");
}

#[test]
fn only_a_long_sentence_in_lower_case_is_one_without_its_stop() {
    use super::is_unstopped_sentence;
    assert!(is_unstopped_sentence(
        "Winning the final 3-0 in front of a full home crowd at the harbour arena in the old town, the same crew that lost 3-2 a year ago finally made up for it"
    ));
    // A headline, a row of tags: capitalised words, however many.
    assert!(!is_unstopped_sentence(
        "Politics World News Business Technology Science Health Sports Entertainment Travel Style Food Opinion Video Podcasts Newsletters Weather Local Education Climate Markets Events Games Crosswords Obituaries"
    ));
    assert!(!is_unstopped_sentence("How the crew swept the final"));
}

/// Thai prose of the fixtures below, written for them: sentences parted by spaces, words by
/// nothing, and no mark at a sentence's end.
const THAI_RAIN: &str = "เมื่อวานนี้ฝนตกหนักตั้งแต่ช่วงบ่ายจนถึงกลางดึกในหลายพื้นที่ของกรุงเทพมหานคร ทำให้ถนนสายหลักหลายสายมีน้ำท่วมขังและการจราจรติดขัดเป็นเวลานานหลายชั่วโมง เจ้าหน้าที่ของเขตได้นำเครื่องสูบน้ำออกมาช่วยระบายน้ำตลอดทั้งคืน";
const THAI_FORECAST: &str = "นักอุตุนิยมวิทยาคาดว่าฝนจะยังคงตกต่อเนื่องไปอีกอย่างน้อยสามวัน ก่อนที่มรสุมจะเริ่มอ่อนกำลังลงในช่วงปลายเดือน ประชาชนที่อาศัยอยู่ริมแม่น้ำเจ้าพระยาควรเตรียมขนย้ายสิ่งของขึ้นที่สูงไว้ล่วงหน้า";

#[test]
fn prose_in_a_script_that_marks_no_sentence_end_is_the_articles() {
    // A Thai news page: one paragraph holds a full stop (an abbreviated hour, "12.00 น."),
    // the others none, as Thai sets no mark at a sentence's end. The last is the article's
    // all the same, not furniture after it.
    let dated = "เมื่อเวลาประมาณ 12.00 น. ผู้อำนวยการสำนักการระบายน้ำกล่าวว่าปริมาณฝนที่ตกลงมาในครั้งนี้สูงกว่าค่าเฉลี่ยของเดือนเดียวกันในปีที่ผ่านมาเกือบสองเท่า และขอให้ประชาชนติดตามประกาศเตือนภัยจากทางราชการอย่างใกล้ชิด";
    let text = format!(
        "ฝนตกหนักทั่วกรุง | ข่าวตัวอย่าง\n\nหน้าแรก\nข่าว\nกีฬา\nบันเทิง\nติดต่อเรา\n\nSign in\n\n\
         {dated}\n\n{THAI_RAIN}\n\n{THAI_FORECAST}\n\n\
         Share on Facebook\nShare on Twitter\nShare via Email\n\n\
         ข่าว ฝนตก น้ำท่วม กรุงเทพ จราจร\n\n\
         Privacy policy\nCookie policy\nTerms & conditions"
    );
    let blocks = structure(&text);
    let shown = shown(&blocks);
    for paragraph in [dated, THAI_RAIN, THAI_FORECAST] {
        assert!(shown.contains(&paragraph), "{blocks:#?}");
    }
    let footer = blocks.iter().find(|b| b.text.contains("Privacy policy"));
    assert!(footer.is_some_and(|b| b.kind == Leftover), "{blocks:#?}");
}

#[test]
fn only_long_runs_of_an_unmarked_script_read_as_its_sentences() {
    use super::runs_as_unmarked_sentences;
    assert!(runs_as_unmarked_sentences(THAI_RAIN));
    assert!(runs_as_unmarked_sentences(THAI_FORECAST));
    // A row of tags parts every word; a headline is one short piece.
    assert!(!runs_as_unmarked_sentences(
        "ข่าว ฝนตก น้ำท่วม กรุงเทพ จราจร การเมือง เศรษฐกิจ วัฒนธรรม บันเทิง ต่างประเทศ คุณภาพชีวิต แรงงาน สิ่งแวดล้อม ความมั่นคง สิทธิมนุษยชน"
    ));
    assert!(!runs_as_unmarked_sentences(
        "รัฐบาลเตรียมแผนรับมือน้ำท่วมในเขตเมืองก่อนฤดูฝน"
    ));
    // A script that marks its sentences is asked for its marks, not this.
    assert!(!runs_as_unmarked_sentences(PROSE));
}

#[test]
fn readers_comments_whose_heads_stand_apart_end_the_article_in_any_language() {
    // Each comment: the writer's name and "hace N minutos" on lines of their own, then the
    // comment. However long and well written, the comments are not the article.
    const ARTICLE: [&str; 4] = [
        "The prosecutor met his superior in the capital on Tuesday to agree on how to answer the judge's ruling.",
        "The ruling, which runs to more than two hundred pages, names the king's daughter as a suspect for the second time.",
        "The judge said on his way into court that he had written it to be upheld, and that the appeal court would decide.",
        "The defence has already said that it will appeal, and the prosecutor is expected to support it in a short brief.",
    ];
    const COMMENTS: [&str; 4] = [
        "What a poor showing from the prosecutor, who defends what cannot be defended, as if any of us would still believe in the justice he hands out after this. Those who cannot do their work well only ever explain themselves this way when they want to climb.",
        "What matters is not whether she is named or not, but the long lunch they will all eat in the capital at the expense of the people who pay for it. Nobody will ask them to pay it back, and nobody will remember it by the spring either.",
        "I would only like to know whether any of this is normal, because the way things are going, nobody will be surprised by anything any more. A year of this and the whole country will be tired of the courts and of the news about them as well.",
        "The prosecutor does not look very independent to me. Is it normal to ask the chief prosecutor about every single case, or only about the cases where the family of the king is named, as it is this time and was the last time?",
    ];
    let heads = [
        "Alcalino\nHace 28 minutos",
        "Casper\nHace 37 minutos",
        "pepedelacalle\nHace 37 minutos",
        "angelcaido\nHace una hora",
    ];
    let thread: Vec<String> = heads
        .iter()
        .zip(COMMENTS)
        .map(|(head, comment)| format!("{head}\n\n{comment}"))
        .collect();
    let text = format!(
        "Prosecutor weighs appeal | Example News\n\nNews\nSport\nWeather\nSign in\n\n\
         {}\n\nShare on Facebook\nShare on Twitter\n\n{}\n\n\
         Privacy policy\nCookie policy\nTerms & conditions",
        ARTICLE.join("\n\n"),
        thread.join("\n\n"),
    );
    let blocks = structure(&text);
    let shown = shown(&blocks);
    for paragraph in ARTICLE {
        assert!(shown.contains(&paragraph), "{blocks:#?}");
    }
    for comment in COMMENTS {
        assert!(!shown.contains(&comment), "{blocks:#?}");
    }
}

#[test]
fn a_charts_labels_inside_an_article_do_not_part_it() {
    // A chart copied from a page gives its labels a line each: figures, years, a unit.
    // The paragraphs after it are the article's as much as those before it.
    let after = "Interest costs already dwarf spending on many popular programs, and the gap will widen over the coming decade.";
    let labels = ["$915", "billion", "600", "300", "$263", "billion", "0"]
        .into_iter()
        .map(String::from)
        .chain((17..=28).map(|year| format!("’{year}")))
        .collect::<Vec<_>>()
        .join("\n\n");
    let text = format!(
        "Debt Rises | Example News\n\nNews\nSport\nCulture\nWeather\n\nSign in\n\n\
         {PROSE}\n\n{PROSE}\n\n{PROSE}\n\nInterest payments on the national debt\n\n{labels}\n\n\
         {after}\n\n{PROSE}\n\nShare on Facebook\nShare on Twitter\nShare via Email\n\n\
         Privacy policy\nCookie policy\nTerms & conditions"
    );
    let blocks = structure(&text);
    let shown = shown(&blocks);
    assert!(shown.contains(&after), "{blocks:#?}");
    assert!(shown.contains(&PROSE), "{blocks:#?}");
    assert!(!shown.iter().any(|t| t.contains("Privacy")), "{shown:?}");
}

#[test]
fn a_ranked_list_a_sentence_introduces_is_the_articles_to_its_last_item() {
    // Each item a block of its own, each short: the sentence before them introduces them all,
    // not only the first, and the paragraph before the list stays with the article.
    let opening = "A new report released on Monday calls into question the idea that anyone can succeed whatever class they were born into.";
    let lead = "The overall rankings of the countries were as follows:";
    let items = [
        "Finland",
        "Norway",
        "Australia",
        "Canada",
        "Germany",
        "France",
        "United Kingdom",
        "Italy",
        "Spain",
        "United States",
    ]
    .iter()
    .enumerate()
    .map(|(n, country)| format!("{}. {country}", n + 1))
    .collect::<Vec<_>>()
    .join("\n\n");
    let text = format!(
        "Birth Lottery | Example Money\n\nMarkets\nEconomy\nTech\nPersonal Finance\n\nSign in\n\n\
         {opening}\n\n{lead}\n\n{items}\n\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n\n\
         Share on Facebook\nShare on Twitter\nShare via Email\n\n\
         Privacy policy\nCookie policy\nTerms & conditions"
    );
    let blocks = structure(&text);
    let shown = shown(&blocks);
    for line in [opening, lead, "Finland", "United States"] {
        assert!(
            shown.iter().any(|t| t.contains(line)),
            "{line}: {blocks:#?}"
        );
    }
    assert!(!shown.iter().any(|t| t.contains("Privacy")), "{shown:?}");
}

#[test]
fn an_articles_references_under_their_heading_are_shown_and_the_footer_after_them_folded() {
    // An encyclopaedia's article copied as text: its list of links to see also, then its
    // references, some cut in two where a link ended; then the page's footer.
    let first =
        "^ Jones, Matthew; Ormrod, Joan (2015). Time Travel in Popular Media. McFarland. p. 208.";
    let cut = "^ Bratersky, Alexander (29 July 2013). \"Dance Troupe to Conquer Time\"";
    let tail = ". The Moscow Times. Retrieved 1 May 2015.";
    let text = format!(
        "Time loop - Example Encyclopedia\n\nNews\nSport\nCulture\nWeather\n\nSign in\n\n\
         {PROSE}\n\n{PROSE}\n\n{PROSE}\n\nSee also [ edit ]\n\nTime travel in fiction\n\n\
         List of time travel works\n\nReferences [ edit ]\n\n{first}\n\n{cut}\n\n{tail}\n\n\
         ^ Fischer, Russ (2011-02-02). \"Just How Long Was It?\"\n\n. Slashfilm. Retrieved 2014-03-27.\n\n\
         Retrieved from \"https://example.org/w/index.php?title=Time_loop\"\n\n\
         Share on Facebook\nShare on Twitter\nShare via Email\n\n\
         Privacy policy\nCookie policy\nTerms & conditions"
    );
    let blocks = structure(&text);
    let shown = shown(&blocks);
    for line in [first, cut, tail] {
        assert!(shown.contains(&line), "{line}: {blocks:#?}");
    }
    assert!(!shown.iter().any(|t| t.contains("Privacy")), "{shown:?}");
}

#[test]
fn references_are_told_by_their_heading_and_their_entries() {
    use super::{is_reference, is_references_heading};
    assert!(is_references_heading("References [ edit ]"));
    assert!(is_references_heading("Einzelnachweise"));
    assert!(is_references_heading("Notes:"));
    assert!(!is_references_heading("Notes on the budget"));
    assert!(is_reference(
        "^ a b Horn, Roger A. (2013). Matrix Analysis. Cambridge."
    ));
    assert!(is_reference("[12] Smith, J. Water. 2001."));
    assert!(is_reference(
        "Bain, Carolyn (2006). New Zealand. Lonely Planet. ISBN 1-74104-535-5."
    ));
    // A sentence that names a year in brackets is no entry without a name before it.
    assert!(!is_reference(
        "The treaty (signed in 1840) is read every year."
    ));
    assert!(!is_reference("Share this article"));
}
