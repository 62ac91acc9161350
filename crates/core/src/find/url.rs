//! Percent-encoding for query strings and fragments, without web dependencies (the CLI shares
//! this crate).

/// Encodes everything but unreserved characters (RFC 3986), so values survive any URL context.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes a query-string value: `%XX` escapes, and `+` as forms write spaces. Malformed escapes
/// stay as written and invalid UTF-8 becomes U+FFFD: a hand-edited URL is never an error.
pub fn decode_component(s: &str) -> String {
    percent_decode(s, true)
}

/// Decodes a `#fragment`. Only `%XX` escapes: forms never write fragments, so a `+` is a plus
/// (`#c++` names the paper `c++`).
pub fn decode_fragment(s: &str) -> String {
    percent_decode(s, false)
}

fn percent_decode(s: &str, plus_is_space: bool) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' if plus_is_space => out.push(b' '),
            b'%' => {
                let escaped = bytes
                    .get(i + 1..i + 3)
                    .filter(|hex| hex.iter().all(u8::is_ascii_hexdigit))
                    .and_then(|hex| u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok());
                if let Some(b) = escaped {
                    out.push(b);
                    i += 3;
                    continue;
                }
                out.push(b'%');
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_and_decodes() {
        assert_eq!(encode_component("Yoshua Bengio"), "Yoshua%20Bengio");
        assert_eq!(encode_component("é&="), "%C3%A9%26%3D");
        assert_eq!(decode_component("Yoshua%20Bengio"), "Yoshua Bengio");
        assert_eq!(decode_component("a+b%2Bc"), "a b+c");
        assert_eq!(decode_component("%C3%A9"), "é");
    }

    #[test]
    fn malformed_input_is_kept_not_fatal() {
        assert_eq!(decode_component("100%"), "100%");
        assert_eq!(decode_component("%zz%4"), "%zz%4");
        assert_eq!(decode_component("%FF"), "\u{FFFD}");
        assert_eq!(decode_component("%"), "%");
        assert_eq!(decode_component("%+1"), "% 1");
        assert_eq!(decode_fragment("%zz+%"), "%zz+%");
    }

    #[test]
    fn a_fragment_keeps_its_plus_signs() {
        assert_eq!(decode_fragment("c++"), "c++");
        assert_eq!(decode_fragment("a+b%2Bc%20d"), "a+b+c d");
        assert_eq!(
            decode_fragment(&encode_component("smith 2020")),
            "smith 2020"
        );
        assert_eq!(decode_fragment("smith%202020"), "smith 2020");
    }
}
