#!/usr/bin/env python3
"""Split a held-out set of documents in two halves: one to read, one kept unseen.

usage: python3 benches/heldout_split.py SET OUT [PREFIX]

SET is a folder of documents with their gold files side by side (as `heldout_gold` writes
them: NAME.txt or NAME.md with NAME.headings.tsv). Each document goes, with every file of
its name, to OUT/dev or OUT/test by a hash of its name (SHA-256, even or odd), so the halves
are the same on every machine and do not depend on what the documents say. With PREFIX,
only documents whose names start with it are taken (`udhr-` for the declarations).

A rule is looked for on OUT/dev; `cargo run --release --example eval -- OUT/test` then says
whether it holds on documents nobody read while writing it.
"""
import hashlib
import pathlib
import shutil
import sys


def half(stem):
    digest = hashlib.sha256(stem.encode("utf-8")).hexdigest()
    return "dev" if int(digest, 16) % 2 == 0 else "test"


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    source, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    prefix = sys.argv[3] if len(sys.argv) == 4 else ""
    counts = {"dev": 0, "test": 0}
    for gold in sorted(source.glob(prefix + "*.headings.tsv")):
        stem = gold.name[: -len(".headings.tsv")]
        chosen = out / half(stem)
        chosen.mkdir(parents=True, exist_ok=True)
        # NAME.headings.tsv and the document itself (NAME.txt, NAME.md, …).
        for path in source.glob(stem + ".*"):
            if path.is_file():
                shutil.copy(path, chosen / path.name)
        counts[half(stem)] += 1
    print(f"{counts['dev']} documents in {out / 'dev'}, {counts['test']} in {out / 'test'}")


if __name__ == "__main__":
    main()
