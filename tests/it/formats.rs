//! Formats and encodings end to end: legacy encodings against their UTF-8 twins, Markdown
//! headings against gold outlines, HTML article extraction against gold text, right-to-left
//! rendering, and the binary refusal of the real binary. Corpus tests read `QUIRE_CORPUS` and
//! skip (saying so) when it is unset.

use std::path::PathBuf;
use std::process::Command;

use quire::document::{BlockKind, Document, Format, LoadOptions};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn corpus() -> Option<PathBuf> {
    match std::env::var_os("QUIRE_CORPUS") {
        Some(dir) => Some(PathBuf::from(dir)),
        None => {
            println!("skipping: QUIRE_CORPUS is not set");
            None
        }
    }
}

fn quire() -> Command {
    Command::new(env!("CARGO_BIN_EXE_quire"))
}

#[test]
fn shift_jis_book_matches_its_utf8_twin() {
    let Some(corpus) = corpus() else { return };
    let sjis = Document::open(&corpus.join("B-nonlatin/rashomon.aozora127.sjis.txt")).unwrap();
    let utf8 = Document::open(&corpus.join("B-nonlatin/rashomon.aozora127.utf8.txt")).unwrap();
    assert_eq!(sjis.encoding, "Shift_JIS");
    assert_eq!(utf8.encoding, "UTF-8");
    let chars: usize = sjis.blocks.iter().map(|b| b.text.chars().count()).sum();
    assert!(chars > 5000, "{chars}");
    assert!(sjis.blocks.iter().any(|b| b.text.contains("羅生門")));
    assert_eq!(sjis.blocks, utf8.blocks);
}

#[test]
fn every_legacy_encoding_round_trips_through_detection_or_override() {
    let text =
        "Съешь же ещё этих мягких французских булок, да выпей чаю. В чащах юга жил бы цитрус?";
    for name in ["windows-1251", "koi8-r", "ibm866"] {
        let encoding = quire::document::encoding_for_label(name).unwrap();
        let (bytes, _, _) = encoding.encode(text);
        let options = LoadOptions {
            encoding: Some(encoding),
            ..LoadOptions::default()
        };
        let doc = Document::load(bytes.into_owned(), "x.txt", options).unwrap();
        assert_eq!(doc.blocks[0].text, text, "{name}");
    }
    for (encoding, text) in [
        (
            encoding_rs::EUC_JP,
            "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。",
        ),
        (
            encoding_rs::EUC_KR,
            "모든 인간은 태어날 때부터 자유로우며 그 존엄과 권리에 있어 동등하다.",
        ),
        (
            encoding_rs::BIG5,
            "人人生而自由，在尊嚴和權利上一律平等。他們賦有理性和良心。",
        ),
        (
            encoding_rs::GB18030,
            "人人生而自由，在尊严和权利上一律平等。他们赋有理性和良心。",
        ),
    ] {
        let (bytes, _, _) = encoding.encode(text);
        let doc = Document::load(bytes.into_owned(), "x.txt", LoadOptions::default()).unwrap();
        assert_eq!(doc.blocks[0].text, text, "{}", encoding.name());
    }
}

#[test]
fn markdown_headings_match_the_gold_outline() {
    let Some(corpus) = corpus() else { return };
    let dir = corpus.join("D-headings");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let gold_path = path.with_extension("headings.tsv");
        let gold = std::fs::read_to_string(&gold_path).unwrap();
        let doc = Document::open(&path).unwrap();
        assert_eq!(doc.format, Some(Format::Markdown));
        let got: Vec<String> = doc
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Heading)
            .map(|b| format!("{}\t{}\t{}", b.level, b.line, b.text))
            .collect();
        let want: Vec<String> = gold
            .lines()
            // The gold keeps inline-code backticks; quire shows the code span styled instead.
            .map(|l| {
                l.split('\t')
                    .take(3)
                    .collect::<Vec<_>>()
                    .join("\t")
                    .replace('`', "")
            })
            .collect();
        assert_eq!(got, want, "{}", path.display());
        checked += 1;
    }
    assert!(checked > 0);
}

/// Bag-of-words F1 between two texts: the share of words in common, counted with multiplicity.
fn word_f1(got: &str, gold: &str) -> f64 {
    use std::collections::HashMap;
    fn bag(text: &str) -> HashMap<String, usize> {
        let mut words = HashMap::new();
        for w in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            *words.entry(w.to_lowercase()).or_insert(0) += 1;
        }
        words
    }
    let (g, r) = (bag(got), bag(gold));
    let common: usize = g
        .iter()
        .map(|(w, n)| (*n).min(r.get(w).copied().unwrap_or(0)))
        .sum();
    if common == 0 {
        return 0.0;
    }
    let precision = common as f64 / g.values().sum::<usize>() as f64;
    let recall = common as f64 / r.values().sum::<usize>() as f64;
    2.0 * precision * recall / (precision + recall)
}

#[test]
fn html_articles_are_extracted_close_to_gold() {
    let Some(corpus) = corpus() else { return };
    let mut scores = Vec::new();
    for entry in std::fs::read_dir(corpus.join("C-articles")).unwrap() {
        let dir = entry.unwrap().path();
        let doc = Document::open(&dir.join("page.html")).unwrap();
        assert_eq!(doc.format, Some(Format::Html));
        let body = quire::document::html_body_text(&doc);
        let gold = std::fs::read_to_string(dir.join("gold.txt")).unwrap();
        scores.push(word_f1(&body, &gold));
    }
    let mean = scores.iter().sum::<f64>() / scores.len() as f64;
    assert!(mean >= 0.95, "mean F1 {mean:.3}: {scores:?}");
}

/// The reading column's rows of `doc` drawn at `size`, cell by cell as the screen holds them.
fn column_rows(doc: Document, size: (u16, u16)) -> Vec<String> {
    let model = crate::common::model(doc, size);
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
    terminal.draw(|f| quire::ui::render(&model, f)).unwrap();
    let buffer = terminal.backend().buffer();
    let column = model.geometry().column;
    (column.y..column.y + column.height)
        .map(|y| {
            (column.x..column.x + column.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect()
        })
        .collect()
}

#[test]
fn hebrew_lines_render_right_aligned_in_display_order() {
    let hebrew = "כל בני האדם נולדו בני חורין ושווים בערכם ובזכויותיהם. כולם חוננו בתבונה ובמצפון.";
    let doc = Document::from_text(&format!("{hebrew}\n"), "heb.txt");
    let rows = column_rows(doc, (40, 10));
    let row = &rows[0];
    // The paragraph's first word sits at the right edge, its letters right to left.
    assert!(row.trim_end().ends_with("לכ"), "{row:?}");
    assert!(!row.starts_with("כל"), "{row:?}");
}

#[test]
fn a_line_of_latin_letters_in_a_hebrew_paragraph_sits_right_like_the_rest() {
    // The paragraph opens in Hebrew; wrapped, one of its lines holds only Latin words (a name
    // and its address). It belongs to a right-to-left paragraph and is set against the right
    // edge with the others, not drawn as stored from the left.
    let hebrew = "כל בני האדם נולדו בני חורין ושווים בערכם";
    let latin = "Universal Declaration of Human Rights, United Nations";
    let doc = Document::from_text(&format!("{hebrew} {latin}\n"), "heb.txt");
    let rows = column_rows(doc, (60, 12));
    let latin_row = rows
        .iter()
        .find(|row| {
            row.contains("Nations") && !row.chars().any(|c| ('\u{5d0}'..='\u{5ea}').contains(&c))
        })
        .unwrap_or_else(|| panic!("no line of Latin words alone in {rows:#?}"));
    assert!(
        latin_row.starts_with(' '),
        "drawn from the left: {latin_row:?}"
    );
    assert!(
        !latin_row.ends_with(' '),
        "not against the right edge: {latin_row:?}"
    );
}

#[test]
fn a_hebrew_row_of_an_english_table_stays_in_its_columns() {
    // Moby-Dick's etymologies: a table set in columns, one row of it opening in Hebrew.
    let table = "  ϰητος,              _Greek_.\n  חו,                 _Hebrew_.\n  CETUS,              _Latin_.\n  WHŒL,               _Anglo-Saxon_.\n  HVALT,              _Danish_.";
    let text =
        format!("The Whale\n\nIts names in the tongues of the world.\n\n{table}\n\nThe end.\n");
    let doc = Document::from_text(&text, "names.txt");
    let size = (100, 20);
    let model = crate::common::model(doc, size);
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
    terminal.draw(|f| quire::ui::render(&model, f)).unwrap();
    let screen = crate::common::screen_text(&terminal);
    let row = |name: &str| {
        screen
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("no {name} row in\n{screen}"))
            .to_string()
    };
    let column = |line: &str, what: &str| line.find(what).map(|b| line[..b].chars().count());
    let (greek, hebrew) = (row("_Greek_"), row("_Hebrew_"));
    // The language column lines up, and the Hebrew word (shown right to left) leads its row.
    assert_eq!(
        column(&hebrew, "_Hebrew_"),
        column(&greek, "_Greek_"),
        "\n{screen}"
    );
    let after_sidebar = hebrew.rsplit('│').next().unwrap_or(&hebrew);
    assert!(after_sidebar.trim_start().starts_with("וח,"), "{hebrew:?}");
}

#[test]
fn hebrew_declaration_renders_at_many_sizes() {
    let Some(corpus) = corpus() else { return };
    let doc = Document::open(&corpus.join("B-nonlatin/udhr-heb.txt")).unwrap();
    for (w, h) in [(20, 5), (41, 17), (80, 24), (133, 40)] {
        let model = crate::common::model(doc.clone(), (w, h));
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal.draw(|f| quire::ui::render(&model, f)).unwrap();
    }
}

#[test]
fn binary_files_are_refused_in_one_line_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("blob.bin");
    std::fs::write(
        &path,
        b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0binary\xff\xfe",
    )
    .unwrap();
    let out = quire().arg(&path).arg("--print").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("binary"), "{stderr}");
    let out = quire()
        .arg(&path)
        .args(["--print", "--force"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains('\u{2400}') && stdout.contains('\u{fffd}'),
        "{stdout:?}"
    );
    assert!(
        !stdout.chars().any(|c| c.is_control() && c != '\n'),
        "{stdout:?}"
    );
}

#[test]
fn format_and_encoding_flags_override_detection() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "# Heading\n\nSome *text*.\n").unwrap();
    let out = quire()
        .arg(&path)
        .args(["--outline", "--format", "md"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.lines().next().unwrap().contains("markdown, UTF-8"),
        "{stdout}"
    );
    assert!(stdout.contains("Heading  [heading, line 1"), "{stdout}");

    let latin = dir.path().join("latin.txt");
    std::fs::write(
        &latin,
        b"caf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve gar\xe7on\n",
    )
    .unwrap();
    let out = quire()
        .arg(&latin)
        .args(["--print", "--encoding", "latin1"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        "café crème brûlée, naïve garçon"
    );
    let out = quire()
        .arg(&latin)
        .args(["--print", "--encoding", "nonsense"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn no_break_spaces_hold_and_soft_hyphens_break() {
    use quire::layout::wrap::wrap_flowing;
    let text = "aaaa\u{a0}bbbb cc";
    // From 9 columns the glued pair fits, and no line may split it.
    for width in 9..14 {
        for range in wrap_flowing(text, width, width) {
            let line = &text[range];
            // Never a line that ends or starts at the no-break space.
            assert!(
                !line.ends_with('\u{a0}') && !line.starts_with('\u{a0}'),
                "{width}: {line:?}"
            );
            assert!(
                !(line == "aaaa" || line.starts_with("bbbb")),
                "{width}: {line:?}"
            );
        }
    }
    let text = "extra\u{ad}ordinary";
    let lines: Vec<&str> = wrap_flowing(text, 8, 8)
        .into_iter()
        .map(|r| &text[r])
        .collect();
    assert_eq!(lines, vec!["extra\u{ad}", "ordinary"]);
}

#[test]
fn program_source_prints_line_for_line_by_its_name_or_its_first_line() {
    let dir = tempfile::tempdir().unwrap();
    let source =
        "import sys\n\ndef main():\n    for name in sys.argv[1:]:\n        print(name)\n\nmain()\n";
    let script = "#!/bin/sh\n# greet each name\nfor n in \"$@\"; do\n  echo \"hello $n\"\ndone\n";
    for (name, text) in [("greet.py", source), ("greet", script)] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let out = quire().arg(&path).arg("--print").output().unwrap();
        assert!(out.status.success(), "{out:?}");
        // Every line as written, its indent kept; nothing run together, nothing folded.
        assert_eq!(String::from_utf8(out.stdout).unwrap(), text, "{name}");
    }
    // The same lines named as notes are read as prose, as before: two lines at the margin
    // run together (a block set deeper under a line keeps its lines either way).
    let notes = dir.path().join("greet.txt");
    let two_imports = format!("import os\n{source}");
    std::fs::write(&notes, &two_imports).unwrap();
    let out = quire().arg(&notes).arg("--print").output().unwrap();
    let printed = String::from_utf8(out.stdout).unwrap();
    assert!(printed.starts_with("import os import sys\n"), "{printed}");
}

/// What quire writes to stdout given `args` and then `file`, and whether it succeeded.
fn stdout_of(args: &[&str], file: &std::path::Path) -> (bool, String) {
    let out = quire().args(args).arg(file).output().unwrap();
    (out.status.success(), String::from_utf8(out.stdout).unwrap())
}

/// The format `--outline` names on its first line ("name  [code, UTF-8]").
fn outline_says(args: &[&str], file: &std::path::Path, format: &str) {
    let (_, outline) = stdout_of(&[args, &["--outline"]].concat(), file);
    let first = outline.lines().next().unwrap_or("");
    assert!(first.ends_with(&format!("[{format}, UTF-8]")), "{outline}");
}

#[test]
fn format_code_keeps_any_file_line_for_line_and_format_txt_reads_a_program_as_prose() {
    let dir = tempfile::tempdir().unwrap();
    let listing = "total 12\ndrwxr-xr-x 2 ada ada 4096 notes\n-rw-r--r-- 1 ada ada  220 todo\n";
    let saved = dir.path().join("listing.txt");
    std::fs::write(&saved, listing).unwrap();
    let (ok, printed) = stdout_of(&["--format", "code", "--print"], &saved);
    assert!(ok, "{printed}");
    assert_eq!(printed, listing);
    // The outline says what it was read as.
    outline_says(&["--format", "code"], &saved, "code");

    // A program's file asked for as text is read as prose: its lines run together into one
    // paragraph.
    let source = "count = 1\ntotal = count + 2\nprint(total)\n";
    let program = dir.path().join("greet.py");
    std::fs::write(&program, source).unwrap();
    let (_, printed) = stdout_of(&["--format", "txt", "--print"], &program);
    assert_eq!(printed, "count = 1 total = count + 2 print(total)\n");
    outline_says(&[], &program, "code");
}
