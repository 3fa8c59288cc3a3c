//! The `quire bookmarks` subcommand, binary side: its arguments, where the store is, and
//! turning the library's results into output and exit codes. The listing, export and import
//! themselves live in `quire::bookmarks::cli`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};

use quire::bookmarks::cli;
use quire::bookmarks::session::path_key;
use quire::document::Document;
use quire::store::{Store, data_dir};

#[derive(Args, Debug)]
pub struct BookmarksArgs {
    /// Only this document's bookmarks (found by content, or by path if it changed).
    pub file: Option<PathBuf>,
    /// Write the bookmarks to stdout as Markdown or JSON.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub export: Option<ExportFormat>,
    /// Restore bookmarks from a JSON export (ones already there are kept as they are).
    #[arg(long, value_name = "FILE.json", conflicts_with_all = ["export", "file"])]
    pub import: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Markdown,
    Json,
}

/// The data directory from `--data-dir`, else `QUIRE_DATA_DIR`, else the platform default.
pub fn resolve_data_dir(flag: Option<&Path>) -> Option<PathBuf> {
    data_dir(flag, std::env::var_os("QUIRE_DATA_DIR").as_deref())
}

pub fn run(args: BookmarksArgs, data_dir_flag: Option<&Path>) -> Result<ExitCode> {
    let Some(dir) = resolve_data_dir(data_dir_flag) else {
        bail!("no data directory is known; give --data-dir or set QUIRE_DATA_DIR");
    };
    let opened = Store::open(&dir).context("bookmarks are unavailable")?;
    if let Some(notice) = &opened.notice {
        let _ = writeln!(io::stderr(), "quire: {notice}");
    }
    let mut store = opened.store;
    if let Some(import) = &args.import {
        let json = std::fs::read_to_string(import)
            .with_context(|| format!("cannot read '{}'", import.display()))?;
        let (documents, added) = cli::import_json(&mut store, &json)
            .with_context(|| format!("cannot import '{}'", import.display()))?;
        println!("imported {added} bookmarks for {documents} documents");
        return Ok(ExitCode::SUCCESS);
    }
    let doc = match &args.file {
        Some(path) => Some((
            Document::open(path).with_context(|| format!("cannot open '{}'", path.display()))?,
            Some(path_key(path)),
        )),
        None => None,
    };
    let selected = doc.as_ref().map(|(d, p)| (d, p.clone()));
    let mut out = io::stdout().lock();
    let result = match args.export {
        None => cli::list(&store, selected, &mut out),
        Some(ExportFormat::Markdown) => cli::export_markdown(&store, selected, &mut out),
        Some(ExportFormat::Json) => cli::export_json(&store, selected, &mut out),
    };
    match result {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(cli::CliError::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e).context("cannot list bookmarks"),
    }
}
