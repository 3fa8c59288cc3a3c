//! The tests of data set out in short lines that is no menu, on a web page or off it: tables
//! of figures and of labelled values, schedules, records of named fields, code, a project's
//! roll of names.

use super::tests::{PROSE, kinds, shown, structure};
use crate::document::BlockKind::*;

#[test]
fn hard_wrapped_chinese_prose_is_not_a_menu() {
    // Lines of ideographs wrapped at 37 characters, some ending mid-sentence: body text.
    let para = "石猿喜不自勝，急抽身往外便走，復瞑目蹲身，跳出水外，打了兩個呵呵道：\n「大造化！大造化！」眾猴把他圍住，問道：「裏面怎麼樣？水有多深？」石猴\n道：「沒水！沒水！原來是一座鐵板橋，橋那邊是一座天造地設的家當。」眾猴\n道：「怎見得是個家當？」石猴笑道：「這股水乃是橋下沖貫石橋，倒掛下來遮";
    let text = format!("{PROSE}\n\n{para}\n\n{para}\n\n{para}\n\n{para}\n\n{PROSE}");
    let got = kinds(&text);
    assert!(got.iter().all(|&k| k != Leftover), "{got:?}");
    assert!(got[1..].iter().all(|&k| k == Paragraph), "{got:?}");
}

#[test]
fn a_table_of_figures_is_the_article_not_a_list_of_links() {
    // Rows of a results table end no sentence and are short, as a menu's lines are; their
    // figures say what they are.
    let table = "Pos Driver Points Wins\n1 Kyle Busch 5040 5\n2 Martin Truex 5035 7\n3 Kevin Harvick 5033 4\n4 Denny Hamlin 5027 6\n5 Joey Logano 2380 2";
    let text = format!(
        "Standings | Example Racing\n\nNews\nResults\nCalendar\nDrivers\n\nSign in\n\n\
         {table}\n\nShare on Facebook\nShare on Twitter\nShare via Email\n\n\
         Latest Headlines\nRain delays the start in Texas\nA new sponsor for the team\nThe rookie of the year named\n\n\
         Privacy policy\nCookie policy\nTerms & conditions"
    );
    let blocks = structure(&text);
    let table_block = blocks.iter().find(|b| b.text.contains("Kyle Busch"));
    assert!(
        table_block.is_some_and(|b| b.kind != Leftover),
        "{blocks:#?}"
    );
    // The headlines after it, a list of links, are furniture.
    let headlines = blocks.iter().find(|b| b.text.contains("Rain delays"));
    assert!(headlines.is_some_and(|b| b.kind == Leftover), "{blocks:#?}");
}

#[test]
fn a_table_of_measures_with_fractions_inside_the_article_is_kept() {
    // A benchmark's timings as a page copied as text gives them: its cells run together with
    // single spaces, and every figure has a fraction. Between two paragraphs of the article.
    let table = "file fastlib slowlib\nalpha_builds 2.3 GB/s 0.098 GB/s\nbeta_events 2.5 GB/s 0.093 GB/s\ngamma-2018 3.3 GB/s 0.091 GB/s\ndelta 2,2 GB/s 0,094 GB/s";
    let text = format!(
        "Parsing fast | A Blog\n\nHome\nArchives\nAbout\nContact\n\nSign in\n\n{PROSE} Let us run \
         some benchmarks on the files we have at hand today.\n\n{table}\n\nThus, roughly speaking, \
         the fast library parses a document at a speed of about two gigabytes a second, twenty \
         times faster.\n\nShare on Facebook\nShare on Twitter\nShare via Email\n\n\
         Privacy policy\nCookie policy\nTerms & conditions"
    );
    let blocks = structure(&text);
    let table_block = blocks.iter().find(|b| b.text.contains("gamma-2018"));
    assert!(
        table_block.is_some_and(|b| b.kind != Leftover),
        "{blocks:#?}"
    );
    // The page's furniture is still folded.
    let share = blocks.iter().find(|b| b.text.contains("Share via Email"));
    assert!(share.is_some_and(|b| b.kind == Leftover), "{blocks:#?}");
}

#[test]
fn a_schedule_of_dated_lines_closing_an_article_is_the_article_kept_line_by_line() {
    // A tour's dates under the news of it, each line a day and a place, some of them longer
    // than a table's row usually is: words mostly capitalised, as a flattened menu's are, but
    // each line opens on a day.
    let dates = "The band's 2020 tour dates:\nJune 9 -- Coral Sky Amphitheatre, West Palm Beach, FL\n\
                 June 14 -- Ameris Bank Amphitheatre (Formerly Verizon Amphitheatre), Alpharetta, GA\n\
                 June 17 -- Bridgestone Arena, Nashville, TN\nJuly 3 -- Xfinity Center, Mansfield, MA\n\
                 Aug. 2 -- DTE Energy Music Theatre, Clarkston, MI\nSept. 5 -- White River Amphitheatre, Seattle, WA\n\
                 Oct. 9 -- Toyota Music Factory, Irving, TX";
    let text = format!(
        "Tour News | Example Music\n\nNews\nCharts\nVideo\nPhotos\n\nSign in\n\n\
         {PROSE}\n\n{PROSE}\n\n{dates}\n\nShare on Facebook\nShare on Twitter\nShare via Email\n\n\
         Privacy policy\nCookie policy\nTerms & conditions"
    );
    let blocks = structure(&text);
    let schedule = blocks.iter().find(|b| b.text.contains("Coral Sky"));
    assert!(schedule.is_some_and(|b| b.kind != Leftover), "{blocks:#?}");
    assert!(
        schedule.is_some_and(|b| b.text.lines().count() == 8),
        "each date a line: {blocks:#?}"
    );
    let share = blocks.iter().find(|b| b.text.contains("Share on Twitter"));
    assert!(share.is_some_and(|b| b.kind == Leftover), "{blocks:#?}");
}

#[test]
fn rows_of_labelled_values_closing_an_article_are_its_table_kept_line_by_line() {
    let teams = "England (Group A): 10th appearance\nCzech Republic (Group A): Seventh appearance\n\
                 Ukraine (Group B): Third appearance\nSpain (Group F): 11th appearance\n\
                 Sweden (Group F): Seventh appearance\nPoland (Group G): Fourth appearance";
    let text = format!(
        "Qualifying | Example Sport\n\nNews\nScores\nSchedule\nTeams\n\nSign in\n\n\
         {PROSE}\n\n{PROSE}\n\nQualified teams\n\n{teams}\n\n\
         Share on Facebook\nShare on Twitter\nShare via Email\n\n\
         Privacy policy\nCookie policy\nTerms & conditions"
    );
    let blocks = structure(&text);
    let table = blocks.iter().find(|b| b.text.contains("Ukraine"));
    assert!(table.is_some_and(|b| b.kind != Leftover), "{blocks:#?}");
    assert!(
        table.is_some_and(|b| b.text.lines().count() == 6),
        "a row a line: {blocks:#?}"
    );
}

#[test]
fn labelled_rows_are_a_table_unless_they_are_a_pages_fields_or_a_list_of_prose() {
    use super::super::raw::Raw;
    let raws = |text: &'static str| crate::document::structure::scan::scan(text);
    let table: Vec<Raw<'_>> = raws(
        "England (Group A): 10th appearance\nSpain (Group F): 11th appearance\nWales (Group E): Second appearance\n",
    );
    assert!(super::is_table_of_figures(&table[0]));
    // A page's fields about itself keep their lines, but are no table of the article's.
    let fields: Vec<Raw<'_>> =
        raws("Wordcount: 717\nPublished: Nov. 19, 2019, 6:18 p.m.\nTags: ads, awareness, news\n");
    assert!(super::are_labelled_rows(fields[0].lines()));
    assert!(!super::is_table_of_figures(&fields[0]));
    // Items of a list that each run on as a paragraph are no rows.
    let items = "Build your site: You will need a home page, an about page, a contact page and some kind of page to sell from.\n\
                 Build your first offer: Test a small version of it first, before you build anything elaborate or slow to make.\n\
                 Build a funnel: Find a way to attract your prospects, serve them well, and turn them into customers over time.\n";
    assert!(!super::are_labelled_rows(items.lines()));
    // Two lines are a pair of fields, not a table.
    assert!(!super::are_labelled_rows(
        "Spain (Group F): 11th appearance\nWales (Group E): Second appearance".lines()
    ));
}

#[test]
fn a_footer_of_link_rows_is_a_menu_however_wide_its_rows_and_a_table_with_bars_is_not() {
    use super::super::raw::Raw;
    let footer = "Home | Video | World | U.S. | Africa | Asia | Europe | Latin America | Middle East | Business | Sport\n\
        Tools & Widgets | RSS | Podcasts | Blogs | Mobile | My Profile | E-mail Alerts | Shop | Site map\n\
        En español | Chile | México | Deutsch\n\
        © 2014 Example News Network, a company of Example Holdings, Inc. All Rights Reserved.\n\
        Terms of service | Privacy guidelines | Ad choices | Advertise with us | About us | Contact us\n";
    let raws: Vec<Raw<'_>> = crate::document::structure::scan::scan(footer);
    assert_eq!(raws.len(), 1);
    assert!(super::is_menu(&raws[0]));
    // Rows of as many cells each, set with bars: a table.
    let table = "Name | Role | Home town\nAda Quill | Captain of the crew | Harbour Street\nHugo Lind | Cook and quartermaster | North Quay\n";
    let raws: Vec<Raw<'_>> = crate::document::structure::scan::scan(table);
    assert_eq!(raws.len(), 1);
    assert!(!super::is_menu(&raws[0]));
}

#[test]
fn a_schedule_numbered_by_ordinals_is_a_table_of_figures() {
    use super::super::raw::Raw;
    let text = "1a etapa: 10 de março – Interlagos\n2a etapa: 8 de abril – Curitiba\n3a etapa: 22 de abril – Velopark\n4a etapa: 06 de maio – Londrina\n";
    let raws: Vec<Raw<'_>> = crate::document::structure::scan::scan(text);
    assert_eq!(raws.len(), 1);
    assert!(super::is_table_of_figures(&raws[0]));
    assert!(!super::is_menu(&raws[0]), "a table, never a menu");
}

#[test]
fn records_of_named_fields_are_no_menus() {
    // A list of deprecated commands, each a record of short named fields: data, not a menu.
    let records = [
        "what:  column --table-empty-lines\nwhy:   renamed to --keep-empty-lines\nsince: v2.37",
        "what:  hwclock --debug\nwhy:   renamed to --verbose\nsince: v2.32",
        "what:  column --columns\nwhy:   renamed to --output-width\nsince: v2.30",
        "what:  sfdisk --unit\nwhy:   unnecessary option\nsince: v2.29",
    ];
    let text = format!(
        "The following is a list of commands or features that are deprecated, kept for backward compatibility only.\n\n{}",
        records.join("\n\n")
    );
    let got = kinds(&text);
    assert!(got.iter().all(|&k| k != Leftover), "{got:?}");
}

#[test]
fn short_lines_of_code_are_no_menu() {
    // A snippet of a script in an article: short lines, no stops, as a menu's are; but an
    // assignment and a call are no link's words. Vim scripts read as text had whole runs of
    // such lines folded as the page's menus.
    let code = "if exists(\"g:loaded\")\n  finish\nendif\nlet g:loaded = 1";
    let text = format!(
        "Budget Passes | Example News\n\nSkip to main content\nNews\nSport\nCulture\n\nSign in\n\n\
         {PROSE}\n\nShare on Facebook\nShare on Twitter\nShare via Email\n\n{PROSE}\n\n{code}\n\n\
         {PROSE}\n\nMost popular\n\nPrivacy policy\nCookie policy\nTerms & conditions\n"
    );
    let blocks = structure(&text);
    let shown = shown(&blocks);
    assert!(
        shown.iter().any(|t| t.contains("let g:loaded = 1")),
        "{shown:#?}"
    );
    assert!(!shown.iter().any(|t| t.contains("Share on")), "{shown:#?}");
}

#[test]
fn a_projects_roll_of_thanks_is_its_text_not_menus() {
    // A THANKS file: accounts alone, names with their accounts or addresses, one to a line,
    // then the companies thanked and a few sentences. Short unpunctuated lines, like menus,
    // and "Facebook" among the companies; still no web page, and nothing of it is folded.
    let accounts = "@amberly\n@bartok_fan\n@cwu\n@delta-ray\n@eve.k";
    let names = "Ada Quill (@adaq)\nBruno de Vries (@bdv)\nChen Mei (@meichen)\nDmitri O'Hara (@dohara)\nY. T. Ling (@ytling)\nEsme Laurent (EsmeL)";
    let addresses = "Farid Noor <farid@example.org>\nGreta Holm <greta.holm@example.net>\nHugo Lind <hugo@example.com>";
    let companies = "Example Software\nFacebook\nNorth Labs\nOpen Print Foundation";
    let text = format!(
        "Special thanks to the people who wrote bindings for their favourite languages:\n\n{accounts}\n\n{names}\n\n{addresses}\n\n{companies}\n\n(this list may not be complete: if your name is missing, please send a patch!)\n\nAlso thanks to:\n\n- North Labs, for the build servers.\n- Open Print Foundation, for an audit."
    );
    let blocks = structure(&text);
    let folded: Vec<&str> = blocks
        .iter()
        .filter(|b| b.kind == Leftover)
        .map(|b| b.text.as_str())
        .collect();
    assert!(folded.is_empty(), "folded: {folded:?}");
}

#[test]
fn a_line_names_a_person_by_an_account_or_an_address_only() {
    use super::names_a_person;
    for line in [
        "@zonyitoo",
        "Jan de Muijnck-Hughes (@jfdm)",
        "Y. T. Chung (@zonyitoo)",
        "Jim Meyering <jim@example.net>",
        "- Ada Quill (ada@example.org)",
    ] {
        assert!(names_a_person(line), "{line}");
    }
    for line in [
        "World News",
        "Sign in",
        "Follow us (@example)",
        "Contact us <help@example.org>",
        "Photos (12)",
        "@ the station",
        "Read more (2 min)",
    ] {
        assert!(!names_a_person(line), "{line}");
    }
}
