//! Where each entity and field of a RON file stands.
//!
//! serde gives values, not positions. Semantic errors must still name the line and column of
//! the entity (SPEC §2), so after `ron` has accepted a file this module scans its structure once
//! more, recording the byte offset of every value, struct field and list element. The i-th
//! element of `staff: [...]` in the scan is the i-th `Staff` serde produced.

/// A value in a RON file and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Byte offset of the value's first character.
    pub offset: usize,
    /// Byte length of the value's text.
    pub len: usize,
    /// What kind of value it is.
    pub shape: Shape,
}

/// The structure of a value, without its contents.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// `Name(field: value, ...)` or `(field: value, ...)`.
    Struct {
        /// The struct or variant name, if written.
        name: Option<String>,
        /// Each field: name, byte offset of the name, value.
        fields: Vec<(String, usize, Node)>,
    },
    /// `Name(a, b)` or `(a, b)`.
    Tuple {
        /// The name, if written.
        name: Option<String>,
        /// The items.
        items: Vec<Node>,
    },
    /// `[a, b]`.
    List(Vec<Node>),
    /// `{k: v}`.
    Map(Vec<(Node, Node)>),
    /// A string, number, char, identifier or unit.
    Scalar,
}

impl Node {
    /// The value of a named field of a struct.
    pub fn field(&self, name: &str) -> Option<&Node> {
        self.field_entry(name).map(|(_, n)| n)
    }

    /// The byte offset of a field's name and its value.
    pub fn field_entry(&self, name: &str) -> Option<(usize, &Node)> {
        match &self.shape {
            Shape::Struct { fields, .. } => fields
                .iter()
                .find(|(n, _, _)| n == name)
                .map(|(_, off, node)| (*off, node)),
            // `Some(x)` written explicitly: look inside.
            Shape::Tuple { items, .. } if items.len() == 1 => items[0].field_entry(name),
            _ => None,
        }
    }

    /// The elements of a list.
    pub fn items(&self) -> &[Node] {
        match &self.shape {
            Shape::List(items) => items,
            Shape::Tuple { items, .. } if items.len() == 1 => items[0].items(),
            _ => &[],
        }
    }

    /// The name of a struct, tuple or identifier.
    pub fn name(&self) -> Option<&str> {
        match &self.shape {
            Shape::Struct { name, .. } | Shape::Tuple { name, .. } => name.as_deref(),
            _ => None,
        }
    }
}

const MAX_DEPTH: usize = 256;

/// Scans a RON text into its shape. Returns `None` if the text is not well-formed RON (call it
/// only on text that `ron` accepted; it never panics on any input).
pub fn scan(text: &str) -> Option<Node> {
    let mut s = Scanner {
        b: text.as_bytes(),
        i: 0,
    };
    s.skip_trivia();
    // Skip `#![enable(...)]` attributes.
    while s.peek() == Some(b'#') {
        while let Some(c) = s.peek() {
            s.i += 1;
            if c == b']' {
                break;
            }
        }
        s.skip_trivia();
    }
    let node = s.value(0)?;
    Some(node)
}

/// Offset of the first token at or after `offset`: skips white space and comments. ron's error
/// spans may start on the white space before the bad token.
pub fn next_token(text: &str, offset: usize) -> usize {
    let mut s = Scanner {
        b: text.as_bytes(),
        i: offset.min(text.len()),
    };
    s.skip_trivia();
    s.i
}

/// The byte length of the token that starts at `offset` (at least 1 unless at the end).
pub fn token_len(text: &str, offset: usize) -> usize {
    let b = text.as_bytes();
    if offset >= b.len() {
        return 0;
    }
    let mut s = Scanner { b, i: offset };
    let start = s.i;
    match b[offset] {
        b'"' => {
            s.string();
        }
        c if c.is_ascii_alphanumeric() || c == b'_' || c == b'-' || c == b'+' || c >= 0x80 => {
            s.ident_or_number();
        }
        _ => {
            s.i += text[offset..].chars().next().map_or(1, char::len_utf8);
        }
    }
    (s.i - start).max(1)
}

/// What surrounds a byte offset of a text that may not be valid RON: the brackets still open
/// there and the last string literal before it. Syntax errors use it to point at the cause (the
/// bracket that is never closed, the string whose closing quote is missing) rather than at the
/// place where the parser gave up. One pass over the text; never panics.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    /// Byte offsets of the `(`, `[` and `{` still open at the offset, outermost first.
    pub open: Vec<usize>,
    /// Byte range of the last string literal that ends at or before the offset.
    pub last_string: Option<(usize, usize)>,
    /// Byte offset of a `/*` comment that is never closed.
    pub unclosed_comment: Option<usize>,
    /// Byte offset of the opening quote of a string that is never closed.
    pub unclosed_string: Option<usize>,
}

/// Scans `text` up to byte `upto` (see [`Context`]).
pub fn context_at(text: &str, upto: usize) -> Context {
    let b = text.as_bytes();
    let upto = upto.min(b.len());
    let mut s = Scanner { b, i: 0 };
    let mut cx = Context::default();
    while s.i < upto {
        let start = s.i;
        match b[start] {
            b'/' if b.get(start + 1) == Some(&b'/') => {
                while s.peek().is_some_and(|c| c != b'\n') {
                    s.i += 1;
                }
            }
            b'/' if b.get(start + 1) == Some(&b'*') => {
                if !s.block_comment() {
                    cx.unclosed_comment = Some(start);
                }
            }
            b'"' => {
                if !s.string() {
                    cx.unclosed_string = Some(start);
                    break;
                }
                if s.i > upto {
                    break;
                }
                cx.last_string = Some((start, s.i));
            }
            b'r' | b'b' if s.is_raw_string() => {
                s.raw_string();
                if s.i > upto {
                    break;
                }
                cx.last_string = Some((start, s.i.min(b.len())));
            }
            b'(' | b'[' | b'{' => {
                cx.open.push(start);
                s.i += 1;
            }
            b')' | b']' | b'}' => {
                cx.open.pop();
                s.i += 1;
            }
            c if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 => {
                // A whole word at once, so that the `r` ending `number"` is not taken for a
                // raw string.
                s.ident();
            }
            _ => s.i += 1,
        }
    }
    cx
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn skip_trivia(&mut self) {
        loop {
            match self.peek() {
                Some(_) if self.whitespace_len() > 0 => self.i += self.whitespace_len(),
                Some(b'/') if self.b.get(self.i + 1) == Some(&b'/') => {
                    while let Some(c) = self.peek() {
                        if c == b'\n' {
                            break;
                        }
                        self.i += 1;
                    }
                }
                Some(b'/') if self.b.get(self.i + 1) == Some(&b'*') => {
                    self.block_comment();
                }
                _ => return,
            }
        }
    }

    /// The byte length of the white space character at the cursor (0 if none). The same set
    /// as ron's (Rust's Pattern_White_Space): a vertical tab or U+2028 separates tokens too.
    fn whitespace_len(&self) -> usize {
        let rest = &self.b[self.i.min(self.b.len())..];
        match rest {
            [b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C, ..] => 1,
            [0xC2, 0x85, ..] => 2, // U+0085 next line
            [0xE2, 0x80, 0x8E | 0x8F | 0xA8 | 0xA9, ..] => 3, // U+200E/F marks, U+2028/9
            _ => 0,
        }
    }

    /// At `/*`: skips a (nested) block comment. Returns whether it is closed.
    fn block_comment(&mut self) -> bool {
        self.i += 2;
        let mut depth = 1;
        while depth > 0 && self.i < self.b.len() {
            if self.b[self.i..].starts_with(b"/*") {
                depth += 1;
                self.i += 2;
            } else if self.b[self.i..].starts_with(b"*/") {
                depth -= 1;
                self.i += 2;
            } else {
                self.i += 1;
            }
        }
        depth == 0
    }

    /// At '"': skips a string. Returns whether it is closed.
    fn string(&mut self) -> bool {
        self.i += 1;
        while let Some(c) = self.peek() {
            self.i += 1;
            match c {
                b'\\' => self.i += 1,
                b'"' => return true,
                _ => {}
            }
        }
        // A backslash ending the text must not leave the cursor past it.
        self.i = self.i.min(self.b.len());
        false
    }

    fn raw_string(&mut self) {
        // at 'r' or 'br'
        while self.peek() != Some(b'"') && self.peek() != Some(b'#') {
            self.i += 1;
        }
        let mut hashes = 0;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.i += 1;
        }
        self.i += 1; // '"'
        while self.i < self.b.len() {
            if self.b[self.i] == b'"' {
                let end = self.i + 1 + hashes;
                if end <= self.b.len() && self.b[self.i + 1..end].iter().all(|&c| c == b'#') {
                    self.i = end;
                    return;
                }
            }
            self.i += 1;
        }
        self.i = self.i.min(self.b.len());
    }

    fn ident_or_number(&mut self) {
        while let Some(c) = self.peek() {
            if c.is_ascii_alphanumeric()
                || c == b'_'
                || c == b'.'
                || c == b'-'
                || c == b'+'
                || c >= 0x80
            {
                // A '-' or '+' only continues a number's exponent; identifiers never hold them
                // in RON, but ids are always quoted strings, so this is safe.
                self.i += 1;
            } else {
                break;
            }
        }
    }

    /// An identifier; a raw identifier `r#name` gives `name` (as serde sees it).
    fn ident(&mut self) -> String {
        let raw = self.b[self.i..].starts_with(b"r#");
        if raw {
            self.i += 2;
        }
        let start = self.i;
        while let Some(c) = self.peek() {
            // Raw identifiers may also hold `.`, `+` and `-`.
            if c.is_ascii_alphanumeric()
                || c == b'_'
                || c >= 0x80
                || (raw && matches!(c, b'.' | b'+' | b'-'))
            {
                self.i += 1;
            } else {
                break;
            }
        }
        String::from_utf8_lossy(&self.b[start..self.i]).into_owned()
    }

    fn value(&mut self, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_trivia();
        let start = self.i;
        let c = self.peek()?;
        let shape = match c {
            b'"' => {
                self.string();
                Shape::Scalar
            }
            // A byte string `b"..."` or byte `b'.'`.
            b'b' if matches!(self.b.get(self.i + 1), Some(b'"' | b'\'')) => {
                self.i += 1;
                return self.value(depth + 1).map(|n| Node {
                    offset: start,
                    len: n.offset + n.len - start,
                    shape: Shape::Scalar,
                });
            }
            b'\'' => {
                self.i += 1;
                if self.peek() == Some(b'\\') {
                    self.i += 1;
                }
                while let Some(c) = self.peek() {
                    self.i += 1;
                    if c == b'\'' {
                        break;
                    }
                }
                Shape::Scalar
            }
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_trivia();
                    match self.peek()? {
                        b']' => {
                            self.i += 1;
                            break;
                        }
                        b',' => self.i += 1,
                        _ => items.push(self.value(depth + 1)?),
                    }
                }
                Shape::List(items)
            }
            b'{' => {
                self.i += 1;
                let mut entries = Vec::new();
                loop {
                    self.skip_trivia();
                    match self.peek()? {
                        b'}' => {
                            self.i += 1;
                            break;
                        }
                        b',' => self.i += 1,
                        _ => {
                            let k = self.value(depth + 1)?;
                            self.skip_trivia();
                            if self.peek()? != b':' {
                                return None;
                            }
                            self.i += 1;
                            let v = self.value(depth + 1)?;
                            entries.push((k, v));
                        }
                    }
                }
                Shape::Map(entries)
            }
            b'(' => self.parens(None, depth)?,
            b'r' | b'b' if self.is_raw_string() => {
                self.raw_string();
                Shape::Scalar
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let name = self.ident();
                let save = self.i;
                self.skip_trivia();
                match self.peek() {
                    Some(b'(') => self.parens(Some(name), depth)?,
                    // ron reads `Some "x"` (no parentheses) as `Some("x")` under implicit_some:
                    // the value is the one that follows.
                    Some(c) if name == "Some" && !matches!(c, b',' | b')' | b']' | b'}' | b':') => {
                        return self.value(depth + 1);
                    }
                    _ => {
                        self.i = save;
                        Shape::Scalar
                    }
                }
            }
            _ => {
                self.ident_or_number();
                if self.i == start {
                    return None;
                }
                Shape::Scalar
            }
        };
        Some(Node {
            offset: start,
            len: self.i - start,
            shape,
        })
    }

    /// At `r"`, `r#"`, `br##"`…: a raw string. (`r#name` is a raw identifier, not a string.)
    fn is_raw_string(&self) -> bool {
        let rest = &self.b[self.i..];
        let rest = rest.strip_prefix(b"b").unwrap_or(rest);
        let Some(rest) = rest.strip_prefix(b"r") else {
            return false;
        };
        let hashes = rest.iter().take_while(|&&c| c == b'#').count();
        rest.get(hashes) == Some(&b'"')
    }

    /// At '(' : a struct with named fields, or a tuple.
    fn parens(&mut self, name: Option<String>, depth: usize) -> Option<Shape> {
        self.i += 1;
        self.skip_trivia();
        // Named fields start with `ident :` (but not `ident(` or `ident ::`).
        let save = self.i;
        let named = if self
            .peek()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_')
        {
            self.ident();
            self.skip_trivia();
            let colon = self.peek() == Some(b':');
            self.i = save;
            colon
        } else {
            false
        };
        if named {
            let mut fields = Vec::new();
            loop {
                self.skip_trivia();
                match self.peek()? {
                    b')' => {
                        self.i += 1;
                        break;
                    }
                    b',' => self.i += 1,
                    _ => {
                        let off = self.i;
                        let field = self.ident();
                        if field.is_empty() {
                            return None;
                        }
                        self.skip_trivia();
                        if self.peek()? != b':' {
                            return None;
                        }
                        self.i += 1;
                        let v = self.value(depth + 1)?;
                        fields.push((field, off, v));
                    }
                }
            }
            Some(Shape::Struct { name, fields })
        } else {
            let mut items = Vec::new();
            loop {
                self.skip_trivia();
                match self.peek()? {
                    b')' => {
                        self.i += 1;
                        break;
                    }
                    b',' => self.i += 1,
                    _ => items.push(self.value(depth + 1)?),
                }
            }
            Some(Shape::Tuple { name, items })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_elements_and_fields() {
        let text = r#"// c
Model(
    name: "Xã (1)",
    staff: [ Staff(id: "a", n: 1.5e3), /* x */ Staff(id: "b", p: Some("x")) ],
)"#;
        let root = scan(text).unwrap();
        assert_eq!(root.name(), Some("Model"));
        let staff = root.field("staff").unwrap().items();
        assert_eq!(staff.len(), 2);
        assert_eq!(&text[staff[1].offset..staff[1].offset + 6], "Staff(");
        let (off, _) = staff[0].field_entry("n").unwrap();
        assert_eq!(&text[off..off + 1], "n");
        assert!(staff[1].field("p").unwrap().field("x").is_none());
    }

    #[test]
    fn never_panics_on_garbage() {
        for t in [
            "",
            "(",
            "[[[",
            "A(b:",
            "\"abc",
            "r#\"",
            "'",
            "{a",
            "A(b: c d)",
            "#![",
        ] {
            let _ = scan(t);
        }
        let deep = "[".repeat(10_000);
        assert!(scan(&deep).is_none());
    }

    #[test]
    fn context_finds_open_brackets_and_the_last_string() {
        let t = "Model(\n  name: \"a)(\", // (\n  units: [ Unit(id: \"x";
        let cx = context_at(t, t.len());
        let opens: Vec<&str> = cx.open.iter().map(|&o| &t[o..=o]).collect();
        assert_eq!(opens, ["(", "[", "("]);
        let (s, e) = cx.last_string.unwrap();
        assert_eq!(&t[s..e], "\"a)(\"");
        assert_eq!(cx.unclosed_comment, None);
        let c = "a /* b /* c */";
        assert_eq!(context_at(c, c.len()).unclosed_comment, Some(2));
        assert_eq!(token_len("\"ab\\", 0), 4);
    }

    #[test]
    fn raw_identifiers_byte_strings_and_raw_strings_are_followed() {
        let text = r###"Model(r#name: "a", as_of: br#"x"#, b: [b"y", b'z', r"w", r##"v"##])"###;
        let root = scan(text).unwrap();
        assert!(root.field("name").is_some());
        assert_eq!(root.field("b").unwrap().items().len(), 4);
    }

    #[test]
    fn some_without_parentheses_is_the_value_after_it() {
        // Regression: fuzz crash bb673e7d, `template: Some"-"`, which ron accepts.
        let text = r#"Merger(template: Some"-", positions: Some [Position(id: "a")], from: [])"#;
        let root = scan(text).unwrap();
        assert_eq!(root.field("positions").unwrap().items().len(), 1);
        assert!(root.field("from").is_some());
    }

    #[test]
    fn white_space_is_what_ron_skips() {
        // Regression: fuzz crash 7b70d1f5, a vertical tab inside a list.
        let text = "Model(name: \"\",as_of:\"\",functions:[\u{0b}],\u{2028}units:[\u{200e}])";
        let root = scan(text).unwrap();
        assert!(root.field("functions").unwrap().items().is_empty());
        assert!(root.field("units").unwrap().items().is_empty());
    }

    #[test]
    fn next_token_skips_space_and_comments() {
        let t = "a,  // c\n  /* d */ b";
        assert_eq!(&t[next_token(t, 2)..], "b");
    }
}
