//! Input that never ends or is not a document, met by the real binary: devices are refused by
//! name, binary streams at their first block, anything past the size limit (`--max-size`)
//! when the limit is reached; pipes and named FIFOs are read. Each refusal is one line on
//! stderr and exit 1, in print mode and in the terminal alike.

use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn quire_reading(args: &[&str], stdin: Stdio) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quire"))
        .args(args)
        .stdin(stdin)
        .output()
        .expect("quire runs")
}

fn quire(args: &[&str]) -> Output {
    quire_reading(args, Stdio::null())
}

/// Run quire with `input` written to its stdin on another thread; quire may stop reading
/// early (a refusal), so a failed write is not an error here.
fn quire_fed(args: &[&str], input: Vec<u8>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quire"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("quire starts");
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || drop(stdin.write_all(&input)));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// Exit 1 and exactly one line on stderr holding `message`, nothing on stdout.
fn assert_refused(out: &Output, message: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {err}");
    assert!(err.contains(message), "expected {message:?} in {err:?}");
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(err.starts_with("quire: "), "{err:?}");
    assert!(out.stdout.is_empty());
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

#[cfg(unix)]
#[test]
fn endless_devices_are_refused_by_name() {
    for device in ["/dev/zero", "/dev/urandom"] {
        let out = quire(&["--print", device]);
        assert_refused(
            &out,
            &format!("cannot open '{device}': not a regular file or a pipe (a character device)"),
        );
        assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    }
}

#[cfg(unix)]
#[test]
fn a_forced_endless_device_is_read_only_up_to_the_limit() {
    let out = quire(&["--print", "--force", "--max-size", "1M", "/dev/zero"]);
    assert_refused(
        &out,
        "cannot open '/dev/zero': more than 1 MiB, the most quire reads (--max-size raises it)",
    );
}

#[cfg(unix)]
#[test]
fn endless_binary_on_standard_input_is_refused_at_its_first_block() {
    for device in ["/dev/zero", "/dev/urandom"] {
        let stdin = Stdio::from(File::open(device).unwrap());
        let out = quire_reading(&["--print", "-"], stdin);
        assert_refused(&out, "cannot read standard input: binary file");
    }
}

#[test]
fn a_long_stream_stops_at_the_limit_and_says_which_flag_raises_it() {
    let text = "y\n".repeat(50_000).into_bytes();
    let out = quire_fed(&["--print", "--max-size", "64K", "-"], text.clone());
    assert_refused(
        &out,
        "more than 64 KiB, the most quire reads (--max-size raises it)",
    );
    let out = quire_fed(&["--print", "--max-size", "128K", "-"], text);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_file_over_the_limit_is_refused_and_one_at_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = "A paragraph of words.\n\n".repeat(2000);
    let file = write(dir.path(), "book.txt", text.as_bytes());
    let limit = text.len().to_string();
    let under = (text.len() - 1).to_string();
    let out = quire(&["--print", "--max-size", &under, &file]);
    assert_refused(&out, &format!("more than {under} bytes"));
    let out = quire(&["--print", "--max-size", &limit, &file]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout)
            .matches("A paragraph")
            .count(),
        2000
    );
}

#[test]
fn a_bad_size_is_a_usage_error() {
    for size in ["0", "lots", "-5", "12X"] {
        let out = quire(&["--print", "--max-size", size, "x.txt"]);
        assert_eq!(out.status.code(), Some(2), "{size}");
    }
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_read_like_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("article.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|status| status.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let writer_path = fifo.clone();
    let writer = std::thread::spawn(move || {
        let mut pipe = File::create(writer_path).unwrap();
        pipe.write_all(b"Sent Through A Pipe\n\nEvery word arrives.\n")
            .unwrap();
    });
    let out = quire(&["--print", fifo.to_str().unwrap()]);
    writer.join().unwrap();
    let printed = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0));
    assert!(printed.contains("Every word arrives."), "{printed}");
}

#[test]
fn utf16_without_a_mark_and_mostly_utf8_text_read_as_what_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Größe und Maß\n\nÜber die Brücke gingen wir, naïve, nach Москва.\n";
    let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let file = write(dir.path(), "utf16.txt", &utf16);
    let out = quire(&["--print", &file]);
    let printed = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{printed}");
    assert!(printed.contains("Über die Brücke"), "{printed}");

    let mut mixed = text.as_bytes().to_vec();
    mixed.extend(b"\nOne stray byte: caf\xE9.\n");
    let file = write(dir.path(), "mixed.txt", &mixed);
    let out = quire(&["--outline", &file]);
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(
        printed.contains("UTF-8 (invalid bytes replaced)"),
        "{printed}"
    );
    let out = quire(&["--print", &file]);
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(printed.contains("Über die Brücke"), "{printed}");
    assert!(printed.contains("caf\u{fffd}."), "{printed}");
}

#[test]
fn utf32_with_or_without_a_mark_reads_as_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Rashōmon\n\nThe servant waited under the gate for the rain to stop: 羅生門.\n";
    let with_mark: Vec<u8> = std::iter::once('\u{feff}')
        .chain(text.chars())
        .flat_map(|c| (c as u32).to_le_bytes())
        .collect();
    let without_mark: Vec<u8> = text
        .chars()
        .flat_map(|c| (c as u32).to_be_bytes())
        .collect();
    for (name, bytes, encoding) in [
        ("le.txt", with_mark, "UTF-32LE"),
        ("be.txt", without_mark, "UTF-32BE"),
    ] {
        let file = write(dir.path(), name, &bytes);
        let out = quire(&["--print", &file]);
        let printed = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{name}: {printed}");
        assert!(
            printed.contains("waited under the gate") && printed.contains("羅生門"),
            "{name}: {printed}"
        );
        assert!(
            !printed.contains('\u{2400}'),
            "{name}: NULs shown: {printed}"
        );
        let out = quire(&["--outline", &file]);
        let outline = String::from_utf8_lossy(&out.stdout);
        assert!(outline.contains(encoding), "{name}: {outline}");
    }
}

#[test]
fn binary_that_looks_like_utf16_names_the_flag_that_would_read_it() {
    let dir = tempfile::tempdir().unwrap();
    let bytes: Vec<u8> = (0..4000u32).flat_map(|i| [(i % 8 + 1) as u8, 0]).collect();
    let file = write(dir.path(), "units.bin", &bytes);
    let out = quire(&["--print", &file]);
    assert_refused(&out, "--encoding utf-16le reads it");
}

#[cfg(unix)]
#[test]
fn the_terminal_is_never_taken_for_a_device() {
    let (status, output) = crate::pty_safety::run_in_pty(&["/dev/zero".as_ref()], None, &[]);
    assert_eq!(status.and_then(|s| s.code()), Some(1));
    let text = String::from_utf8_lossy(&output);
    assert!(text.contains("not a regular file or a pipe"), "{text:?}");
    // Refused before the reader starts: the alternate screen was never entered.
    assert!(!text.contains("\u{1b}[?1049h"), "{text:?}");
}
