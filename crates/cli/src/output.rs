//! Printing for a maintainer's terminal.

/// Prints a line to standard output. Titles, ids and field names come from the file: control
/// characters in them (an escape sequence that clears the screen or retitles the terminal) are
/// shown escaped, never sent to the maintainer's terminal.
/// A closed pipe (`papershelf stats … | head`) ends the output, not the program with a panic.
pub fn say(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stdout(), "{}", escape_controls(line));
}

/// Control characters, and the invisible marks that reorder text, written as `\u{…}` escapes.
pub fn escape_controls(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        let reorders = matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if c.is_control() || reorders {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}
