//! `quire --search TEXT --print` on the real binary: the matching paragraphs under their
//! outline entry, exit 1 with a message when nothing matches, exit 2 for a bad regex.

use std::process::Command;

fn quire(args: &[&str], file: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_quire"))
        .args(args)
        .arg(file)
        .output()
        .expect("quire runs")
}

fn fixture() -> tempfile::NamedTempFile {
    let file = tempfile::NamedTempFile::new().unwrap();
    let text = "A Small Book\n\nCHAPTER ONE\n\nThe first chapter has a café.\n\nNothing here.\n\n\
                CHAPTER TWO\n\nA second cafe, and a CAFE.\n";
    std::fs::write(file.path(), text).unwrap();
    file
}

#[test]
fn print_lists_matching_paragraphs_with_their_entry() {
    let file = fixture();
    let out = quire(&["--search", "cafe", "--print"], file.path());
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("The first chapter has a café."), "{stdout}");
    assert!(stdout.contains("A second cafe, and a CAFE."), "{stdout}");
    assert!(!stdout.contains("Nothing here"), "{stdout}");
    assert!(stdout.contains("2 matches"), "{stdout}");
    let headers: Vec<&str> = stdout.lines().filter(|l| l.starts_with("──")).collect();
    assert_eq!(headers.len(), 2, "{stdout}");
}

#[test]
fn no_match_and_bad_regex_exit_codes() {
    let file = fixture();
    let out = quire(&["--search", "zebra", "--print"], file.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no match"));
    let out = quire(&["--search", "\\caf(e", "--print"], file.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad regex"));
}
