//! Program source opened as text: a script, a C file, a Vim plugin, a Makefile, a
//! configuration file. Known by its file name or by a `#!` first line (or asked for with
//! `--format code`), it is read as [`super::Format::Code`] and kept line for line as code. The rules for prose would run its short lines together into paragraphs and
//! fold runs of them as a web page's menus; a program's text is all of it the reader's.

use super::{Block, BlockKind};

/// File name extensions of program source and of data written as lines (configuration,
/// patches, tables of values), compared in lower case.
const PROGRAM_EXTENSIONS: &[&str] = &[
    "adb", "ads", "asm", "awk", "bash", "bat", "bzl", "c", "cc", "cfg", "cjs", "clj", "cmake",
    "cmd", "cocci", "conf", "cpp", "cs", "css", "csv", "cxx", "dart", "diff", "el", "erl", "ex",
    "exs", "f90", "f95", "fish", "go", "gradle", "groovy", "h", "hh", "hpp", "hs", "ini", "java",
    "jl", "js", "json", "jsx", "kt", "kts", "lisp", "lua", "m", "mjs", "mk", "ml", "mli", "nim",
    "nix", "pas", "patch", "php", "pl", "pm", "proto", "ps1", "py", "pyi", "pyx", "r", "rb", "rkt",
    "rs", "scala", "scm", "scss", "sed", "sh", "sql", "swift", "tcl", "tf", "toml", "ts", "tsv",
    "tsx", "vala", "vim", "xml", "yaml", "yml", "zig", "zsh",
];

/// Whole file names of program text that have no extension to go by.
const PROGRAM_NAMES: &[&str] = &[
    "makefile",
    "gnumakefile",
    "dockerfile",
    "containerfile",
    "cmakelists.txt",
    "vimrc",
    ".vimrc",
    ".bashrc",
    ".profile",
    ".zshrc",
    ".gitconfig",
];

/// True when `name` (a file name, a path or an address) is one of program source or of data
/// written as lines: by its extension, or by its whole name (`Makefile`).
pub fn named_as_program(name: &str) -> bool {
    let file_name = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(name)
        .to_lowercase();
    let by_extension = file_name
        .rsplit_once('.')
        .is_some_and(|(stem, ext)| !stem.is_empty() && PROGRAM_EXTENSIONS.contains(&ext));
    by_extension || PROGRAM_NAMES.contains(&file_name.as_str())
}

/// True when the text's first line is a `#!/` line naming the program that runs it.
pub fn opens_with_interpreter(text: &str) -> bool {
    text.trim_start_matches('\u{feff}').starts_with("#!/")
}

/// The text as code blocks, one for each run of lines between blank lines, each line as it
/// stands (its indent kept).
pub fn blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let mut first_line = 0;
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() {
            close_run(&mut run, first_line, &mut blocks);
            continue;
        }
        if run.is_empty() {
            first_line = index + 1;
        }
        run.push(line);
    }
    close_run(&mut run, first_line, &mut blocks);
    blocks
}

fn close_run(run: &mut Vec<&str>, first_line: usize, blocks: &mut Vec<Block>) {
    if !run.is_empty() {
        blocks.push(Block::new(BlockKind::Code, run.join("\n"), first_line));
        run.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn program_source_is_known_by_its_name_or_its_first_line() {
        for name in [
            "plugin.vim",
            "src/main.RS",
            "/usr/share/doc/x/examples/verify3.c",
            "Makefile",
            "build/CMakeLists.txt",
            "https://example.org/raw/install.sh",
            // A semantic patch, a schema of messages, a build script, a stream edit.
            "contrib/coccinelle/array.cocci",
            "api/messages.proto",
            "app/build.gradle",
            "fix-headers.sed",
        ] {
            assert!(named_as_program(name), "{name}");
        }
        assert!(opens_with_interpreter("#!/bin/sh\necho hello\n"));
        for name in [
            "notes.txt",
            "README",
            "article.md",
            "page.html",
            ".c",
            "story",
        ] {
            assert!(!named_as_program(name), "{name}");
        }
        // A text about a shebang line is not one.
        assert!(!opens_with_interpreter(
            "Scripts start with #!/bin/sh as their first line."
        ));
    }

    #[test]
    fn each_run_of_lines_is_a_code_block_that_keeps_its_lines_and_indents() {
        let text = "if exists(\"g:loaded\")\n  finish\nendif\n\n\n\" Menus\namenu Notes.Open :call Open()<CR>  \n";
        let blocks = blocks(text);
        assert_eq!(blocks.len(), 2, "{blocks:#?}");
        assert!(blocks.iter().all(|b| b.kind == BlockKind::Code));
        assert_eq!(blocks[0].text, "if exists(\"g:loaded\")\n  finish\nendif");
        assert_eq!(blocks[0].line, 1);
        assert_eq!(
            blocks[1].text,
            "\" Menus\namenu Notes.Open :call Open()<CR>"
        );
        assert_eq!(blocks[1].line, 6);
        assert!(super::blocks("").is_empty());
        assert!(super::blocks("\n\n  \n").is_empty());
    }
}
