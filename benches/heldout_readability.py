#!/usr/bin/env python3
"""Held-out web pages from a reader-mode test suite: pages no rule of quire was written against.

usage:
  python3 benches/heldout_readability.py build SOURCE OUT
  python3 benches/heldout_readability.py list OUT

SOURCE is a folder of test pages, one folder each holding `source.html` (the saved page) and
`expected.html` (the article a reader mode is expected to keep of it): the test pages of
Mozilla's Readability, as the `readabilityrs` crate packs them
(`curl -L -o r.crate https://static.crates.io/crates/readabilityrs/readabilityrs-0.1.0.crate`,
`tar xzf r.crate`, SOURCE = `readabilityrs-0.1.0/tests/test-pages`): news, blogs, magazines,
encyclopaedias and documentation, in English, French, German, Spanish, Portuguese, Czech,
Chinese, Japanese, Arabic and Hebrew.

Pages whose expected article holds fewer than 150 words are left out: they test one feature
of an extractor (a tag, an attribute) and are no article. The rest are split in two halves by
a hash of their names, so that one half can be read to find what goes wrong and the other
only scored:

- OUT/dev/C-articles/NAME/ and OUT/test/C-articles/NAME/, each with
  - page.html: the saved page;
  - scraped.txt: all the page's visible text, as a reader copies it, made with the html-text
    package's `extract_text` (`pip install html-text`), the way the corpus's scraped texts
    were made;
  - gold.txt: the expected article's text (the same function over `expected.html`). It is a
    tool's expectation, not a person's reading: it keeps what that reader mode keeps, a
    caption or a table among it, and leaves out a headline shown above the article.

Then, for a half: `cargo run --release --example eval -- OUT/test` gives the body figures
(`--print` body F1 on the scraped texts and on the saved pages), and `list OUT` names the
pages of each half.

The saved pages belong to their publishers: this script fetches nothing and copies nothing
into the repository.
"""
import hashlib
import pathlib
import re
import sys

MIN_WORDS = 150


def half_of(name):
    """'dev' or 'test': a fixed split that no one chooses page by page."""
    return "dev" if hashlib.sha256(name.encode()).digest()[0] % 2 == 0 else "test"


def build(source, out):
    import html_text

    kept = {"dev": 0, "test": 0}
    skipped = 0
    for folder in sorted(p for p in source.iterdir() if p.is_dir()):
        page, expected = folder / "source.html", folder / "expected.html"
        if not page.exists() or not expected.exists():
            continue
        gold = html_text.extract_text(expected.read_text(encoding="utf-8", errors="replace"))
        if len(re.findall(r"\w+", gold)) < MIN_WORDS:
            skipped += 1
            continue
        half = half_of(folder.name)
        target = out / half / "C-articles" / folder.name
        target.mkdir(parents=True, exist_ok=True)
        raw = page.read_bytes()
        (target / "page.html").write_bytes(raw)
        html = raw.decode("utf-8", errors="replace")
        (target / "scraped.txt").write_text(html_text.extract_text(html), encoding="utf-8")
        (target / "gold.txt").write_text(gold, encoding="utf-8")
        kept[half] += 1
    print(
        f"{kept['dev']} pages in {out / 'dev'}, {kept['test']} in {out / 'test'}; "
        f"{skipped} feature tests of under {MIN_WORDS} words left out"
    )


def list_halves(out):
    for half in ("dev", "test"):
        names = sorted(p.name for p in (out / half / "C-articles").iterdir() if p.is_dir())
        print(f"{half} ({len(names)}): {' '.join(names)}")


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "build":
        build(pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3]))
    elif len(sys.argv) == 3 and sys.argv[1] == "list":
        list_halves(pathlib.Path(sys.argv[2]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
