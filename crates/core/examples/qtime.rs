use std::time::Instant;
#[path = "../benches/corpus/mod.rs"]
mod corpus;
fn main() {
    let text = corpus::text();
    let catalog = papershelf_core::Catalog::from_document(
        papershelf_core::stream::read_document(&text).unwrap(),
    );
    for word in ["variational", "reinforcement", "neural"] {
        let mut prev: Option<papershelf_core::SearchResult> =
            Some(papershelf_core::SearchResult::everything());
        let mut line = String::new();
        for i in 1..=word.len() {
            let q = papershelf_core::Query::parse(&word[..i]);
            let t = Instant::now();
            let mut r = None;
            for _ in 0..20 {
                r = Some(catalog.search(q.clone(), prev.as_ref()));
            }
            let dt = t.elapsed() / 20;
            let state = papershelf_core::ViewState {
                query: word[..i].to_string(),
                ..Default::default()
            };
            let t2 = Instant::now();
            for _ in 0..20 {
                std::hint::black_box(catalog.select_searched(&state, r.as_ref().unwrap()));
            }
            let dt2 = t2.elapsed() / 20;
            line += &format!(
                "{}:{:.2}/{:.2} ",
                &word[..i],
                dt.as_secs_f64() * 1e3,
                dt2.as_secs_f64() * 1e3
            );
            prev = r;
        }
        println!("{line}");
    }
}
