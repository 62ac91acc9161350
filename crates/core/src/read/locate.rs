//! Where things are in a JSON text: the line and column of each value up to a given depth, keyed
//! by its JSON path (`publications[3].links.pdf`). The checker uses it to point at problems; the
//! site needs only [`key_path`], which the catalog names problems with. The text must already
//! have parsed as JSON.

use std::collections::HashMap;

/// A 1-based line and column (columns count characters, as editors do).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// From 1.
    pub line: usize,
    /// From 1, in characters.
    pub column: usize,
}

/// The positions of a JSON text's values, by path.
pub struct Locations<'t> {
    text: &'t str,
    offsets: HashMap<String, usize>,
}

impl<'t> Locations<'t> {
    /// Indexes every value at most `max_depth` levels below the root.
    pub fn new(text: &'t str, max_depth: usize) -> Locations<'t> {
        let mut scanner = Scanner {
            bytes: text.as_bytes(),
            pos: 0,
            max_depth,
            offsets: HashMap::new(),
        };
        scanner.value(String::new(), 0);
        Locations {
            text,
            offsets: scanner.offsets,
        }
    }

    /// Where the value at `path` begins, if it was indexed.
    pub fn position(&self, path: &str) -> Option<Position> {
        let offset = *self.offsets.get(path)?;
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Some(Position {
            line,
            column: before[line_start..].chars().count() + 1,
        })
    }

    /// The path of entry `n`: `publications[n]` in an object document, `[n]` in a bare list.
    pub fn entry_path(&self, n: usize) -> String {
        if self.offsets.contains_key("publications") {
            format!("publications[{n}]")
        } else {
            format!("[{n}]")
        }
    }
}

/// The path of `key` in the object at `path`: `path.key`, or `path["key"]` (a JSON string) when
/// the key holds a dot or a bracket, so that `links` → `a.b` is never `links.a` → `b`. The
/// catalog names its problems' fields with it, so that they are found here.
pub fn key_path(path: &str, key: &str) -> String {
    if key.contains(['.', '[', ']']) {
        let quoted = serde_json::to_string(key).unwrap_or_default();
        format!("{path}[{quoted}]")
    } else if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

struct Scanner<'b> {
    bytes: &'b [u8],
    pos: usize,
    max_depth: usize,
    offsets: HashMap<String, usize>,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.pos += 1;
        }
    }

    fn value(&mut self, path: String, depth: usize) {
        self.skip_whitespace();
        if depth <= self.max_depth {
            self.offsets.insert(path.clone(), self.pos);
        }
        match self.peek() {
            Some(b'{') => {
                self.pos += 1;
                loop {
                    self.skip_whitespace();
                    match self.peek() {
                        Some(b'"') => {
                            let key = self.string();
                            self.skip_whitespace();
                            self.pos += 1; // ':'
                            self.value(key_path(&path, &key), depth + 1);
                        }
                        Some(b',') => self.pos += 1,
                        Some(b'}') => {
                            self.pos += 1;
                            return;
                        }
                        _ => return,
                    }
                }
            }
            Some(b'[') => {
                self.pos += 1;
                let mut index = 0;
                loop {
                    self.skip_whitespace();
                    match self.peek() {
                        Some(b',') => self.pos += 1,
                        Some(b']') => {
                            self.pos += 1;
                            return;
                        }
                        None => return,
                        Some(_) => {
                            self.value(format!("{path}[{index}]"), depth + 1);
                            index += 1;
                        }
                    }
                }
            }
            Some(b'"') => {
                self.string();
            }
            Some(_) => {
                while !matches!(
                    self.peek(),
                    None | Some(b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t')
                ) {
                    self.pos += 1;
                }
            }
            None => {}
        }
    }

    /// Reads a string starting at its opening quote; returns its (decoded) content.
    fn string(&mut self) -> String {
        let start = self.pos;
        self.pos += 1;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'\\' => self.pos += 1,
                b'"' => break,
                _ => {}
            }
        }
        serde_json::from_slice(&self.bytes[start..self.pos]).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_entries_and_their_fields() {
        let text = "{\n  \"title\": \"Lab\",\n  \"publications\": [\n    {\"title\": \"A\", \"year\": \"2019\"},\n    null,\n    {\"links\": {\"p\\\"df\": \"javascript:x\"}}\n  ]\n}";
        let at = Locations::new(text, 4);
        assert_eq!(at.entry_path(1), "publications[1]");
        assert_eq!(
            at.position("publications[0].year"),
            Some(Position {
                line: 4,
                column: 28
            })
        );
        assert_eq!(
            at.position("publications[1]"),
            Some(Position { line: 5, column: 5 })
        );
        assert_eq!(
            at.position("publications[2].links.p\"df"),
            Some(Position {
                line: 6,
                column: 25
            })
        );
        assert_eq!(at.position("publications[9]"), None);
    }

    #[test]
    fn bare_lists_and_non_ascii_columns() {
        let text = "[{\"title\": \"Ünïcödé\", \"year\": 1}]";
        let at = Locations::new(text, 3);
        assert_eq!(at.entry_path(0), "[0]");
        assert_eq!(
            at.position("[0].year"),
            Some(Position {
                line: 1,
                column: 31
            })
        );
    }

    #[test]
    fn a_label_with_a_dot_is_not_another_key() {
        // `links` → `a.b` and `links.a` → `b`: one path each, so the warning finds its line.
        let text = "[{\"title\": \"A\",\n  \"links\": {\"a.b\": \"javascript:x\"},\n  \"links.a\": {\"b\": \"https://example.org\"}}]";
        let catalog = crate::Catalog::from_json(text).unwrap();
        let [problem] = &catalog.problems[..] else {
            panic!("{:?}", catalog.problems)
        };
        let at = Locations::new(text, 4);
        let path = format!("{}.{}", at.entry_path(0), problem.field);
        assert_eq!(
            at.position(&path),
            Some(Position {
                line: 2,
                column: 20
            }),
            "{path}"
        );
    }
}
