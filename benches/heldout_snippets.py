#!/usr/bin/env python3
"""Held-out web pages judged by passages: what must be shown, and what is page furniture.

usage:
  python3 benches/heldout_snippets.py build SOURCE OUT
  python3 benches/heldout_snippets.py score QUIRE_BIN OUT [page.html|scraped.txt] [--half dev|test|all] [-v]

SOURCE is the unpacked source distribution of the trafilatura package at version 1.1.0
(`pip download --no-deps --no-binary :all: trafilatura==1.1.0`, then untar it). Its tests
hold about a hundred saved web pages (`tests/cache/*.html`: German, English and French news,
blogs, shops, a recipe, a wiki page, a question-and-answer thread) and, in
`tests/realworld_tests.py`, for each page some passages its article must hold
(`'…' in result`) and some it must not (`'…' not in result`). These are read from the test
file's syntax tree, so a passage commented out there is not used.

`build` writes, for each page with passages, OUT/NAME/page.html, OUT/NAME/scraped.txt (all
the page's visible text, made with the html-text package, `pip install html-text`, as the
corpus's scraped texts were made) and OUT/NAME/passages.json.

`score` runs `QUIRE_BIN --print --width 60000` on each page (or its scraped text) and
reports two figures:
- shown: of the passages the article holds, the share that `--print` writes out. Hiding a
  passage of the article is the failure a reader cannot see, so this is the figure that
  counts first.
- left out: of the passages of furniture, the share that `--print` leaves out (folded).
  The passages were chosen for another tool; some are a date line or a photo credit that
  quire shows on purpose.

Passages are compared with runs of white space made one space. `--half` scores one half
of the pages, split by a hash of their names, so that one half can be read to find what is
wrong while the other stays unseen.
"""
import ast
import hashlib
import json
import pathlib
import subprocess
import sys


def passages_by_page(tests_file):
    """Map each page's file name to its passages from the test file's assertions."""
    tree = ast.parse(tests_file.read_text(encoding="utf-8"))
    mock_pages = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "MOCK_PAGES" for t in node.targets
        ):
            mock_pages = ast.literal_eval(node.value)
    found = {}
    for function in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)):
        page = None
        # In source order: each passage belongs to the page loaded last before it.
        for statement in statements_in_order(function.body):
            if isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Call):
                call = statement.value
                if getattr(call.func, "id", None) == "load_mock_page" and call.args:
                    url = call.args[0]
                    page = mock_pages.get(url.value) if isinstance(url, ast.Constant) else None
                continue
            if page is None:
                continue
            for compare in (n for n in ast.walk(statement) if isinstance(n, ast.Compare)):
                passage = asserted_passage(compare)
                if passage is None:
                    continue
                kind, text = passage
                entry = found.setdefault(page, {"shown": [], "left_out": []})
                if text not in entry[kind]:
                    entry[kind].append(text)
    return found


def statements_in_order(body):
    for statement in body:
        yield statement
        if isinstance(statement, (ast.If, ast.For, ast.While, ast.With, ast.Try)):
            yield from statements_in_order(statement.body)
            yield from statements_in_order(getattr(statement, "orelse", []))


def asserted_passage(compare):
    """('shown' or 'left_out', text) for `'text' in result` or `'text' not in result`."""
    if len(compare.ops) != 1 or not isinstance(compare.ops[0], (ast.In, ast.NotIn)):
        return None
    target = compare.comparators[0]
    if not (isinstance(target, ast.Name) and target.id == "result"):
        return None
    if not isinstance(compare.left, ast.Constant) or not isinstance(compare.left.value, str):
        return None
    text = compare.left.value
    if not text.strip():
        return None
    return ("shown" if isinstance(compare.ops[0], ast.In) else "left_out", text)


def build(source, out):
    import html_text

    tests = source / "tests"
    written = 0
    for page, passages in sorted(passages_by_page(tests / "realworld_tests.py").items()):
        html_file = tests / "cache" / page
        if not html_file.exists():
            continue
        folder = out / html_file.stem
        folder.mkdir(parents=True, exist_ok=True)
        raw = html_file.read_bytes()
        (folder / "page.html").write_bytes(raw)
        html = raw.decode("utf-8", errors="replace")
        (folder / "scraped.txt").write_text(html_text.extract_text(html), encoding="utf-8")
        (folder / "passages.json").write_text(
            json.dumps(passages, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        written += 1
    print(f"{written} pages written to {out}")


def squeeze(text):
    return " ".join(text.split())


def in_half(name, half):
    if half == "all":
        return True
    even = hashlib.sha256(name.encode()).digest()[0] % 2 == 0
    return even if half == "dev" else not even


def score(binary, out, input_name, half, verbose):
    shown = shown_all = left = left_all = 0
    pages = 0
    for passages_file in sorted(out.glob("*/passages.json")):
        folder = passages_file.parent
        if not in_half(folder.name, half):
            continue
        passages = json.loads(passages_file.read_text(encoding="utf-8"))
        run = subprocess.run(
            [binary, "--print", "--width", "60000", str(folder / input_name)],
            capture_output=True,
            timeout=120,
        )
        printed = squeeze(run.stdout.decode("utf-8", "replace")) if run.returncode == 0 else ""
        missing = [p for p in passages["shown"] if squeeze(p) not in printed]
        kept = [p for p in passages["left_out"] if squeeze(p) in printed]
        shown += len(passages["shown"]) - len(missing)
        shown_all += len(passages["shown"])
        left += len(passages["left_out"]) - len(kept)
        left_all += len(passages["left_out"])
        pages += 1
        status = "" if run.returncode == 0 else f" exit {run.returncode}"
        if verbose or missing:
            print(
                f"{folder.name:45s} shown {len(passages['shown']) - len(missing)}/"
                f"{len(passages['shown'])} left out {len(passages['left_out']) - len(kept)}/"
                f"{len(passages['left_out'])}{status}"
            )
            for passage in missing:
                print(f"    not shown: {passage!r}")
            if verbose:
                for passage in kept:
                    print(f"    furniture shown: {passage!r}")
    print(
        f"{pages} pages ({input_name}, {half}): shown {shown}/{shown_all} "
        f"({shown / max(1, shown_all):.3f}), furniture left out {left}/{left_all} "
        f"({left / max(1, left_all):.3f})"
    )


def main():
    args = sys.argv[1:]
    if len(args) == 3 and args[0] == "build":
        build(pathlib.Path(args[1]), pathlib.Path(args[2]))
    elif len(args) >= 3 and args[0] == "score":
        verbose = "-v" in args
        args = [a for a in args if a != "-v"]
        half = "all"
        if "--half" in args:
            at = args.index("--half")
            half = args[at + 1]
            del args[at : at + 2]
        input_name = args[3] if len(args) > 3 else "page.html"
        score(args[1], pathlib.Path(args[2]), input_name, half, verbose)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
