#!/usr/bin/env python3
"""Held-out web pages for the evaluation: saved news pages no rule of quire was written against.

usage: python3 benches/heldout_web.py SOURCE OUT

SOURCE is the unpacked source distribution of the newspaper4k package (`pip download
--no-deps --no-binary :all: newspaper4k==0.9.6`, then untar it), whose tests hold saved
news pages (`tests/data/html/NAME.html`) and the article text its extractor is expected to
give for each (`tests/data/txt/NAME.txt`): CNN, Time, Wired, Fox, Cleveland.com and pages in
Arabic, Burmese, Chinese, Japanese, Korean, Latvian, Spanish and Thai.

For each page with its text, OUT/C-articles/NAME/ gets, as the evaluation reads them:
- page.html: the saved page;
- scraped.txt: all the page's visible text, as a reader copies it, made with the html-text
  package's `extract_text` (`pip install html-text`), the way the corpus's scraped texts
  were made;
- gold.txt: the expected article text. It is a tool's expectation, not a person's reading:
  it may leave out a caption or a byline a person would count, or keep a teaser.

A page saved twice under two names is taken once. Then
`cargo run --release --example eval -- OUT` gives the body figures (`--print` body F1 on the
scraped texts and on the saved pages) for pages quire has never been tuned on.
"""
import hashlib
import pathlib
import sys

import html_text


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    source, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    data = source / "tests" / "data"
    seen = set()
    written = 0
    for expected in sorted((data / "txt").glob("*.txt")):
        page = data / "html" / (expected.stem + ".html")
        if not page.exists():
            continue
        raw = page.read_bytes()
        digest = hashlib.sha256(raw).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        folder = out / "C-articles" / expected.stem
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "page.html").write_bytes(raw)
        html = raw.decode("utf-8", errors="replace")
        (folder / "scraped.txt").write_text(html_text.extract_text(html), encoding="utf-8")
        (folder / "gold.txt").write_text(expected.read_text(encoding="utf-8"), encoding="utf-8")
        written += 1
    print(f"{written} pages written to {out / 'C-articles'}")


if __name__ == "__main__":
    main()
