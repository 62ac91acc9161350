//! Importing into a publications.json that already exists: entries are matched by id, and what
//! the maintainer changed by hand survives a re-import.
//!
//! A field counts as changed by hand when it differs from what the entry's stored `bibtex`
//! record maps to (the previous import's output, recomputed): that field is kept, and the .bib
//! decides every other one. Without a stored record there is nothing to compare with, so every
//! field the JSON has is kept and the .bib only fills the gaps. Fields the .bib does not produce
//! (a hand-written note, a link added by hand) are always kept, and so are the file's top-level
//! fields and the order of its keys and entries.

use serde_json::{Map, Value};
use std::collections::HashMap;

/// A field kept as the JSON has it although the .bib says otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptEdit {
    /// The entry's id.
    pub id: String,
    /// The field's name.
    pub field: String,
    /// Whether the .bib changed the field since the last import too (otherwise the JSON had no
    /// record of the last import to tell).
    pub bib_changed: bool,
}

/// What a merge did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Ids of entries new to the file.
    pub added: Vec<String>,
    /// Ids of entries the .bib changed.
    pub updated: Vec<String>,
    /// How many matched entries were already up to date.
    pub unchanged: usize,
    /// Ids of entries from an earlier import that the .bib no longer has, kept.
    pub kept: Vec<String>,
    /// How many entries never came from a .bib (no `bibtex` record), left as they are.
    pub hand_written: usize,
    /// Ids of entries from an earlier import that the .bib no longer has, removed (`--prune`).
    pub removed: Vec<String>,
    /// Fields where the JSON's value was kept over a different one from the .bib.
    pub kept_edits: Vec<KeptEdit>,
}

/// The file a first import writes: the entries, and the schema for editors.
pub fn new_document(imported: Vec<Value>) -> Value {
    let mut document = Map::new();
    document.insert("$schema".into(), "publications.schema.json".into());
    document.insert("publications".into(), Value::Array(imported));
    Value::Object(document)
}

/// Merges `imported` publications (objects, in .bib order) into `existing`, a whole document (an
/// object with `publications`, or a bare list). `base` maps a stored `bibtex` record to what it
/// imported as. With `prune`, entries that came from a .bib but are no longer in it are removed.
pub fn merge(
    existing: Value,
    imported: Vec<Value>,
    prune: bool,
    base: impl Fn(&str) -> Option<Map<String, Value>>,
) -> Result<(Value, Report), String> {
    let mut document = existing;
    let list = match &mut document {
        Value::Array(list) => list,
        Value::Object(object) => {
            let list = object
                .entry("publications")
                .or_insert_with(|| Value::Array(Vec::new()));
            list.as_array_mut()
                .ok_or("its \"publications\" is not a list")?
        }
        _ => return Err("it is neither an object nor a list".into()),
    };
    let mut report = Report::default();
    let mut new: Vec<Option<Value>> = imported.into_iter().map(Some).collect();
    let by_id: HashMap<String, usize> = new
        .iter()
        .enumerate()
        .rev()
        .filter_map(|(i, p)| Some((id_of(p.as_ref()?)?.to_owned(), i)))
        .collect();
    let mut merged = Vec::with_capacity(list.len() + new.len());
    for entry in std::mem::take(list) {
        let id = id_of(&entry).map(str::to_owned);
        let from_bib = entry
            .get("bibtex")
            .and_then(Value::as_str)
            .map(str::to_owned);
        let matched = id.as_ref().and_then(|id| new[*by_id.get(id)?].take());
        match (entry, matched, id) {
            (Value::Object(ours), Some(Value::Object(theirs)), Some(id)) => {
                let base = from_bib.as_deref().and_then(&base);
                let (fields, edits) = merge_fields(&ours, theirs, base.as_ref());
                report
                    .kept_edits
                    .extend(edits.into_iter().map(|(field, bib_changed)| KeptEdit {
                        id: id.clone(),
                        field,
                        bib_changed,
                    }));
                if fields == ours {
                    report.unchanged += 1;
                } else {
                    report.updated.push(id);
                }
                merged.push(Value::Object(fields));
            }
            (entry, _, Some(id)) if from_bib.is_some() => {
                if prune {
                    report.removed.push(id);
                } else {
                    report.kept.push(id);
                    merged.push(entry);
                }
            }
            (entry, _, _) => {
                report.hand_written += 1;
                merged.push(entry);
            }
        }
    }
    for entry in new.into_iter().flatten() {
        if let Some(id) = id_of(&entry) {
            report.added.push(id.to_owned());
        }
        merged.push(entry);
    }
    *list = merged;
    Ok((document, report))
}

fn id_of(entry: &Value) -> Option<&str> {
    entry.get("id")?.as_str()
}

/// One entry's fields, in the JSON's key order then the .bib's new ones; and the fields kept
/// over a different value from the .bib, each with whether the .bib changed it since `base`.
fn merge_fields(
    ours: &Map<String, Value>,
    theirs: Map<String, Value>,
    base: Option<&Map<String, Value>>,
) -> (Map<String, Value>, Vec<(String, bool)>) {
    let present =
        |map: &Map<String, Value>, key: &str| map.get(key).filter(|v| !v.is_null()).cloned();
    let mut keys: Vec<String> = ours.keys().cloned().collect();
    keys.extend(theirs.keys().filter(|k| !ours.contains_key(*k)).cloned());
    let mut out = Map::new();
    let mut edits = Vec::new();
    for key in keys {
        let (mine, bib) = (present(ours, &key), present(&theirs, &key));
        // The record is the .bib's own text: the .bib is where it is edited.
        let value = if key == "bibtex" {
            bib
        } else {
            match base {
                Some(base) => {
                    let before = present(base, &key);
                    if mine == before {
                        bib
                    } else {
                        if bib != before && bib != mine {
                            edits.push((key.clone(), true));
                        }
                        mine
                    }
                }
                None => {
                    if mine.is_some() && bib.is_some() && mine != bib {
                        edits.push((key.clone(), false));
                    }
                    mine.or(bib)
                }
            }
        };
        if let Some(value) = value {
            out.insert(key, value);
        } else if ours.get(&key).is_some_and(Value::is_null) {
            out.insert(key, Value::Null);
        }
    }
    (out, edits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn object(value: Value) -> Map<String, Value> {
        value.as_object().unwrap().clone()
    }

    /// What the stored records "imported as": a record is named by its title here.
    fn bases(record: &str) -> Option<Map<String, Value>> {
        match record {
            "@old-a" => Some(object(
                json!({"id": "a", "title": "A", "topics": ["x"], "year": 2019, "bibtex": "@old-a"}),
            )),
            _ => None,
        }
    }

    #[test]
    fn hand_edits_survive_and_the_bib_decides_the_rest() {
        let existing = json!({
            "$schema": "publications.schema.json",
            "title": "Lab",
            "publications": [
                // Topics edited by hand; the .bib fixed the year and the title.
                {"id": "a", "title": "A", "topics": ["hand", "picked"], "year": 2019, "note": "mine", "bibtex": "@old-a"},
            ]
        });
        let imported = vec![
            json!({"id": "a", "title": "A, fixed", "topics": ["x"], "year": 2020, "bibtex": "@new-a"}),
        ];
        let (document, report) = merge(existing, imported, false, bases).unwrap();
        assert_eq!(
            document,
            json!({
                "$schema": "publications.schema.json",
                "title": "Lab",
                "publications": [
                    {"id": "a", "title": "A, fixed", "topics": ["hand", "picked"], "year": 2020, "note": "mine", "bibtex": "@new-a"},
                ]
            })
        );
        assert_eq!(report.updated, ["a"]);
        assert!(
            report.kept_edits.is_empty(),
            "the .bib did not change the topics"
        );
    }

    #[test]
    fn an_edit_the_bib_also_changed_is_kept_and_reported() {
        let existing = json!([{"id": "a", "title": "A", "topics": ["hand"], "year": 2019, "bibtex": "@old-a"}]);
        let imported = vec![
            json!({"id": "a", "title": "A", "topics": ["y"], "year": 2019, "bibtex": "@old-a"}),
        ];
        let (document, report) = merge(existing, imported, false, bases).unwrap();
        assert_eq!(document[0]["topics"], json!(["hand"]));
        assert_eq!(
            report.kept_edits,
            [KeptEdit {
                id: "a".into(),
                field: "topics".into(),
                bib_changed: true
            }]
        );
        assert_eq!(report.unchanged, 1);
    }

    #[test]
    fn removed_fields_go_when_unedited() {
        let existing =
            json!([{"id": "a", "title": "A", "topics": ["x"], "year": 2019, "bibtex": "@old-a"}]);
        let imported = vec![json!({"id": "a", "title": "A", "bibtex": "@old-a"})];
        let (document, _) = merge(existing, imported, false, bases).unwrap();
        assert_eq!(
            document,
            json!([{"id": "a", "title": "A", "bibtex": "@old-a"}])
        );
    }

    #[test]
    fn without_a_stored_record_the_json_wins_and_the_bib_fills_gaps() {
        let existing = json!([{"id": "b", "title": "Mine", "venue": null}]);
        let imported =
            vec![json!({"id": "b", "title": "Theirs", "venue": "V", "year": 2001, "bibtex": "@b"})];
        let (document, report) = merge(existing, imported, false, bases).unwrap();
        assert_eq!(
            document,
            json!([{"id": "b", "title": "Mine", "venue": "V", "year": 2001, "bibtex": "@b"}])
        );
        assert_eq!(
            report.kept_edits,
            [KeptEdit {
                id: "b".into(),
                field: "title".into(),
                bib_changed: false
            }]
        );
        assert_eq!(report.updated, ["b"]);
    }

    #[test]
    fn new_gone_and_hand_written_entries() {
        let existing = json!({"publications": [
            {"id": "gone", "title": "G", "bibtex": "@gone"},
            {"id": "hand", "title": "H"},
            {"title": "No id"},
            42,
            {"id": "same", "title": "S", "bibtex": "@same"},
        ]});
        let imported = vec![
            json!({"id": "new", "title": "N", "bibtex": "@new"}),
            json!({"id": "same", "title": "S", "bibtex": "@same"}),
        ];
        let same_base =
            |r: &str| (r == "@same").then(|| object(json!({"id": "same", "title": "S"})));
        let (document, report) =
            merge(existing.clone(), imported.clone(), false, same_base).unwrap();
        let ids: Vec<_> = document["publications"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.get("id").and_then(Value::as_str).unwrap_or("-"))
            .collect();
        assert_eq!(ids, ["gone", "hand", "-", "-", "same", "new"]);
        assert_eq!(report.added, ["new"]);
        assert_eq!(report.kept, ["gone"]);
        assert_eq!(report.hand_written, 3);
        assert_eq!(report.unchanged, 1);

        let (document, report) = merge(existing, imported, true, same_base).unwrap();
        assert_eq!(document["publications"].as_array().unwrap().len(), 5);
        assert_eq!(report.removed, ["gone"]);
        assert!(report.kept.is_empty());
    }

    #[test]
    fn documents_that_cannot_take_entries() {
        for (existing, why) in [
            (
                json!({"publications": {}}),
                "its \"publications\" is not a list",
            ),
            (json!("text"), "it is neither an object nor a list"),
        ] {
            assert_eq!(merge(existing, Vec::new(), false, bases).unwrap_err(), why);
        }
        let (document, _) = merge(
            json!({"title": "T"}),
            vec![json!({"id": "a"})],
            false,
            bases,
        )
        .unwrap();
        assert_eq!(
            document,
            json!({"title": "T", "publications": [{"id": "a"}]})
        );
    }
}
