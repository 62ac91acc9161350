//! The MathML Core elements a formula is made of, and their markup for pages rendered ahead of
//! time.

/// One MathML element. [`MathNode::element`], [`MathNode::attribute`], [`MathNode::text`] and
/// [`MathNode::children`] say everything needed to build it, so building is a plain walk.
#[derive(Debug, Clone, PartialEq)]
pub enum MathNode {
    /// `<mi>`: a letter, a name such as `log`, or a symbol such as `∞`. A single letter is slanted.
    Ident(String),
    /// `<mi mathvariant="normal">`: a single letter kept upright (`\mathrm{d}`, capital Greek).
    Upright(String),
    /// `<mn>`: a number.
    Number(String),
    /// `<mo>`: an operator, relation, punctuation, or a fence that grows with its content.
    Operator(String),
    /// `<mo stretchy="false">`: a bracket written without `\left`/`\right` or a narrow accent, which
    /// TeX keeps at its natural size.
    Fixed(String),
    /// `<mtext>`: text inside math (`\text{…}`).
    Text(String),
    /// `<mspace width="…">`: horizontal space; the width is a CSS length.
    Space(&'static str),
    /// `<mrow>`: a group.
    Row(Vec<MathNode>),
    /// `<msub>`: base and subscript.
    Sub(Box<[MathNode; 2]>),
    /// `<msup>`: base and superscript.
    Sup(Box<[MathNode; 2]>),
    /// `<msubsup>`: base, subscript and superscript.
    SubSup(Box<[MathNode; 3]>),
    /// `<mfrac>`: numerator and denominator.
    Frac(Box<[MathNode; 2]>),
    /// `<msqrt>`: a square root.
    Sqrt(Box<MathNode>),
    /// `<mroot>`: radicand and index (`\sqrt[n]{x}`).
    Root(Box<[MathNode; 2]>),
    /// `<mover accent="true">`: base and the accent over it (`\hat{x}`).
    Accent(Box<[MathNode; 2]>),
}

impl MathNode {
    /// The MathML element's local name (in the MathML namespace).
    pub fn element(&self) -> &'static str {
        match self {
            MathNode::Ident(_) | MathNode::Upright(_) => "mi",
            MathNode::Number(_) => "mn",
            MathNode::Operator(_) | MathNode::Fixed(_) => "mo",
            MathNode::Text(_) => "mtext",
            MathNode::Space(_) => "mspace",
            MathNode::Row(_) => "mrow",
            MathNode::Sub(_) => "msub",
            MathNode::Sup(_) => "msup",
            MathNode::SubSup(_) => "msubsup",
            MathNode::Frac(_) => "mfrac",
            MathNode::Sqrt(_) => "msqrt",
            MathNode::Root(_) => "mroot",
            MathNode::Accent(_) => "mover",
        }
    }

    /// The element's one attribute, if it has one, as (name, value).
    pub fn attribute(&self) -> Option<(&'static str, &'static str)> {
        match self {
            MathNode::Upright(_) => Some(("mathvariant", "normal")),
            MathNode::Fixed(_) => Some(("stretchy", "false")),
            MathNode::Space(width) => Some(("width", width)),
            MathNode::Accent(_) => Some(("accent", "true")),
            _ => None,
        }
    }

    /// The text content of a token element (`mi`, `mn`, `mo`, `mtext`); `None` for the others.
    pub fn text(&self) -> Option<&str> {
        match self {
            MathNode::Ident(t)
            | MathNode::Upright(t)
            | MathNode::Number(t)
            | MathNode::Operator(t)
            | MathNode::Fixed(t)
            | MathNode::Text(t) => Some(t),
            _ => None,
        }
    }

    /// The child elements, in order; empty for token elements and `mspace`.
    pub fn children(&self) -> &[MathNode] {
        match self {
            MathNode::Row(nodes) => nodes,
            MathNode::Sub(n)
            | MathNode::Sup(n)
            | MathNode::Frac(n)
            | MathNode::Root(n)
            | MathNode::Accent(n) => &n[..],
            MathNode::SubSup(n) => &n[..],
            MathNode::Sqrt(n) => std::slice::from_ref(&**n),
            _ => &[],
        }
    }

    /// The node as MathML markup, its text escaped: for pages rendered to HTML ahead of time,
    /// where no DOM builds it element by element.
    pub fn markup(&self) -> String {
        let mut out = String::new();
        self.write_markup(&mut out);
        out
    }

    fn write_markup(&self, out: &mut String) {
        let element = self.element();
        out.push('<');
        out.push_str(element);
        if let Some((name, value)) = self.attribute() {
            out.push_str(&format!(" {name}=\"{}\"", crate::site::escape(value)));
        }
        out.push('>');
        if let Some(text) = self.text() {
            out.push_str(&crate::site::escape(text));
        }
        for child in self.children() {
            child.write_markup(out);
        }
        out.push_str(&format!("</{element}>"));
    }

    /// Whether the node is an operator, or one with scripts: TeX puts no extra space between it
    /// and a function name.
    pub(super) fn is_operator(&self) -> bool {
        match self {
            MathNode::Operator(_) | MathNode::Fixed(_) => true,
            MathNode::Sub(n) | MathNode::Sup(n) => n[0].is_operator(),
            MathNode::SubSup(n) => n[0].is_operator(),
            _ => false,
        }
    }
}
