//! What kind of text a document is, told from the marks each kind leaves near its start: a
//! Project Gutenberg book, an RFC, a PEP or other reStructuredText memo, a licence, a text
//! marked up in Markdown, or anything else ([`Genre::Page`]). Only the last can be a web page
//! copied as text, so only it may have page furniture (menus, share rows, comment forms)
//! folded inside it: the other kinds have none, and a short line in them is text.

use super::chrome::is_hour;
use super::heading::Form;
use super::shape::Shaped;
use crate::document::Block;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Genre {
    /// A book: Project Gutenberg's markers, or chapters in the Aozora Bunko notation.
    Book,
    /// An IETF memo: "Request for Comments:" or "Internet-Draft" in its header.
    Rfc,
    /// A memo opening with "Field: value" lines and written in reStructuredText (a PEP).
    Memo,
    /// A licence or other legal text that names itself so in its title, or grants licences
    /// near its start (a copyright file).
    Licence,
    /// Plain text marked up as Markdown or reStructuredText: "#" headings, or headings
    /// underlined with "===" or "---".
    Markdown,
    /// A change log or release notes: entries headed by commits, dated authors, package
    /// versions or release numbers.
    Log,
    /// A mail message, or a mailbox of them: mail headers open it.
    Mail,
    /// A plain-text manual in the help format of Vim and its plug-ins: its first line tags the
    /// file by name (`*ft_ada.txt*  For Vim version 9.0`).
    Help,
    /// Anything else: an essay, notes, or the visible text of a web page.
    Page,
}

impl Genre {
    /// Whether the kind can carry web-page furniture inside it.
    pub fn has_chrome(self) -> bool {
        self == Genre::Page
    }
}

/// How many blocks from the start the marks of a memo's header are looked for in.
const HEAD_BLOCKS: usize = 8;

/// The genre of a structured text, from its first blocks and the forms of its headings.
pub fn of(shapes: &[impl Shaped], blocks: &[Block]) -> Genre {
    if shapes
        .iter()
        .any(|s| s.gutenberg_start() || s.gutenberg_end())
    {
        return Genre::Book;
    }
    let head = || blocks.iter().take(HEAD_BLOCKS).map(|b| b.text.as_str());
    if head().any(names_an_ietf_memo) {
        return Genre::Rfc;
    }
    if shapes.first().is_some_and(Shaped::front_fields) && blocks.iter().any(is_rst_markup) {
        return Genre::Memo;
    }
    if blocks.iter().take(3).any(|b| names_a_licence(&b.text)) || grants_licences(blocks) {
        return Genre::Licence;
    }
    if blocks
        .first()
        .is_some_and(|b| opens_with_mail_headers(&b.text))
    {
        return Genre::Mail;
    }
    if blocks.first().is_some_and(|b| tags_a_help_file(&b.text)) {
        return Genre::Help;
    }
    let forms = || shapes.iter().filter_map(Shaped::form);
    // A manual in Markdown may name versions in short lines ("Added in: v10.0.0") and is no
    // change log for it.
    let atx = forms().filter(|f| matches!(f, Form::Atx(_))).count();
    if atx < 2 && keeps_a_log(blocks) {
        return Genre::Log;
    }
    if forms().filter(|f| matches!(f, Form::Aozora(_))).count() >= 2 {
        return Genre::Book;
    }
    // Headings marked up with "#" or underlined with "===" or "---": text written to be
    // read as plain text (Markdown, reStructuredText), which the visible text of a web page
    // never is.
    if forms()
        .filter(|f| matches!(f, Form::Atx(_) | Form::Underline { .. }))
        .count()
        >= 2
    {
        return Genre::Markdown;
    }
    Genre::Page
}

/// The header of an RFC or an Internet-Draft names the series.
fn names_an_ietf_memo(text: &str) -> bool {
    text.len() < 2000
        && (text.contains("Request for Comments:")
            || text.contains("Internet-Draft")
            || text.starts_with("Network Working Group")
            || text.starts_with("Internet Engineering Task Force"))
}

/// A reStructuredText mark: a directive or comment ("..  code-block::", ".. _label:") or a
/// paragraph that introduces a literal block ("… as follows::").
fn is_rst_markup(block: &Block) -> bool {
    let text = block.text.trim();
    text.starts_with(".. ") || text.ends_with("::")
}

/// A short title that says the text is a licence ("GNU GENERAL PUBLIC LICENSE", "Mozilla
/// Public License Version 2.0", "The MIT License") or legal code: Creative Commons heads each
/// of its licences and its public-domain waiver "Creative Commons Legal Code".
fn names_a_licence(text: &str) -> bool {
    let words = text.split_whitespace().count();
    if words == 0 || words > 12 {
        return false;
    }
    let mut lowered = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .peekable();
    while let Some(word) = lowered.next() {
        if word == "license" || word == "licence" || word == "unlicense" {
            return true;
        }
        if word == "legal" && lowered.peek().is_some_and(|next| next == "code") {
            return true;
        }
    }
    false
}

/// How many blocks from the start the clauses of a licence are looked for in.
const CLAUSE_BLOCKS: usize = 60;

/// What the clauses of the common free-software licences say, each in words no page uses
/// about anything else.
const LICENCE_CLAUSES: &[&str] = &[
    "redistribute it and/or modify",
    "permission is hereby granted",
    "redistribution and use in source and binary forms",
    "without any warranty",
    "express or implied warranties",
    "the above copyright notice",
    "licensed under the apache license",
    "permission to use, copy, modify",
    "in no event shall",
    "provided \"as is\"",
];

/// A text whose first blocks grant licences in two places or more: a copyright file listing
/// who holds what and under which terms, or a licence without a title. Its copyright lines
/// and short notices are its text, not a page's footer.
fn grants_licences(blocks: &[Block]) -> bool {
    blocks
        .iter()
        .take(CLAUSE_BLOCKS)
        .filter(|b| {
            let lower = b.text.to_lowercase();
            LICENCE_CLAUSES.iter().any(|clause| lower.contains(clause))
        })
        .nth(1)
        .is_some()
}

/// The headers every mail message carries (lower-cased).
const MAIL_HEADERS: &[&str] = &[
    "from: ",
    "to: ",
    "subject: ",
    "date: ",
    "message-id: ",
    "mime-version: ",
    "received: ",
    "return-path: ",
    "content-type: ",
];

/// A mailbox's "From " line or a mail header opening the text, and two of the headers every
/// message carries among its first lines.
fn opens_with_mail_headers(text: &str) -> bool {
    let head: String = text.chars().take(2000).collect::<String>().to_lowercase();
    let opens = head.starts_with("from ") || MAIL_HEADERS.iter().any(|h| head.starts_with(h));
    let carried = MAIL_HEADERS
        .iter()
        .filter(|h| {
            head.starts_with(*h)
                || head.contains(&format!("\n{h}"))
                || head.contains(&format!(" {h}"))
        })
        .count();
    opens && carried >= 2
}

/// `*name.txt*` opening the first line: the tag a help file is found by.
fn tags_a_help_file(text: &str) -> bool {
    text.split_whitespace().next().is_some_and(|tag| {
        tag.len() > 6 && tag.starts_with('*') && tag.ends_with(".txt*") && !tag.contains("**")
    })
}

/// How many blocks from the start the entries of a change log are looked for in.
const LOG_BLOCKS: usize = 200;

/// The entries of a change log, told by their heads in its first blocks: two heads of the
/// kinds a tool writes (a commit, a dated author, a Debian package version or its sign-off),
/// or three short lines naming a release.
fn keeps_a_log(blocks: &[Block]) -> bool {
    let (mut written, mut releases) = (0, 0);
    // A release can list dozens of changes, each a block of its own.
    for block in blocks.iter().take(LOG_BLOCKS) {
        let head: String = block.text.chars().take(120).collect();
        if is_written_entry_head(&head) {
            written += 1;
        } else if names_a_release(&block.text) {
            releases += 1;
        }
        if written >= 2 || releases >= 3 {
            return true;
        }
    }
    false
}

/// A line heading a change log's entry for a release, for the outline: a line naming one
/// ("Changes in 1.2.13 (13 Oct 2022)", "libXmu 1.1.2"), a Debian package's version line, or
/// a version and the day it was released.
pub fn heads_a_release(text: &str) -> bool {
    let head: String = text.chars().take(120).collect();
    names_a_release(text)
        || head.contains(") ") && head.contains("; urgency=") && text.len() < 120
        || released_on(&head) && text.split_whitespace().nth(8).is_none()
}

/// "commit 2539e539…", "Author: … Date: …", "libthai (0.1.29-1) unstable; urgency=medium",
/// " -- A Maintainer <a@example.org>  Mon, 6 Sep 2021", "2013-09-07  A Writer  <a@…>".
fn is_written_entry_head(head: &str) -> bool {
    let trimmed = head.trim_start();
    let commit = trimmed.strip_prefix("commit ").is_some_and(|rest| {
        let hex = rest.chars().take_while(char::is_ascii_hexdigit).count();
        hex >= 7 && rest[hex..].chars().next().is_none_or(char::is_whitespace)
    });
    let authored = trimmed.starts_with("Author: ") && trimmed.contains("Date:");
    let packaged = head.contains(") ") && head.contains("; urgency=");
    let signed = trimmed.starts_with("-- ") && trimmed.contains('<') && trimmed.contains(">  ");
    // "2013-09-07  A Writer", "2022/04/11: fix a leak": a day, then what happened on it.
    // A day and its hour alone ("2019-01-22 20:44") stamp a news site's list of headlines,
    // one under each; no entry of a log says no more than when.
    let dated = trimmed.split_whitespace().next().is_some_and(|first| {
        first.len() < trimmed.len()
            && is_day(first.strip_suffix(':').unwrap_or(first))
            && !is_time_stamp(trimmed[first.len()..].trim())
    });
    commit || authored || packaged || signed || dated || released_on(trimmed)
}

/// What follows a day when it is a time stamp: an hour ("20:44", "08:15:02", "9:05 PM"),
/// perhaps a zone ("UTC", "+0700"), and nothing else.
fn is_time_stamp(rest: &str) -> bool {
    let mut words = rest.split_whitespace();
    let hour = words.next().is_some_and(is_hour);
    let zone = |word: &str| {
        word.len() <= 5
            && (word.bytes().all(|b| b.is_ascii_uppercase())
                || word.starts_with(['+', '-']) && word[1..].bytes().all(|b| b.is_ascii_digit()))
    };
    hour && words.all(zone)
}

/// "0.2.5 2020-06-01": a version number, then the day it was released.
fn released_on(head: &str) -> bool {
    let mut words = head.split_whitespace();
    words.next().is_some_and(is_version) && words.take(4).any(is_day)
}

/// "1.2.13", "v10.0", "(0.2.5)": numbers joined by full stops, two or more.
fn is_version(token: &str) -> bool {
    let token = token.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    let token = token.strip_prefix('v').unwrap_or(token);
    token.split('.').count() >= 2
        && token
            .split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// "2020-06-01" or "2020/06/01", in brackets or not.
fn is_day(word: &str) -> bool {
    let bytes = word.trim_matches(|c: char| !c.is_ascii_digit()).as_bytes();
    bytes.len() == 10
        && matches!(bytes[4], b'-' | b'/')
        && bytes[7] == bytes[4]
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit())
}

/// A short line naming a release: a word, then a version number ("Release 3.7.9", "libXmu
/// 1.1.2", "procps-ng-4.0.2", "Changes in 1.2.13 (13 Oct 2022)"). A section number opens
/// its line ("2.1 Overview"), so a line opened by the number names none.
fn names_a_release(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().take(9).collect();
    // "Added in: v10.0.0" is a field naming a version, not a release.
    if words.len() > 8 || text.contains(": ") {
        return false;
    }
    // A quote of a market ("NY crude (USD) 6/19 64.72 -1.13 -1.71%") names a figure as a
    // release names its version, and then how it moved: a signed figure, a percentage.
    let moved = |word: &&str| {
        let figure = |w: &str| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        };
        word.strip_suffix('%')
            .is_some_and(|w| figure(w.trim_start_matches(['-', '+', '±'])))
            || word
                .strip_prefix(['-', '+', '±'])
                .is_some_and(|w| figure(w) && w.contains('.'))
    };
    if words.iter().any(moved) {
        return false;
    }
    // "v1.5.4 (Feb 2023)": a version marked as one; a bare number is a section's.
    match words.first() {
        Some(first) if first.starts_with('v') && is_version(first) => return true,
        Some(first) if !first.starts_with(|c: char| c.is_ascii_digit()) => {}
        _ => return false,
    }
    words.iter().enumerate().any(|(i, word)| {
        // "procps-ng-4.0.2": the version joined to the name by a hyphen.
        let joined = word
            .rsplit_once('-')
            .is_some_and(|(name, v)| name.chars().any(char::is_alphabetic) && is_version(v));
        (i > 0 && is_version(word)) || joined
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::structure::{classified, to_block};

    fn genre(text: &str) -> Genre {
        let raws = classified(text, false);
        let blocks: Vec<Block> = raws.iter().map(to_block).collect();
        of(&raws, &blocks)
    }

    #[test]
    fn each_kind_is_told_by_its_marks() {
        let book = "The Project Gutenberg eBook of A Tale\n\n*** START OF THE PROJECT GUTENBERG EBOOK A TALE ***\n\nIt was a dark night.\n";
        assert_eq!(genre(book), Genre::Book);
        let rfc = "Internet Engineering Task Force (IETF)                  A. Writer\nRequest for Comments: 9999                                  Example\nCategory: Informational                                    May 2030\n\n                  A Protocol for Examples\n\nAbstract\n\n   This memo says how examples are made.\n";
        assert_eq!(genre(rfc), Genre::Rfc);
        let pep = "PEP: 9999\nTitle: A Proposal\nAuthor: A. Writer\n\nAbstract\n========\n\nWrite it like this::\n\n    x = 1\n";
        assert_eq!(genre(pep), Genre::Memo);
        let licence = "                    THE EXAMPLE PUBLIC LICENSE\n                       Version 1, May 2030\n\n  0. Definitions.\n\n  \"This License\" refers to version 1 of the Example Public License.\n";
        assert_eq!(genre(licence), Genre::Licence);
        // Legal code that waives rights instead of licensing them names itself so.
        let waiver = "Example Commons Legal Code\n\nEC0 1.0 Universal\n\nStatement of Purpose\n\nThe laws of most places give an author rights in a work.\n";
        assert_eq!(genre(waiver), Genre::Licence);
        let essay = "Notes on the legal history of code\n\nSome words about law.\n";
        assert_eq!(genre(essay), Genre::Page);
        let markdown = "# Guide\n\nSome words.\n\n## Setup\n\nMore words.\n";
        assert_eq!(genre(markdown), Genre::Markdown);
        let page = "Example News\n\nSign in\n\nThe council met on Monday to discuss the budget.\n\nShare this\n";
        assert_eq!(genre(page), Genre::Page);
    }

    #[test]
    fn a_copyright_file_that_grants_licences_is_legal_text() {
        let copyright = "This is the packaged version of the Example C Library.\n\n* Most of the library is under the following copyright:\n\n    Copyright (C) 1991-2015 Example Foundation, Inc.\n\n    The Example C Library is free software; you can redistribute it and/or\n    modify it under the terms of the GNU Lesser General Public License.\n\n* The utilities are under the following copyright:\n\n    Copyright (C) 1990 The Regents of the University of Example.\n\n    Redistribution and use in source and binary forms, with or without\n    modification, are permitted provided that the conditions are met.\n";
        assert_eq!(genre(copyright), Genre::Licence);
        let permissive = "This software is copyrighted by the Regents and other parties.\n\nThe authors hereby grant permission to use, copy, modify, distribute, and license this software for any purpose.\n\nIN NO EVENT SHALL THE AUTHORS OR DISTRIBUTORS BE LIABLE TO ANY PARTY FOR DAMAGES.\n";
        assert_eq!(genre(permissive), Genre::Licence);
        // A page whose footer says who holds its copyright and under which licence it is
        // shared grants nothing itself.
        let page = "Example News\n\nSign in\n\nThe council met on Monday to discuss the budget.\n\nContent licensed under the Creative Commons BY 4.0 licence.\n\nCopyright 2020 Example News. All rights reserved.\n";
        assert_eq!(genre(page), Genre::Page);
    }

    #[test]
    fn underlined_headings_mark_a_text_written_as_plain_text() {
        let readme = "An index to the files.\n\nThis file says what each file is for, and may lag behind.\n\nFILES\n=====\n\nStartup\n-------\nmain.py  # starts it\n";
        assert_eq!(genre(readme), Genre::Markdown);
        // One underlined line is not enough.
        let page =
            "Example News\n============\n\nSign in\n\nThe council met on Monday.\n\nShare this\n";
        assert_eq!(genre(page), Genre::Page);
    }

    #[test]
    fn a_mail_message_is_told_by_its_headers() {
        let mbox = "From a@example.org  Fri Nov 26 21:40:36 2004\nMIME-Version: 1.0\nFrom: A Writer <a@example.org>\nTo: <b@example.org>\nSubject: The minutes\n\nHere are the minutes of the meeting.\n";
        assert_eq!(genre(mbox), Genre::Mail);
        let message = "Return-Path: <a@example.org>\nFrom: A Writer <a@example.org>\nSubject: The minutes\n\nHere they are.\n";
        assert_eq!(genre(message), Genre::Mail);
        // A sentence that opens with "From" is no mailbox.
        let prose = "From the hill we could see the whole town and the subject of our walk.\n\nThen we went down.\n";
        assert_eq!(genre(prose), Genre::Page);
    }

    #[test]
    fn a_help_file_is_told_by_its_tag() {
        let help = "*example.txt*\tFor Vim version 9.0.  Last change: 2022 Mar 13\n\n\t\t    EXAMPLE PLUG-IN MANUAL~\n\n1. Usage\t\t|example-usage|\n";
        assert_eq!(genre(help), Genre::Help);
        let emphasis = "*Note* that the file is read first.\n\nThen the rest.\n";
        assert_eq!(genre(emphasis), Genre::Page);
    }

    #[test]
    fn change_logs_are_told_by_their_entry_heads() {
        let git = "commit 2539e539eafdac88177c8ee30b043c5d52f017e4\nAuthor: A Writer <a@example.org>\nDate:   Sat Sep 7 21:28:14 2013 -0700\n\n    Example 1.1.2\n\ncommit 54043bd96cc474b8f96d64a46cf99d76aac8206d\nAuthor: A Writer <a@example.org>\nDate:   Sat Sep 7 21:27:41 2013 -0700\n\n    Add missing copyright notices\n";
        assert_eq!(genre(git), Genre::Log);
        let debian = "example (0.1.29-1) unstable; urgency=medium\n\n  * New upstream version 0.1.29\n\n -- A Maintainer <a@example.org>  Mon, 06 Sep 2021 10:00:00 +0200\n\nexample (0.1.28-3) unstable; urgency=low\n\n  * Drop a patch\n";
        assert_eq!(genre(debian), Genre::Log);
        let gnu = "2013-09-07  A Writer  <a@example.org>\n\n\t* src/main.c: Fix a leak.\n\n2013-08-01  B Writer  <b@example.org>\n\n\t* src/util.c: Share the buffer.\n";
        assert_eq!(genre(gnu), Genre::Log);
        let slashed = "History\n\n2022/04/11: implement a whole option\n2022/04/04: fix a leak\n\n2021/04/14: Version 6.9.7\n";
        assert_eq!(genre(slashed), Genre::Log);
        let marked = "v1.5.4 (Feb 2023)\n\nperf: faster decompression\n\nv1.5.2 (Jan 2022)\n\ncli: keep the original file\n\nv1.5.1 (Dec 2021)\n\nfix: a leak\n";
        assert_eq!(genre(marked), Genre::Log);
        let dated = "0.2.5 2020-06-01\n\nAllow question marks in plain scalars\n\n0.2.4 2020-04-19\n\nFix a leak in the parser\n";
        assert_eq!(genre(dated), Genre::Log);
        let releases = "Changes in 1.2.13 (13 Oct 2022)\n- Fix a configure issue\n\nChanges in 1.2.12 (27 Mar 2022)\n- Fix a bug\n\nChanges in 1.2.11 (15 Jan 2017)\n- Print a warning\n";
        assert_eq!(genre(releases), Genre::Log);
        // Releases of many changes each, every change a block.
        let long: String = (0..3)
            .map(|r| {
                let changes: String = (0..40)
                    .map(|c| format!("- Fix bug {c} in the parser\n\n"))
                    .collect();
                format!("Changes in 1.2.{r} (13 Oct 2022)\n\n{changes}")
            })
            .collect();
        assert_eq!(genre(&long), Genre::Log);
        // A manual's fields naming the version a function came in head no releases.
        let manual = "Reading lines\n\nAdded in: v10.0.0\n\nThe reader reads lines.\n\nClosing\n\nAdded in: v0.1.98\n\nIt closes.\n\nPausing\n\nAdded in: v0.1.98\n\nIt pauses.\n";
        assert_eq!(genre(manual), Genre::Page);
        // Quotes of a market: a figure, then how far it moved.
        let quotes = "Markets\n\nNikkei (JPY)\n6/19 close\n22,278.48\n-401.85\n-1.77%\n\nBond yield (%)\n6/19 16:56\n0.030\n±0.000\n\nCrude oil (USD)\n6/19 11:11\n64.72\n-1.13\n-1.71%\n\nEuro (JPY)\n6/20 0:16\n127.06\n-0.78\n-0.61%\n";
        assert_eq!(genre(quotes), Genre::Page);
        // Numbered sections and a sentence with a version in it name no release.
        let manual = "1.2 Installing\n\nRun the installer.\n\n1.3 Upgrading\n\nThe new release needs Python 3.8 or later and about 2.5 GB of disk space to run well.\n\n2.1 Removing\n\nDelete the folder.\n";
        assert_eq!(genre(manual), Genre::Page);
    }

    #[test]
    fn headlines_stamped_with_their_hour_are_no_change_log() {
        // A news site lists its latest stories, each headline over the day and hour it went
        // up: days open lines, as a log's entries do, but say no more than when.
        let page = "Latest news\n\nThe council met on Monday.\n\nRiver levels fall after a week of rain\n\n2019-01-22 20:44\n\nA new bridge opens in the north\n\n2019-01-22 20:23\n\nSchools reopen after the storm\n\n2019-01-22 19:44 UTC\n";
        assert_eq!(genre(page), Genre::Page);
        // A day and an hour, then who wrote the entry: a log.
        let log = "2013-09-07 21:28  A Writer  <a@example.org>\n\n\t* src/main.c: Fix a leak.\n\n2013-08-01 10:02  B Writer  <b@example.org>\n\n\t* src/util.c: Share the buffer.\n";
        assert_eq!(genre(log), Genre::Log);
    }

    #[test]
    fn a_sentence_about_a_licence_does_not_make_one() {
        let text = "A short story\n\nShe read the licence agreement twice before she signed it, and then she read it again because the print was very small.\n";
        assert_eq!(genre(text), Genre::Page);
    }
}
