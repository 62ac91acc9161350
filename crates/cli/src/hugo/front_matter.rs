//! A Hugo page's front matter: YAML between `---` lines or TOML between `+++` lines, read into
//! JSON values so that the rest of the importer sees one shape whichever the site wrote.

use serde_json::{Map, Value};

/// A page split into its fields and the Markdown after them.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The front matter's keys, in the file's order.
    pub fields: Map<String, Value>,
    /// The page's own text, after the front matter.
    pub body: String,
}

/// A problem with the front matter, at a line of the page (counted from 1) when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// The line of `index.md` it is on.
    pub line: Option<usize>,
    /// What is wrong, in words.
    pub message: String,
}

/// Splits `text` (an `index.md`) into its front matter and body. Hugo accepts a closing fence
/// with trailing spaces and a file that ends right after it, so this does too.
pub fn read(text: &str) -> Result<Page, Unreadable> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let unreadable = |line, message: String| Unreadable { line, message };
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    let fence = first.trim_end();
    if fence != "---" && fence != "+++" {
        return Err(unreadable(
            Some(1),
            "it does not start with front matter (a `---` or `+++` line)".into(),
        ));
    }
    let mut end = first.len();
    for line in lines {
        if line.trim_end() == fence {
            let source = &text[first.len()..end];
            let fields = if fence == "---" {
                yaml(source)
            } else {
                toml(source)
            }
            .map_err(|(line, message)| unreadable(line.map(|l| l + 1), message))?;
            return Ok(Page {
                fields,
                body: text[end + line.len()..].to_owned(),
            });
        }
        end += line.len();
    }
    Err(unreadable(
        None,
        format!("its front matter has no closing `{fence}` line"),
    ))
}

/// A YAML file's fields (a data file, such as Hugo Blox's `data/authors/me.yaml`), if it is a
/// readable mapping.
pub fn yaml_file(text: &str) -> Option<Map<String, Value>> {
    yaml(text).ok()
}

/// Fields from YAML; an error's line is counted within `source`.
fn yaml(source: &str) -> Result<Map<String, Value>, (Option<usize>, String)> {
    let value: serde_yaml_ng::Value = serde_yaml_ng::from_str(source).map_err(|e| {
        let line = e.location().map(|l| l.line());
        // The crate appends its own position, counted from the front matter's first line.
        let message = e.to_string();
        let message = match message.find(" at line ") {
            Some(at) => message[..at].to_owned(),
            None => message,
        };
        (
            line,
            format!("the front matter is not valid YAML: {message}"),
        )
    })?;
    match from_yaml(value) {
        Value::Object(fields) => Ok(fields),
        Value::Null => Ok(Map::new()),
        _ => Err((
            Some(1),
            "the front matter is not a list of `key: value` fields".into(),
        )),
    }
}

/// Fields from TOML; an error's line is counted within `source`.
fn toml(source: &str) -> Result<Map<String, Value>, (Option<usize>, String)> {
    let table: toml::Table = toml::from_str(source).map_err(|e| {
        let line = e
            .span()
            .map(|span| 1 + source[..span.start].matches('\n').count());
        (
            line,
            format!("the front matter is not valid TOML: {}", e.message()),
        )
    })?;
    Ok(table
        .into_iter()
        .map(|(key, value)| (key, from_toml(value)))
        .collect())
}

fn from_yaml(value: serde_yaml_ng::Value) -> Value {
    use serde_yaml_ng::Value as Y;
    match value {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into()
            } else if let Some(u) = n.as_u64() {
                u.into()
            } else {
                n.as_f64()
                    .and_then(serde_json::Number::from_f64)
                    .map_or_else(|| Value::String(n.to_string()), Value::Number)
            }
        }
        Y::String(s) => Value::String(s),
        Y::Sequence(items) => Value::Array(items.into_iter().map(from_yaml).collect()),
        Y::Mapping(mapping) => Value::Object(
            mapping
                .into_iter()
                .filter_map(|(key, value)| Some((scalar_text(&from_yaml(key))?, from_yaml(value))))
                .collect(),
        ),
        // `!!str 2019` and the like: the tag says how to read it; the value is what counts.
        Y::Tagged(tagged) => from_yaml(tagged.value),
    }
}

fn from_toml(value: toml::Value) -> Value {
    use toml::Value as T;
    match value {
        T::String(s) => Value::String(s),
        T::Integer(i) => i.into(),
        T::Float(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        T::Boolean(b) => Value::Bool(b),
        // `date = 2018-02-01`: a TOML date, read as the text Hugo would print.
        T::Datetime(d) => Value::String(d.to_string()),
        T::Array(items) => Value::Array(items.into_iter().map(from_toml).collect()),
        T::Table(table) => Value::Object(
            table
                .into_iter()
                .map(|(key, value)| (key, from_toml(value)))
                .collect(),
        ),
    }
}

/// The value at a dotted `path` (`hugoblox.ids.doi`), if there is one.
pub fn at_path<'a>(fields: &'a Map<String, Value>, path: &str) -> Option<&'a Value> {
    let mut parts = path.split('.');
    let first = fields.get(parts.next()?)?;
    parts.try_fold(first, |value, key| value.get(key))
}

/// A scalar as text (`2`, `true`, `"2"` are all codes and titles somewhere); `None` for lists,
/// tables and nulls.
pub fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn yaml_and_toml_give_the_same_fields() {
        let yaml =
            read("---\ntitle: 'T '\ndate: 2024-02-21 00:00:00\npublication_types:\n- '1'\n---")
                .unwrap();
        let toml = read(
            "+++\ntitle = \"T \"\ndate = 2024-02-21\npublication_types = [\"1\"]\n+++\n\nBody",
        )
        .unwrap();
        assert_eq!(yaml.fields["title"], json!("T "));
        assert_eq!(toml.fields["title"], json!("T "));
        assert_eq!(yaml.fields["date"], json!("2024-02-21 00:00:00"));
        assert_eq!(toml.fields["date"], json!("2024-02-21"));
        assert_eq!(yaml.fields["publication_types"], json!(["1"]));
        assert_eq!(toml.body, "\nBody");
    }

    #[test]
    fn errors_say_which_line_of_the_page() {
        let e = read("---\ntitle: a\nauthors: [b\n---\n").unwrap_err();
        assert!(
            e.message.starts_with("the front matter is not valid YAML"),
            "{e:?}"
        );
        assert!(e.line.is_some_and(|l| l >= 3), "{e:?}");
        let e = read("+++\ntitle = \"a\"\nauthors = \n+++\n").unwrap_err();
        assert_eq!(e.line, Some(3), "{e:?}");
        assert!(read("title: a\n").is_err());
        assert!(read("---\ntitle: a\n")
            .unwrap_err()
            .message
            .contains("closing"));
    }
}
