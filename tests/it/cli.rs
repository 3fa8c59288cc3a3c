//! The `quire` binary run for real on files in a temporary directory: printing, the outline as
//! text and JSON, standard input, help and version, and every kind of bad input with its one
//! line on stderr and its exit code.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

const ARTICLE: &str = "A Short Title\n\nThe first paragraph runs on for a while so that it has to wrap \
    at any narrow width, with words like extraordinarily and internationalisation.\n\n\
    A second paragraph, shorter.\n\nThe author writes about things.\n";

fn quire(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quire"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("quire runs")
}

fn quire_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quire"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("quire starts");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

fn columns(line: &str) -> usize {
    line.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// A failure: exit code, exactly one line on stderr, nothing on stdout, no panic or backtrace.
fn assert_fails(out: &Output, code: i32, message: &str) {
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "stderr: {err}");
    assert!(err.contains(message), "expected {message:?} in {err:?}");
    assert!(out.stdout.is_empty(), "stdout: {:?}", text(&out.stdout));
    assert_no_backtrace(&err);
}

fn assert_no_backtrace(err: &str) {
    for sign in ["panicked", "backtrace", "RUST_BACKTRACE", "os error"] {
        assert!(!err.contains(sign), "{sign:?} in stderr: {err}");
    }
}

#[test]
fn print_keeps_every_word_within_the_width() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "a.txt", ARTICLE.as_bytes());
    for width in [80, 30, 25] {
        let w = width.to_string();
        let out = quire(&["--print", "--width", &w, &file]);
        assert!(out.status.success());
        let printed = text(&out.stdout);
        assert_eq!(words(&printed), words(ARTICLE), "width {width}");
        for line in printed.lines() {
            assert!(columns(line) <= width, "{line:?} is wider than {width}");
        }
    }
    // Narrower than its longest word, the text breaks words but keeps every letter.
    let out = quire(&["--print", "--width", "12", &file]);
    let letters = |s: &str| s.split_whitespace().collect::<String>();
    assert_eq!(letters(&text(&out.stdout)), letters(ARTICLE));
    assert!(text(&out.stdout).lines().all(|l| columns(l) <= 12));
    // Default width is 80, and a pipe prints without --print.
    let out = quire(&[&file]);
    assert!(out.status.success());
    let printed = text(&out.stdout);
    assert!(
        printed.lines().any(|l| columns(l) > 60),
        "not laid out at 80:\n{printed}"
    );
    assert!(printed.lines().all(|l| columns(l) <= 80));
}

#[test]
fn print_of_the_bundled_article() {
    // Unfolded, every word; folded, as the reader shows it, its furniture one marker line.
    let out = quire(&["--print", "--unfold"]);
    assert!(out.status.success());
    let printed = text(&out.stdout);
    assert_eq!(words(&printed), words(quire::BUNDLED_ARTICLE));
    let folded = text(&quire(&["--print"]).stdout);
    assert!(folded.contains(" folded: page furniture"), "{folded}");
}

#[test]
fn escape_sequences_in_a_document_never_reach_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = "Title\n\nred \x1b[31mtext\x1b[0m and \x1b]0;owned\x07 title \u{9b}2J and \x1bP1;2q\x1b\\ ok\n";
    let file = write(dir.path(), "h.txt", hostile.as_bytes());
    for args in [vec!["--print", &file], vec!["--outline", &file]] {
        let out = quire(&args);
        assert!(out.status.success());
        let printed = text(&out.stdout);
        assert!(
            !printed.chars().any(|c| c.is_control() && c != '\n'),
            "control characters in output: {printed:?}"
        );
        assert!(printed.contains("ok"));
    }
}

#[test]
fn outline_as_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "a.txt", ARTICLE.as_bytes());
    let out = quire(&["--outline", &file]);
    assert!(out.status.success());
    let printed = text(&out.stdout);
    // The first line names the document, its format and the encoding it was read in.
    let (header, outline) = printed.split_once('\n').expect("a header line");
    assert!(header.contains("[text, UTF-8]"), "{header}");
    assert!(
        outline.lines().next().unwrap().starts_with("A Short Title"),
        "{outline}"
    );
    assert!(outline.contains("[paragraph, line 3"), "{outline}");

    let out = quire(&["--outline", "--json", &file]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let entries = json.as_array().expect("an array of entries");
    assert_eq!(entries.len(), outline.lines().count());
    for entry in entries {
        for key in ["kind", "label", "text"] {
            assert!(entry[key].is_string(), "{key} in {entry}");
        }
        for key in ["level", "line"] {
            assert!(entry[key].is_u64(), "{key} in {entry}");
        }
    }
    assert_eq!(entries[0]["kind"], "title");
    assert_eq!(entries[0]["line"], 1);
    assert_eq!(entries[1]["kind"], "paragraph");
    assert_eq!(entries[1]["line"], 3);
    // --json alone is a usage error.
    assert_fails(&quire(&["--json", &file]), 2, "--outline");
}

#[test]
fn standard_input_by_dash_and_by_pipe() {
    for args in [vec!["-"], vec![], vec!["--print", "-"]] {
        let out = quire_with_stdin(&args, ARTICLE.as_bytes());
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        assert_eq!(words(&text(&out.stdout)), words(ARTICLE), "{args:?}");
    }
    let out = quire_with_stdin(&["--outline", "-"], ARTICLE.as_bytes());
    assert!(text(&out.stdout).starts_with("A Short Title"));
}

#[test]
fn help_and_version() {
    let out = quire(&["--help"]);
    assert!(out.status.success());
    let help = text(&out.stdout);
    for flag in ["--print", "--outline", "--json", "--width", "Exit codes"] {
        assert!(help.contains(flag), "{flag} missing from --help");
    }
    let out = quire(&["--version"]);
    assert!(out.status.success());
    assert_eq!(
        text(&out.stdout).trim(),
        format!("quire {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.txt");
    let missing = missing.to_str().unwrap();
    let out = quire(&[missing]);
    assert_fails(
        &out,
        1,
        &format!("quire: cannot open '{missing}': No such file or directory"),
    );
    assert_eq!(text(&out.stderr).lines().count(), 1);
}

#[test]
fn a_directory_with_nothing_readable() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "picture.png", b"\x89PNG\r\n\x1a\n\0\0\0");
    let path = dir.path().to_str().unwrap();
    let out = quire(&[path]);
    assert_fails(
        &out,
        1,
        &format!("quire: cannot open '{path}': no readable documents in this folder"),
    );
    assert_eq!(text(&out.stderr).lines().count(), 1);
}

#[test]
fn a_file_without_read_permission() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "secret.txt", ARTICLE.as_bytes());
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::File::open(&file).is_ok() {
        println!(
            "skipped: this user reads files whatever their mode (root), so the case cannot occur"
        );
        return;
    }
    let out = quire(&[&file]);
    assert_fails(
        &out,
        1,
        &format!("quire: cannot open '{file}': Permission denied"),
    );
}

#[test]
fn a_binary_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"\x7fELF\x02\x01\x01\x00\x00\x00".to_vec();
    bytes.extend((0..=255u8).cycle().take(4096));
    let file = write(dir.path(), "prog", &bytes);
    let out = quire(&[&file]);
    assert_fails(
        &out,
        1,
        &format!("quire: cannot open '{file}': binary file"),
    );
    assert_eq!(text(&out.stderr).lines().count(), 1);
    // Random high bytes without NULs are not text either.
    let noise: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 24) as u8 | 0x80)
        .collect();
    let file = write(dir.path(), "noise", &noise);
    assert_fails(&quire(&[&file]), 1, "binary file");
}

#[test]
fn an_empty_file_prints_nothing_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [("empty.txt", &b""[..]), ("blank.txt", &b"\n \n\t\n"[..])] {
        let file = write(dir.path(), name, bytes);
        for args in [
            vec!["--print", &file],
            vec!["--outline", &file],
            vec![&file],
        ] {
            let out = quire(&args);
            assert_eq!(out.status.code(), Some(0), "{args:?}");
            assert!(out.stdout.is_empty(), "{args:?}: {:?}", text(&out.stdout));
            let err = text(&out.stderr);
            assert_eq!(err, format!("quire: '{file}' is empty\n"), "{args:?}");
        }
        let out = quire(&["--outline", "--json", &file]);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
        assert_eq!(json, serde_json::json!([]));
    }
}

#[test]
fn bad_flags_are_usage_errors() {
    for args in [
        vec!["--frobnicate"],
        vec!["--width", "0"],
        vec!["--width", "wide"],
        vec!["--json"],
    ] {
        let out = quire(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = text(&out.stderr);
        assert!(err.starts_with("error:"), "{args:?}: {err}");
        assert_no_backtrace(&err);
    }
}
