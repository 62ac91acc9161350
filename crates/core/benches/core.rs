//! Native micro-benchmarks of the core at 10k and 100k papers: parse, catalog build, query, facet
//! counts. `cargo bench -p papershelf-core` prints a Markdown table (bench/core-latest.md keeps
//! the latest). A plain harness, to keep the dependency list short; each figure is the median of
//! several repetitions.

use papershelf_core::stream::{read_document, read_json};
use papershelf_core::{Catalog, CatalogBuilder, FilterKind, ViewState};
use std::time::{Duration, Instant};

mod corpus;

fn median_time(reps: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..reps)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    median(&mut times)
}

/// The corpus, replicated to `n` papers with fresh ids and shifted years (as bench/run.mjs).
fn replicated(n: usize) -> String {
    let doc: serde_json::Value = serde_json::from_str(&corpus::text()).unwrap();
    let source = doc["publications"].as_array().unwrap();
    let mut out = Vec::with_capacity(n);
    for copy in 0.. {
        for p in source {
            if out.len() == n {
                return serde_json::json!({ "publications": out }).to_string();
            }
            let mut p = p.clone();
            p["id"] = format!("{}-c{copy}", p["id"].as_str().unwrap_or("paper")).into();
            if let Some(y) = p["year"].as_i64() {
                p["year"] = (1987 + (y - 1987 + copy * 7) % 39).into();
            }
            out.push(p);
        }
    }
    unreachable!()
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// The median of `times`, which it sorts.
fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` runs this too, so keep that quick.
    let quick = !std::env::args().any(|a| a == "--bench");
    let sizes: &[usize] = if quick { &[1_000] } else { &[10_059, 100_000] };
    // The budgets are read off this table: parse in MB/s, the catalog with its parse included
    // (what the page waits for), and finish's share of it (what a snapshot of a catalog being
    // built would cost again each time).
    println!("| Papers | Size | Parse (read) | Catalog (parse + validate + index) | of which `finish` | Query \"variational inference\" | Query \"v\" | Facets (author + topic + year lists) | 25 cards' author buttons, `?author=` unknown |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for &n in sizes {
        let text = replicated(n);
        let reps = if n > 50_000 { 3 } else { 7 };
        let parse = median_time(reps, || {
            read_document(&text).unwrap();
        });
        // As Catalog::from_json, with the time `finish` takes noted apart.
        let (mut catalog_times, mut finish_times) = (Vec::new(), Vec::new());
        for _ in 0..reps {
            let start = Instant::now();
            let mut builder = CatalogBuilder::default();
            read_json(text.as_bytes(), &mut builder).unwrap();
            let finishing = Instant::now();
            builder.finish();
            finish_times.push(finishing.elapsed());
            catalog_times.push(start.elapsed());
        }
        let (catalog_time, finish) = (median(&mut catalog_times), median(&mut finish_times));
        let catalog = Catalog::from_json(&text).unwrap();
        let state = ViewState {
            query: "variational inference".into(),
            ..ViewState::default()
        };
        let query = median_time(reps * 3, || {
            catalog.select(&state);
        });
        let one = ViewState {
            query: "v".into(),
            ..ViewState::default()
        };
        let query_one = median_time(reps * 3, || {
            catalog.select(&one);
        });
        let sel = catalog.select(&ViewState::default());
        let facets = median_time(reps * 3, || {
            for kind in [FilterKind::Author, FilterKind::Topic, FilterKind::Year] {
                catalog.facet(kind, &ViewState::default(), &sel, "", 10);
            }
        });
        // Each author button on a page of 25 cards asks whether the address selects its author,
        // here spelled as no author is (the worst case: every lookup misses).
        let names: Vec<&str> = catalog
            .papers
            .iter()
            .take(25)
            .flat_map(|p| p.authors.iter().map(|&a| catalog.author_name(a)))
            .collect();
        let spelled = ViewState::from_query("author=nobody%20at%20all");
        let pressed = median_time(reps * 3, || {
            for name in &names {
                catalog.selects(&spelled, FilterKind::Author, name);
            }
        });
        let mb = text.len() as f64 / 1e6;
        println!(
            "| {n} | {mb:.1} MB | {} ({:.0} MB/s) | {} | {} ({:.0}%) | {} | {} | {} | {} |",
            ms(parse),
            mb / parse.as_secs_f64(),
            ms(catalog_time),
            ms(finish),
            100.0 * finish.as_secs_f64() / catalog_time.as_secs_f64(),
            ms(query),
            ms(query_one),
            ms(facets),
            ms(pressed)
        );
    }
}
