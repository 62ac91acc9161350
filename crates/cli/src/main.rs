//! The `papershelf` command: a lab's data tools, on the same core as the site.

use clap::{Parser, Subcommand};
use papershelf_cli::output::{escape_controls, say};
use papershelf_cli::{check, hugo, import, stats};
use papershelf_core::Catalog;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "papershelf",
    version,
    about = "Data tools for a Papershelf publications page"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Imports BibTeX into publications.json, merging with what the file already holds.
    ///
    /// Entries are matched by citation key. Fields edited by hand in the JSON (topics, say) are
    /// kept; the .bib decides the rest. Entries no longer in the .bib are kept unless --prune.
    /// Entries that cannot be imported are reported as FILE:LINE and skipped. Exits 1 when any
    /// entry was skipped (the file is written all the same), 2 when nothing could be written.
    ///
    /// Given one folder, such as a Hugo Blox site's content/publication/, reads each of its
    /// paper folders (index.md, with cite.bib and featured image beside it) instead.
    Import {
        /// The .bib files, read in order (@string macros apply across them); or one folder of a
        /// Hugo Blox site's publications.
        #[arg(required = true, value_name = "BIB|DIR")]
        inputs: Vec<PathBuf>,
        /// The publications.json to write (created if missing).
        #[arg(
            short,
            long,
            value_name = "FILE",
            default_value = "public/publications.json"
        )]
        output: PathBuf,
        /// Remove entries of an earlier import that are no longer in the .bib files.
        #[arg(long)]
        prune: bool,
        /// An al-folio site's assets/ folder: the PDFs and previews the .bib names by file name
        /// are copied from it to assets/ beside the output file. Not for a Hugo folder.
        #[arg(long, value_name = "DIR")]
        assets: Option<PathBuf>,
    },
    /// Checks a publications.json as the site reads it, printing every problem with its place.
    ///
    /// Exits 1 when an entry would not be shown (with --strict, also when a field would be
    /// ignored), 2 when the file cannot be read or is not JSON.
    Check {
        /// Also fail when a field would be ignored.
        #[arg(long)]
        strict: bool,
        /// The publications.json to check.
        file: PathBuf,
    },
    /// Summarises a publications.json: papers per year, top authors and topics, and the entries
    /// that lack an abstract, links, a year, authors or topics.
    Stats {
        /// The publications.json to summarise.
        file: PathBuf,
    },
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Import {
            inputs,
            output,
            prune,
            assets,
        } => match &inputs[..] {
            [dir] if dir.is_dir() && assets.is_some() => {
                eprintln!(
                    "error: --assets is for al-folio's .bib files; a Hugo folder's files are found in the folder itself (featured images) or listed to copy from its static/ folder; nothing was written"
                );
                ExitCode::from(2)
            }
            [dir] if dir.is_dir() => hugo::import(dir, &output, prune),
            _ if inputs.iter().any(|i| i.is_dir()) => {
                eprintln!("error: give one folder of Hugo publications, or .bib files; nothing was written");
                ExitCode::from(2)
            }
            _ => import::import(&inputs, &output, prune, assets.as_deref()),
        },
        Command::Check { strict, file } => check::check(&file.display().to_string(), strict),
        Command::Stats { file } => {
            let catalog = std::fs::read(&file)
                .map_err(|e| format!("cannot read the file: {e}"))
                .and_then(|bytes| {
                    Catalog::from_json(&bytes)
                        .map_err(|e| format!("{}:{}: not JSON: {}", e.line, e.column, e.message))
                });
            match catalog {
                Ok(catalog) => {
                    say(&format!("{}:", file.display()));
                    stats::summary(&catalog).lines().for_each(say);
                    ExitCode::SUCCESS
                }
                Err(why) => {
                    eprintln!(
                        "{}",
                        escape_controls(&format!("{}: error: {why}", file.display()))
                    );
                    ExitCode::from(2)
                }
            }
        }
    }
}
