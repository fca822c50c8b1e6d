//! JSON as the core sees it. Reading: values the platform already parsed (`JSON.parse` in the
//! browser, serde_json in native tests), through the `Value` trait, so the wasm carries no
//! parser. Writing: a string-literal writer for the small documents the core produces.

use alloc::string::String;

/// A JSON value's type; `Other` is what JSON cannot hold (undefined, a function).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
    Other,
}

impl Kind {
    /// For messages that say what was found instead.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Bool => "a boolean",
            Kind::Number => "a number",
            Kind::String => "a string",
            Kind::Array => "an array",
            Kind::Object => "an object",
            Kind::Other => "not JSON",
        }
    }
}

/// A parsed JSON value. Arrays and objects are read by position: an array's items, or an
/// object's members in order (`key` gives the member's name).
pub trait Value: Sized {
    fn kind(&self) -> Kind;
    fn string(&self) -> Option<String>;
    fn boolean(&self) -> Option<bool>;
    /// A number as the platform writes it (`String(n)`): the core only compares numbers with
    /// the ones it expects and quotes them in messages, so it needs no float formatting.
    fn number(&self) -> Option<String>;
    /// An object's own member, if it has one.
    fn get(&self, key: &str) -> Option<Self>;
    /// The number of items or members.
    fn len(&self) -> usize;
    /// The name of member `i` of an object.
    fn key(&self, i: usize) -> String;
    /// Item `i` of an array, or the value of member `i` of an object.
    fn at(&self, i: usize) -> Self;

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether an object has its own member `key`.
    fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Member `key` when it is a string. One step, because in the browser each member read
    /// crosses into JavaScript.
    fn string_of(&self, key: &str) -> Option<String> {
        self.get(key)?.string()
    }
}

/// Appends `s` as a JSON string literal.
#[inline(never)]
pub fn write_str(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                out.push(char::from(HEX[(c as usize) >> 4]));
                out.push(char::from(HEX[(c as usize) & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Appends the comma before an item or member, unless `out` just opened its array or object.
#[inline(never)]
pub fn comma(out: &mut String) {
    // On bytes: `str::ends_with` with a char pattern brings UTF-8 decoding (~300 B of wasm).
    if !matches!(out.as_bytes().last(), Some(b'{' | b'[')) {
        out.push(',');
    }
}

/// Appends `"key":`, after a comma unless `out` just opened its object.
#[inline(never)]
pub fn write_key(out: &mut String, key: &str) {
    comma(out);
    write_str(out, key);
    out.push(':');
}

/// `parts` joined. Not `concat()`: its overflow `expect` links string formatting into the wasm.
#[inline(never)]
pub fn cat(parts: &[&str]) -> String {
    let mut out = String::new();
    for part in parts {
        out.push_str(part);
    }
    out
}

/// Appends `s` as it is. One call, not inlined: a few bytes of wasm per piece written.
#[inline(never)]
pub fn push(out: &mut String, s: &str) {
    out.push_str(s);
}
