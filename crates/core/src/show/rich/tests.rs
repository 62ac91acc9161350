#[test]
fn links_give_way_to_their_text_where_a_link_cannot_be() {
    assert_eq!(
        without_links(rich_text(r"See \emph{[code](https://x.org)} now")),
        rich_text(r"See \emph{code} now")
    );
}

#[test]
fn plain_text_keeps_words_and_math_and_drops_markup() {
    assert_eq!(
        plain_text(r"\emph{Fast} $O(\sqrt{T})$ regret, see [code](https://x.org) \$5"),
        r"Fast $O(\sqrt{T})$ regret, see code $5"
    );
    assert_eq!(plain_text("<script>"), "<script>");
}

use super::Inline::{self, *};
use super::{plain_text, rich_text, without_links};
use crate::math::{parse_math, MathNode};

fn text(s: &str) -> Inline {
    Text(s.to_owned())
}
fn math(source: &str) -> Inline {
    Math {
        source: source.to_owned(),
        node: parse_math(source).unwrap(),
    }
}
fn link(shown: &str, url: &str) -> Inline {
    Link {
        text: vec![text(shown)],
        url: url.to_owned(),
    }
}

#[test]
fn plain_text_is_one_piece() {
    assert_eq!(
        rich_text("Attention is all you need"),
        [text("Attention is all you need")]
    );
    assert_eq!(rich_text(""), []);
    // Characters that only start markup, without it, change nothing.
    for plain in [
        "a $ b",
        "costs $5 and $10",
        "a { b } c",
        "x \\cite{y} z",
        "``quoted''",
        "`quoted'",
        "[1] and [2]",
        "see http or https:// alone",
        "50\\%",
    ] {
        let shown = if plain == "50\\%" { "50%" } else { plain };
        assert_eq!(rich_text(plain), [text(shown)], "{plain:?}");
    }
}

#[test]
fn inline_math() {
    assert_eq!(
        rich_text("an $\\ell_1$ penalty"),
        [text("an "), math("\\ell_1"), text(" penalty")]
    );
    assert_eq!(
        rich_text("with \\(x^2\\) terms"),
        [text("with "), math("x^2"), text(" terms")]
    );
    assert_eq!(rich_text("$a$$b$"), [math("a"), math("b")]);
    assert_eq!(
        rich_text("$2.16\\times$$\\sim$$2.62\\times$"),
        [math("2.16\\times"), math("\\sim"), math("2.62\\times")]
    );
}

#[test]
fn dollars_that_are_not_math() {
    // An opening $ is followed by a non-space; a closing one follows a non-space and is not
    // followed by a digit.
    for plain in [
        "costs $5 and $10 today",
        "between $ 5 and 10 $",
        "$100K or 100 Days",
        "a lone $",
        "$",
        "$$",
        "price: $5, $6",
        "from $5-$10 a month",
        "costs $5,$10",
    ] {
        assert_eq!(rich_text(plain), [text(plain)], "{plain:?}");
    }
    // Math with a command may be followed by a number.
    assert_eq!(
        rich_text("of $\\sim$10 demos at 224$\\times$224"),
        [
            text("of "),
            math("\\sim"),
            text("10 demos at 224"),
            math("\\times"),
            text("224")
        ]
    );
    assert_eq!(rich_text("it costs \\$5"), [text("it costs $5")]);
    assert_eq!(rich_text("\\$x$ is $y$"), [text("$x$ is "), math("y")]);
    // An escaped backslash does not escape the dollar after it.
    assert_eq!(rich_text("a\\\\$x$"), [text("a\\\\"), math("x")]);
    assert_eq!(rich_text("$\\$5$"), [math("\\$5")]);
}

#[test]
fn malformed_math_falls_back_to_its_source() {
    for source in [
        "$\\frac{a}$",
        "$x^$",
        "$\\unknowncmd$",
        "${a$",
        "$\\left( x$",
        "$a}$",
    ] {
        let whole = format!("see {source} here");
        assert_eq!(rich_text(&whole), [text(&whole)], "{source:?}");
    }
    assert_eq!(rich_text("an unclosed \\(x"), [text("an unclosed \\(x")]);
    assert_eq!(rich_text("\\(\\)"), [text("\\(\\)")]);
    let deep = format!("${}x{}$", "{".repeat(10_000), "}".repeat(10_000));
    assert_eq!(rich_text(&deep), [text(&deep)]);
    // One bad span does not spoil the good ones around it.
    assert_eq!(
        rich_text("$x$, $\\bad$, $y$"),
        [math("x"), text(", $\\bad$, "), math("y")]
    );
}

#[test]
fn a_lone_text_command_in_math_is_styled_text() {
    assert_eq!(
        rich_text("$\\texttt{SPIN}$: distilling"),
        [Code("SPIN".to_owned()), text(": distilling")]
    );
    assert_eq!(
        rich_text("($\\textbf{S}$kill"),
        [text("("), Strong(vec![text("S")]), text("kill")]
    );
    assert_eq!(
        rich_text("$\\textit{guides}$"),
        [Emph(vec![text("guides")])]
    );
    // Anything more is math.
    assert_eq!(rich_text("$\\textbf{A}_1$"), [math("\\textbf{A}_1")]);
}

#[test]
fn emphasis_strong_and_code() {
    assert_eq!(
        rich_text("we \\emph{prove} it"),
        [text("we "), Emph(vec![text("prove")]), text(" it")]
    );
    assert_eq!(rich_text("\\textit{a}"), [Emph(vec![text("a")])]);
    assert_eq!(rich_text("\\textbf{a}"), [Strong(vec![text("a")])]);
    assert_eq!(
        rich_text("{\\em the same topics} and {\\bf bold}"),
        [
            Emph(vec![text("the same topics")]),
            text(" and "),
            Strong(vec![text("bold")])
        ]
    );
    assert_eq!(rich_text("{\\it a priori}"), [Emph(vec![text("a priori")])]);
    // Not a switch: a longer command name.
    assert_eq!(rich_text("{\\emph x}"), [text("{\\emph x}")]);
    assert_eq!(
        rich_text("run `pip install x` now"),
        [text("run "), Code("pip install x".to_owned()), text(" now")]
    );
    assert_eq!(rich_text("\\texttt{a\\_b}"), [Code("a_b".to_owned())]);
    // Emphasis holds math and links.
    assert_eq!(
        rich_text("\\emph{an $\\epsilon$ at https://a.org}"),
        [Emph(vec![
            text("an "),
            math("\\epsilon"),
            text(" at "),
            link("https://a.org", "https://a.org")
        ])]
    );
    assert_eq!(
        rich_text("\\textbf{\\emph{both}}"),
        [Strong(vec![Emph(vec![text("both")])])]
    );
    // Unclosed, it is source text.
    assert_eq!(rich_text("\\emph{open"), [text("\\emph{open")]);
    assert_eq!(rich_text("\\emph{}"), [Emph(vec![])]);
}

#[test]
fn latex_quotes_are_not_code() {
    for plain in [
        "``think'' longer and ``code agent'' architectures",
        "a `planning theory of mind' task, and `x' too",
        "an `accelerated' bound",
        "```",
        "a ` b",
    ] {
        assert_eq!(rich_text(plain), [text(plain)], "{plain:?}");
    }
}

#[test]
fn links() {
    assert_eq!(
        rich_text("on [GitHub](https://github.com/a/b)."),
        [
            text("on "),
            link("GitHub", "https://github.com/a/b"),
            text(".")
        ]
    );
    assert_eq!(
        rich_text("[https://a.io/](https://a.io/)"),
        [link("https://a.io/", "https://a.io/")]
    );
    assert_eq!(
        rich_text("[wiki](https://en.wikipedia.org/wiki/Foo_(bar))"),
        [link("wiki", "https://en.wikipedia.org/wiki/Foo_(bar)")]
    );
    assert_eq!(
        rich_text("[mail](mailto:a@b.org)"),
        [link("mail", "mailto:a@b.org")]
    );
    assert_eq!(
        rich_text("[$\\epsilon$-nets](https://a.org)"),
        [Link {
            text: vec![math("\\epsilon"), text("-nets")],
            url: "https://a.org".to_owned()
        }]
    );
    assert_eq!(
        rich_text("code at \\url{https://github.com/x/y}."),
        [
            text("code at "),
            link("https://github.com/x/y", "https://github.com/x/y"),
            text(".")
        ]
    );
    assert_eq!(
        rich_text("\\href{https://a.org}{our \\emph{site}}"),
        [Link {
            text: vec![text("our "), Emph(vec![text("site")])],
            url: "https://a.org".to_owned()
        }]
    );
    // Not links: a space in the target, no target.
    for plain in [
        "[a] (mailto:b@c.org)",
        "[a](mailto:b c)",
        "[a]",
        "[](x)",
        "[a](b",
    ] {
        assert_eq!(
            rich_text(plain)
                .iter()
                .filter(|i| matches!(i, Link { .. }))
                .count(),
            0,
            "{plain:?}"
        );
    }
}

#[test]
fn unsafe_links_stay_text() {
    for hostile in [
        "[x](javascript:alert(1))",
        "[x](JavaScript:alert(1))",
        "[x](data:text/html,<script>alert(1)</script>)",
        "[x](javascript:alert('https://a.org'))",
        "\\url{javascript:alert(1)}",
        "\\href{javascript:alert(1)}{click}",
        "[x](//evil.org)",
        "[x](vbscript:msgbox)",
    ] {
        let out = rich_text(hostile);
        assert_eq!(out, [text(hostile)], "{hostile:?}");
    }
}

#[test]
fn markup_in_the_data_stays_text() {
    for hostile in [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "<b>bold</b> &amp; <i>it</i>",
    ] {
        assert_eq!(rich_text(hostile), [text(hostile)]);
    }
    assert_eq!(
        rich_text("\\emph{<script>x</script>}"),
        [Emph(vec![text("<script>x</script>")])]
    );
    assert_eq!(
        rich_text("`<img onerror=x>`"),
        [Code("<img onerror=x>".to_owned())]
    );
    // In math, markup characters become operators' text.
    let [Math { node, .. }] = &rich_text("$<b>$")[..] else {
        panic!("not math")
    };
    assert_eq!(
        node.children(),
        [
            MathNode::Operator("<".to_owned()),
            MathNode::Ident("b".to_owned()),
            MathNode::Operator(">".to_owned())
        ]
    );
}

#[test]
fn bare_urls_leave_out_trailing_punctuation() {
    let url = "https://github.com/x/y";
    for (after, rest) in [
        (".", "."),
        (",", ","),
        (";", ";"),
        (":", ":"),
        ("!", "!"),
        ("?", "?"),
        (").", ")."),
        ("'.", "'."),
    ] {
        let input = format!("at {url}{after} next");
        assert_eq!(
            rich_text(&input),
            [text("at "), link(url, url), text(&format!("{rest} next"))],
            "{input:?}"
        );
    }
    assert_eq!(
        rich_text("(see http://a.org/b_(c))"),
        [
            text("(see "),
            link("http://a.org/b_(c)", "http://a.org/b_(c)"),
            text(")")
        ]
    );
    assert_eq!(
        rich_text("https://a.org"),
        [link("https://a.org", "https://a.org")]
    );
    assert_eq!(
        rich_text("x https://a.org/~u?q=1&r=2#f y"),
        [
            text("x "),
            link("https://a.org/~u?q=1&r=2#f", "https://a.org/~u?q=1&r=2#f"),
            text(" y")
        ]
    );
    // Not a URL: inside a word, or nothing after the scheme.
    assert_eq!(rich_text("xhttps://a.org"), [text("xhttps://a.org")]);
    assert_eq!(rich_text("https://."), [text("https://.")]);
}

#[test]
fn text_escapes() {
    assert_eq!(
        rich_text("50\\% \\& \\#1 a\\_b \\{c\\}"),
        [text("50% & #1 a_b {c}")]
    );
}

#[test]
fn deep_nesting_stays_bounded() {
    let deep = format!("{}x{}", "\\emph{".repeat(10_000), "}".repeat(10_000));
    let out = rich_text(&deep);
    let mut depth = 0;
    let mut level = &out;
    while let [Emph(inner)] = &level[..] {
        depth += 1;
        level = inner;
    }
    assert_eq!(depth, super::MAX_NESTING);
    let links = format!(
        "{}x{}",
        "[".repeat(10_000),
        "](https://a.org)".repeat(10_000)
    );
    rich_text(&links);
    let unclosed = "\\emph{[$\\(`x'".repeat(10_000);
    assert_eq!(rich_text(&unclosed), [text(&unclosed)]);
}
