use super::commands::{lookup, COMMANDS};
use super::parse::THIN;
use super::parse_math;
use super::MathNode::{self, *};

fn mi(s: &str) -> MathNode {
    Ident(s.to_owned())
}
fn up(s: &str) -> MathNode {
    Upright(s.to_owned())
}
fn mn(s: &str) -> MathNode {
    Number(s.to_owned())
}
fn mo(s: &str) -> MathNode {
    Operator(s.to_owned())
}
fn fixed(s: &str) -> MathNode {
    Fixed(s.to_owned())
}
fn row(nodes: Vec<MathNode>) -> MathNode {
    Row(nodes)
}
fn sub(a: MathNode, b: MathNode) -> MathNode {
    Sub(Box::new([a, b]))
}
fn sup(a: MathNode, b: MathNode) -> MathNode {
    Sup(Box::new([a, b]))
}
fn subsup(a: MathNode, b: MathNode, c: MathNode) -> MathNode {
    SubSup(Box::new([a, b, c]))
}
fn frac(a: MathNode, b: MathNode) -> MathNode {
    Frac(Box::new([a, b]))
}
fn accent(base: MathNode, accent: MathNode) -> MathNode {
    Accent(Box::new([base, accent]))
}
fn parse(src: &str) -> MathNode {
    parse_math(src).unwrap_or_else(|| panic!("{src:?} did not parse"))
}

#[test]
fn letters_numbers_and_operators() {
    assert_eq!(parse("x"), mi("x"));
    assert_eq!(parse("0.5"), mn("0.5"));
    assert_eq!(parse("12"), mn("12"));
    assert_eq!(
        parse("a+b-c=d<e>f"),
        row(vec![
            mi("a"),
            mo("+"),
            mi("b"),
            mo("−"),
            mi("c"),
            mo("="),
            mi("d"),
            mo("<"),
            mi("e"),
            mo(">"),
            mi("f")
        ])
    );
    assert_eq!(
        parse("(a, b] / |c|"),
        row(vec![
            fixed("("),
            mi("a"),
            mo(","),
            mi("b"),
            fixed("]"),
            mo("/"),
            fixed("|"),
            mi("c"),
            fixed("|")
        ])
    );
    // A point that ends a sentence is not part of the number.
    assert_eq!(parse("1."), row(vec![mn("1"), mo(".")]));
    assert_eq!(parse("NP"), row(vec![mi("N"), mi("P")]));
    assert_eq!(parse("2\\%"), row(vec![mn("2"), mo("%")]));
}

#[test]
fn greek_letters_and_symbols() {
    assert_eq!(parse("\\alpha"), mi("α"));
    assert_eq!(parse("\\epsilon"), mi("ϵ"));
    assert_eq!(parse("\\varepsilon"), mi("ε"));
    assert_eq!(parse("\\vartheta"), mi("ϑ"));
    assert_eq!(parse("\\varphi"), mi("φ"));
    // TeX sets capital Greek upright; a single-letter mi would slant it.
    assert_eq!(parse("\\Omega"), up("Ω"));
    assert_eq!(parse("\\Theta"), up("Θ"));
    assert_eq!(parse("\\ell"), mi("ℓ"));
    assert_eq!(parse("\\infty"), mi("∞"));
    assert_eq!(parse("\\partial"), mi("∂"));
    assert_eq!(parse("\\nabla"), mi("∇"));
    assert_eq!(parse("\\R"), mi("ℝ"));
    assert_eq!(parse("\\eps"), mi("ϵ"));
}

#[test]
fn relations_and_binary_operators() {
    let cases = [
        ("le", "≤"),
        ("ge", "≥"),
        ("leq", "≤"),
        ("geq", "≥"),
        ("neq", "≠"),
        ("approx", "≈"),
        ("sim", "∼"),
        ("propto", "∝"),
        ("in", "∈"),
        ("subset", "⊂"),
        ("to", "→"),
        ("rightarrow", "→"),
        ("cdot", "⋅"),
        ("times", "×"),
        ("pm", "±"),
        ("mid", "∣"),
        ("ll", "≪"),
        ("gg", "≫"),
        ("sum", "∑"),
        ("prod", "∏"),
        ("int", "∫"),
        ("ldots", "…"),
        ("dots", "…"),
        ("cdots", "⋯"),
    ];
    for (name, op) in cases {
        assert_eq!(
            parse(&format!("a \\{name} b")),
            row(vec![mi("a"), mo(op), mi("b")]),
            "\\{name}"
        );
    }
}

#[test]
fn fences() {
    assert_eq!(parse("\\|x\\|"), row(vec![fixed("‖"), mi("x"), fixed("‖")]));
    assert_eq!(
        parse("\\lVert x \\rVert"),
        row(vec![fixed("‖"), mi("x"), fixed("‖")])
    );
    assert_eq!(
        parse("\\langle a, b\\rangle"),
        row(vec![fixed("⟨"), mi("a"), mo(","), mi("b"), fixed("⟩")])
    );
    assert_eq!(parse("\\{1\\}"), row(vec![fixed("{"), mn("1"), fixed("}")]));
    // \left and \right make fences that grow with their content.
    assert_eq!(
        parse("\\left( \\frac{a}{b} \\right)"),
        row(vec![mo("("), frac(mi("a"), mi("b")), mo(")")])
    );
    assert_eq!(parse("\\left\\{ x \\right."), row(vec![mo("{"), mi("x")]));
    assert_eq!(
        parse("\\left\\| x \\right\\|_2"),
        sub(row(vec![mo("‖"), mi("x"), mo("‖")]), mn("2"))
    );
    // Sizes are left to the browser.
    assert_eq!(
        parse("\\big( x \\Bigr)"),
        row(vec![fixed("("), mi("x"), fixed(")")])
    );
}

#[test]
fn scripts_and_primes() {
    assert_eq!(parse("x_i"), sub(mi("x"), mi("i")));
    assert_eq!(parse("x^2"), sup(mi("x"), mn("2")));
    assert_eq!(parse("x^{10}"), sup(mi("x"), mn("10")));
    // A script without braces is a single token, so a single digit.
    assert_eq!(parse("x^10"), row(vec![sup(mi("x"), mn("1")), mn("0")]));
    let both = subsup(mi("x"), mi("i"), mn("2"));
    assert_eq!(parse("x_i^2"), both);
    assert_eq!(parse("x^2_i"), both);
    assert_eq!(parse("x_{i}^{2}"), both);
    assert_eq!(
        parse("\\sum_{i=1}^n"),
        subsup(mo("∑"), row(vec![mi("i"), mo("="), mn("1")]), mi("n"))
    );
    assert_eq!(parse("\\sum\\limits_i"), sub(mo("∑"), mi("i")));
    assert_eq!(parse("f'"), sup(mi("f"), mo("′")));
    assert_eq!(parse("f''"), sup(mi("f"), mo("′′")));
    assert_eq!(parse("f'^2"), sup(mi("f"), row(vec![mo("′"), mn("2")])));
    assert_eq!(
        parse("f_i'(x)"),
        row(vec![
            subsup(mi("f"), mi("i"), mo("′")),
            fixed("("),
            mi("x"),
            fixed(")")
        ])
    );
    assert_eq!(parse("x^\\alpha"), sup(mi("x"), mi("α")));
    assert_eq!(
        parse("{}^{13}C"),
        row(vec![sup(row(vec![]), mn("13")), mi("C")])
    );
}

#[test]
fn fractions_and_roots() {
    let half = frac(mn("1"), mn("2"));
    assert_eq!(parse("\\frac{1}{2}"), half);
    assert_eq!(parse("\\frac12"), half);
    assert_eq!(parse("\\tfrac{1}{2}"), half);
    assert_eq!(parse("\\dfrac 1 2"), half);
    assert_eq!(
        parse("\\frac{\\alpha^2}{\\varepsilon^2}"),
        frac(sup(mi("α"), mn("2")), sup(mi("ε"), mn("2")))
    );
    assert_eq!(parse("\\sqrt{n}"), Sqrt(Box::new(mi("n"))));
    assert_eq!(parse("\\sqrt 2"), Sqrt(Box::new(mn("2"))));
    assert_eq!(
        parse("\\sqrt[3]{x+1}"),
        Root(Box::new([row(vec![mi("x"), mo("+"), mn("1")]), mn("3")]))
    );
}

#[test]
fn fonts_use_mathematical_alphanumerics() {
    assert_eq!(parse("\\mathbb{R}"), mi("ℝ"));
    assert_eq!(parse("\\mathbb{E}"), mi("𝔼"));
    assert_eq!(parse("\\mathbb N"), mi("ℕ"));
    assert_eq!(
        parse("\\mathbb{ZQC1}"),
        row(vec![mi("ℤ"), mi("ℚ"), mi("ℂ"), mn("𝟙")])
    );
    assert_eq!(parse("\\mathcal{C}"), mi("𝒞"));
    assert_eq!(parse("\\mathcal{L}"), mi("ℒ"));
    assert_eq!(parse("\\mathcal H"), mi("ℋ"));
    assert_eq!(parse("\\mathbf{x}"), mi("𝐱"));
    assert_eq!(parse("\\bm{x}"), mi("𝒙"));
    assert_eq!(parse("\\mathsf{P}"), mi("𝖯"));
    assert_eq!(parse("\\mathit{h}"), mi("ℎ"));
    assert_eq!(parse("\\mathfrak{g}"), mi("𝔤"));
    // Roman letters run together into a name; a single one is made upright.
    assert_eq!(parse("\\mathrm{d}x"), row(vec![up("d"), mi("x")]));
    assert_eq!(
        parse("\\mathrm{SE}(3)"),
        row(vec![mi("SE"), fixed("("), mn("3"), fixed(")")])
    );
    assert_eq!(
        parse("{\\rm poly}(n)"),
        row(vec![mi("poly"), fixed("("), mi("n"), fixed(")")])
    );
    // A font switch ends with its group.
    assert_eq!(parse("{\\bf x}y"), row(vec![mi("𝐱"), mi("y")]));
    assert_eq!(parse("\\mathbf{\\alpha}"), mi("α"));
}

#[test]
fn text_in_math() {
    assert_eq!(
        parse("x \\text{ if } y"),
        row(vec![mi("x"), Text("\u{a0}if\u{a0}".to_owned()), mi("y")])
    );
    assert_eq!(parse("\\text{50\\%}"), Text("50%".to_owned()));
    assert_eq!(parse("\\mbox{a {b}}"), Text("a\u{a0}b".to_owned()));
    assert_eq!(parse("\\textbf{A}_1"), sub(Text("𝐀".to_owned()), mn("1")));
    // Text holding a command or math is not plain text.
    assert_eq!(parse_math("\\text{\\alpha}"), None);
    assert_eq!(parse_math("\\text{a $b$}"), None);
    assert_eq!(parse_math("\\text{open"), None);
}

#[test]
fn functions_are_spaced_like_tex() {
    let thin = || Space(THIN);
    assert_eq!(
        parse("n \\log n"),
        row(vec![mi("n"), thin(), mi("log"), thin(), mi("n")])
    );
    // No space next to a bracket or an operator.
    assert_eq!(
        parse("O(\\log(n))"),
        row(vec![
            mi("O"),
            fixed("("),
            mi("log"),
            fixed("("),
            mi("n"),
            fixed(")"),
            fixed(")")
        ])
    );
    assert_eq!(
        parse("\\max_{x} f"),
        row(vec![sub(mi("max"), mi("x")), thin(), mi("f")])
    );
    assert_eq!(
        parse("\\log^2 T"),
        row(vec![sup(mi("log"), mn("2")), thin(), mi("T")])
    );
    assert_eq!(
        parse("\\operatorname{rank}(A)"),
        row(vec![mi("rank"), fixed("("), mi("A"), fixed(")")])
    );
    assert_eq!(
        parse("\\operatorname*{arg\\,max} x"),
        row(vec![
            row(vec![mi("arg"), thin(), mi("max")]),
            thin(),
            mi("x")
        ])
    );
    for name in ["exp", "min", "sup", "inf", "lim", "arg", "ln"] {
        assert_eq!(parse(&format!("\\{name}")), mi(name));
    }
}

#[test]
fn spacing() {
    assert_eq!(
        parse("a\\,b\\;c\\quad d"),
        row(vec![
            mi("a"),
            Space("0.1667em"),
            mi("b"),
            Space("0.2778em"),
            mi("c"),
            Space("1em"),
            mi("d")
        ])
    );
    // A negative thin space only kerns; it is dropped.
    assert_eq!(parse("+\\!3"), row(vec![mo("+"), mn("3")]));
}

#[test]
fn accents() {
    assert_eq!(parse("\\hat{x}"), accent(mi("x"), fixed("^")));
    assert_eq!(parse("\\hat x"), accent(mi("x"), fixed("^")));
    assert_eq!(
        parse("\\tilde{O}(n)"),
        row(vec![
            accent(mi("O"), fixed("~")),
            fixed("("),
            mi("n"),
            fixed(")")
        ])
    );
    assert_eq!(parse("\\bar{x}"), accent(mi("x"), fixed("¯")));
    assert_eq!(parse("\\vec{v}"), accent(mi("v"), fixed("→")));
    assert_eq!(parse("\\dot x"), accent(mi("x"), fixed("˙")));
    // Wide accents stretch over their base.
    assert_eq!(parse("\\widetilde{\\Theta}"), accent(up("Θ"), mo("~")));
    assert_eq!(
        parse("\\widehat{xy}"),
        accent(row(vec![mi("x"), mi("y")]), mo("^"))
    );
    assert_eq!(
        parse("\\overline{AB}"),
        accent(row(vec![mi("A"), mi("B")]), mo("‾"))
    );
}

#[test]
fn malformed_or_unknown_math_is_refused() {
    for src in [
        "",
        "   ",
        "\\frac{a}",
        "\\frac{a}{",
        "x^",
        "x_",
        "x^{2",
        "x^2^3",
        "x_1_2",
        "\\unknowncmd",
        "\\cO(n)",
        "{a",
        "a}",
        "\\left( x",
        "x \\right)",
        "\\left< x \\right>",
        "\\sqrt[3",
        "a & b",
        "a \\\\ b",
        "50%",
        "\\",
        "x^{}}",
    ] {
        assert_eq!(parse_math(src), None, "{src:?}");
    }
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    for (open, close) in [
        ("{", "}"),
        ("\\sqrt{", "}"),
        ("x^{", "}"),
        ("\\left(", "\\right)"),
    ] {
        let deep = format!("{}x{}", open.repeat(10_000), close.repeat(10_000));
        assert_eq!(parse_math(&deep), None, "{open}");
    }
    assert_eq!(parse_math(&"\\sqrt".repeat(10_000)), None);
    assert_eq!(parse_math(&"x^".repeat(10_000)), None);
    // Moderate nesting is fine.
    let nested = format!("{}x{}", "{".repeat(10), "}".repeat(10));
    assert_eq!(parse(&nested), mi("x"));
}

#[test]
fn hostile_text_stays_text() {
    assert_eq!(
        parse("\\text{<script>alert(1)</script>}"),
        Text("<script>alert(1)</script>".to_owned())
    );
    let node = parse("<img onerror=x>");
    assert_eq!(node.children()[0], mo("<"));
    assert_eq!(node.children().last(), Some(&mo(">")));
}

#[test]
fn the_command_table_is_well_formed() {
    let mut names = std::collections::HashSet::new();
    for line in COMMANDS.lines().skip(1) {
        let (name, rest) = line.split_once('=').unwrap();
        assert!(names.insert(name), "\\{name} twice");
        assert!(
            "iuofnsawmkt".contains(rest.chars().next().unwrap()),
            "{line}"
        );
        assert!(lookup(name).is_some(), "{line}");
    }
    assert_eq!(lookup("alph"), None);
    assert_eq!(lookup("lpha"), None);
}

#[test]
fn each_node_names_its_element() {
    let node = parse("\\hat{x}_1^{\\frac{a}{\\sqrt{b}}} \\mathrm{d} \\, \\sqrt[n]{\\text{t}} (1)");
    let mut seen = Vec::new();
    fn walk(node: &MathNode, seen: &mut Vec<String>) {
        let attribute = node
            .attribute()
            .map_or(String::new(), |(k, v)| format!(" {k}={v}"));
        let text = node.text().unwrap_or_default();
        seen.push(format!("{}{attribute}:{text}", node.element()));
        assert!(node.text().is_none() || node.children().is_empty());
        for child in node.children() {
            walk(child, seen);
        }
    }
    walk(&node, &mut seen);
    assert_eq!(
        seen,
        [
            "mrow:",
            "msubsup:",
            "mover accent=true:",
            "mi:x",
            "mo stretchy=false:^",
            "mn:1",
            "mfrac:",
            "mi:a",
            "msqrt:",
            "mi:b",
            "mi mathvariant=normal:d",
            "mspace width=0.1667em:",
            "mroot:",
            "mtext:t",
            "mi:n",
            "mo stretchy=false:(",
            "mn:1",
            "mo stretchy=false:)",
        ]
    );
}

#[test]
fn markup_escapes_every_text() {
    let node = parse_math(r"\text{<b>&</b>} < x_{i}").unwrap();
    let markup = node.markup();
    assert_eq!(
        markup,
        "<mrow><mtext>&lt;b&gt;&amp;&lt;/b&gt;</mtext><mo>&lt;</mo><msub><mi>x</mi><mi>i</mi></msub></mrow>"
    );
}
