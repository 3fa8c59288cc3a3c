//! `quire URL` against a web server on this machine, started by each test: the article of a
//! fetched page is printed, and printed again from the kept copy once the server is gone (or
//! with `--offline`); the charset comes from the headers; a 404, a page that is not text, an
//! address nobody answers and `--offline` with nothing kept are each one line and exit 1.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

const STORY: &str = "<!doctype html><html><head><title>The Tide Report</title></head><body>\
    <nav>Home | News | About</nav><article><h1>The Tide Report</h1>\
    <p>The tide came in over the flats this morning and went out again by noon, leaving the \
    boats on their sides in the mud.</p>\
    <p>Fishermen waited on the quay for the evening tide, mending nets and talking about the \
    weather that had kept them ashore for three days.</p></article></body></html>";

/// A server of the test's own on 127.0.0.1, answering one request per connection until it is
/// stopped (when dropped). Besides its fixed pages, `/edition.html` is whatever the test last
/// set with [`Server::publish`].
pub struct Server {
    port: u16,
    stop: Arc<AtomicBool>,
    edition: Arc<Mutex<String>>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let edition = Arc::new(Mutex::new(String::new()));
        let published = Arc::clone(&edition);
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stopped.load(Ordering::SeqCst) {
                    break;
                }
                if let Ok(stream) = stream {
                    let edition = published.lock().unwrap().clone();
                    answer(stream, &edition);
                }
            }
        });
        Server {
            port,
            stop,
            edition,
            thread: Some(thread),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// What `/edition.html` answers from now on.
    pub fn publish(&self, html: &str) {
        *self.edition.lock().unwrap() = html.to_string();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag; then the port is closed.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn answer(mut stream: TcpStream, edition: &str) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    // The rest of the head, up to its blank line.
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/");
    let (status, kind, body): (&str, &str, Vec<u8>) = match path {
        "/story.html" => (
            "200 OK",
            "text/html; charset=utf-8",
            STORY.as_bytes().to_vec(),
        ),
        "/russian.txt" => {
            let text = "Прилив\n\nВода пришла утром и ушла к полудню.\n";
            let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
            (
                "200 OK",
                "text/plain; charset=windows-1251",
                bytes.into_owned(),
            )
        }
        "/picture.png" => ("200 OK", "image/png", b"\x89PNG\r\n\x1a\n".to_vec()),
        "/edition.html" => (
            "200 OK",
            "text/html; charset=utf-8",
            edition.as_bytes().to_vec(),
        ),
        _ => ("404 Not Found", "text/plain", b"not here".to_vec()),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

fn quire(args: &[&str], data: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quire"))
        .args(args)
        .env("QUIRE_DATA_DIR", data)
        .output()
        .unwrap()
}

fn fails_with(output: &Output, words: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("quire: cannot open 'http://"),
        "{stderr}"
    );
    assert!(stderr.contains(words), "{stderr}");
}

#[test]
fn a_fetched_page_prints_its_article_and_again_from_the_kept_copy_when_the_server_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let server = Server::start();
    let url = server.url("/story.html");

    let online = quire(&["--print", &url], &data);
    assert!(online.status.success());
    let text = String::from_utf8(online.stdout.clone()).unwrap();
    assert!(text.contains("The Tide Report"), "{text}");
    assert!(text.contains("Fishermen waited on the quay"), "{text}");
    assert!(!text.contains("<p>"), "{text}");
    assert!(online.stderr.is_empty());
    assert_eq!(std::fs::read_dir(data.join("kept")).unwrap().count(), 1);

    drop(server);
    let offline = quire(&["--print", &url], &data);
    assert!(offline.status.success());
    assert_eq!(offline.stdout, online.stdout);
    let said = String::from_utf8_lossy(&offline.stderr);
    assert!(
        said.contains("offline copy, kept just now (cannot connect"),
        "{said}"
    );

    let asked = quire(&["--print", "--offline", &url], &data);
    assert_eq!(asked.stdout, online.stdout);
}

#[test]
fn the_charset_comes_from_the_headers() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start();
    let out = quire(&["--print", &server.url("/russian.txt")], dir.path());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Вода пришла утром"), "{text}");
}

#[test]
fn what_cannot_be_read_is_one_line_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let server = Server::start();
    fails_with(
        &quire(&["--print", &server.url("/gone.html")], &data),
        "the server answered 404",
    );
    fails_with(
        &quire(&["--print", &server.url("/picture.png")], &data),
        "not a text page (image/png)",
    );
    fails_with(
        &quire(&["--print", "--offline", &server.url("/story.html")], &data),
        "no copy of it is kept",
    );
    let unreachable = server.url("/story.html");
    drop(server);
    fails_with(&quire(&["--print", &unreachable], &data), "cannot connect");
}

#[test]
fn the_library_lists_a_page_read_and_opens_it_from_its_kept_copy_offline() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let server = Server::start();
    let url = server.url("/story.html");
    // Read once online, as `quire URL` does: fetched, kept, and recorded in the library.
    let page = quire::app::fetch::read_page(&url, Some(&data), false, Default::default()).unwrap();
    drop(quire::app::session::load(
        Some(&data),
        &page.doc,
        Some(Path::new(&url)),
    ));
    drop(server);

    let listed = String::from_utf8(quire(&["library"], &data).stdout).unwrap();
    assert!(listed.starts_with("The Tide Report"), "{listed}");
    assert!(listed.trim_end().ends_with(&url), "{listed}");

    let other = dir.path().join("harbour.txt");
    std::fs::write(&other, "The Harbour\n\nBoats lay in the mud.\n").unwrap();
    crate::library::read(&data, &other, "");
    // The page is second now; j Enter opens it in the session, from its kept copy.
    let doc = quire::document::Document::open(&other).unwrap();
    let mut app = crate::common::stored_session(&data, doc, Some(&other), true, (100, 24))
        .files(vec![other.clone()], Default::default())
        .build();
    let mut terminal = crate::common::test_terminal((100, 24));
    let mut inbox = quire::app::ScriptedInbox::keys("oj<Enter>").unwrap();
    inbox.deliver();
    app.run(&mut terminal, &mut inbox).unwrap();
    assert_eq!(app.model().doc().name, "The Tide Report");
    let status = crate::common::screen_text(&terminal);
    assert!(status.contains("offline copy, kept"), "{status}");
}
