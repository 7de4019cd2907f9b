//! The crate's one reader of JSON text: text in, a [`Json`] out, read the way `JSON.parse` reads it,
//! except that a key given twice in one object is refused.
//!
//! Every text the crate reads goes through here: the arguments the WebAssembly boundary receives
//! (plain or [marked](read_marked)), and the request bodies an edge and a backend decide on. So one
//! text has one reading on every host. Why refuse duplicate keys? `JSON.parse` keeps the last of two,
//! many readers keep the first: a body such as `{"role":"owner","role":"member"}` would be one
//! request to an edge and another to the backend behind it. Refused, it is no request at all
//! ([`ReadError::DuplicateKey`], at the second key's path). Marked text, which the package writes from
//! a JavaScript object (whose keys are distinct by construction), keeps every key it gives.
//!
//! Numbers are read as `JSON.parse` reads them ([`decimal`](crate::base::decimal)): to the nearest
//! double, a value past the largest double as ±Infinity (which no rule accepts: it is reported where
//! it stands), `-0` as negative zero. Like [`Json`]'s serde reader, nesting past [`MAX_DEPTH`] and
//! lists or objects past [`MAX_ITEMS`] are left unread (checked for well-formedness only) and become
//! [`Unsupported::TooDeep`] and [`Unsupported::TooManyItems`].
//!
//! ```
//! use workspace_rules::base::json::Json;
//! use workspace_rules::base::json_text::{read, ReadError};
//!
//! assert_eq!(read(r#"{"speed": 1.5}"#), Ok(Json::Object(vec![("speed".into(), Json::Number(1.5))])));
//! let twice = read(r#"{"email": "x@example.com", "role": "owner", "role": "member"}"#);
//! assert_eq!(twice, Err(ReadError::DuplicateKey { path: "/role".into() }));
//! ```

use crate::base::decimal;
use crate::base::error::{push_segment, Code, RuleError};
use crate::base::json::{Json, Unsupported, MAX_DEPTH, MAX_ITEMS};

/// Why a text was not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// The text is not JSON; `at` is the byte offset where reading stopped.
    Syntax { at: usize },
    /// A `\u` escape of a lone surrogate: JSON allows it, but it has no Rust `String`. (The
    /// JavaScript package sends such strings on its marked path, made well-formed.)
    LoneSurrogate { at: usize },
    /// A key given a second time in one object; `path` is the JSON Pointer of the second one.
    DuplicateKey { path: String },
}

impl ReadError {
    /// The refusal, for a text read as the input at `path` (`""` for the whole input).
    pub fn into_rule_error(self, path: &str) -> RuleError {
        match self {
            ReadError::DuplicateKey { path: key } => RuleError::single(
                Code::DuplicateKey,
                format!("{path}{key}"),
                "This key is given twice in one object; JSON text must name each key once.",
            ),
            ReadError::Syntax { at } => RuleError::single(
                Code::InvalidJson,
                path,
                format!("The text is not JSON (at byte {at})."),
            ),
            ReadError::LoneSurrogate { at } => RuleError::single(
                Code::InvalidJson,
                path,
                format!("The text escapes a lone surrogate, which is not text (at byte {at})."),
            ),
        }
    }
}

/// Reads JSON text: one value, with whitespace around it.
pub fn read(text: &str) -> Result<Json, ReadError> {
    Reader::new(text, false).whole()
}

/// Reads *marked* JSON text: what the JavaScript package sends for arguments that are not plain JSON
/// data. A string that starts with U+0000 is a mark, the name of an [`Unsupported`] value
/// ([`Unsupported::as_str`]) or `-0` after it; a string the caller gave that starts with U+0000 has a
/// second one in front. A key that starts with U+0000 is the key after its second U+0000 (U+0000, its
/// position, U+0000, the key: how the package keeps keys that an object of its own would move or
/// merge, in the order the caller's object gave them). JSON cannot carry NaN, ±Infinity, -0,
/// `undefined` in a list, a BigInt, a symbol or a function, and the package marks nesting past
/// [`MAX_DEPTH`] (a cycle ends there) and lists past [`MAX_ITEMS`] as it finds them.
///
/// ```
/// use workspace_rules::base::json::{Json, Unsupported};
/// use workspace_rules::base::json_text::read_marked;
///
/// let v = read_marked(r#"["\u0000NaN", "\u0000\u0000x", "\u0000-0", "x"]"#).unwrap();
/// assert_eq!(v, Json::Array(vec![
///     Json::Unsupported(Unsupported::NaN), Json::from("\0x"), Json::Number(-0.0), Json::from("x"),
/// ]));
/// ```
pub fn read_marked(text: &str) -> Result<Json, ReadError> {
    Reader::new(text, true).whole()
}

/// Reads the JSON text of an argument list, an array, into its items (each read as [`read`] or
/// [`read_marked`] reads a whole text; the list itself has no item limit).
pub fn read_list(text: &str, marked: bool) -> Result<Vec<Json>, ReadError> {
    let mut r = Reader::new(text, marked);
    let mut items = Vec::new();
    r.list(|r, i| {
        items.push(r.value(0).map_err(|e| e.under_index(i))?);
        Ok(())
    })?;
    Ok(items)
}

/// The text of each item of an array, exactly as written (without the whitespace around it), checked
/// to be well-formed JSON but not read: for a caller that reads some items only when it needs them.
pub fn list_items(text: &str) -> Result<Vec<&str>, ReadError> {
    let mut r = Reader::new(text, false);
    let mut items = Vec::new();
    r.list(|r, _| {
        let start = r.at;
        r.skip()?;
        items.push(&r.text[start..r.at]);
        Ok(())
    })?;
    Ok(items)
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    marked: bool,
}

impl ReadError {
    fn under(mut self, key: &str) -> Self {
        if let ReadError::DuplicateKey { path } = &mut self {
            let mut prefix = String::new();
            push_segment(&mut prefix, key);
            path.insert_str(0, &prefix);
        }
        self
    }

    fn under_index(self, i: usize) -> Self {
        self.under(&i.to_string())
    }
}

impl<'a> Reader<'a> {
    fn new(text: &'a str, marked: bool) -> Self {
        Reader {
            text,
            bytes: text.as_bytes(),
            at: 0,
            marked,
        }
    }

    fn syntax(&self) -> ReadError {
        ReadError::Syntax { at: self.at }
    }

    fn whole(mut self) -> Result<Json, ReadError> {
        let v = self.value(0)?;
        self.end()?;
        Ok(v)
    }

    fn end(&mut self) -> Result<(), ReadError> {
        self.space();
        if self.at == self.bytes.len() {
            Ok(())
        } else {
            Err(self.syntax())
        }
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.space();
        self.bytes.get(self.at).copied()
    }

    fn eat(&mut self, b: u8) -> Result<(), ReadError> {
        if self.peek() == Some(b) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.syntax())
        }
    }

    fn literal(&mut self, word: &str) -> Result<(), ReadError> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(())
        } else {
            Err(self.syntax())
        }
    }

    /// A whole array, calling `item` for each item, then the end of the text.
    fn list(
        &mut self,
        mut item: impl FnMut(&mut Self, usize) -> Result<(), ReadError>,
    ) -> Result<(), ReadError> {
        self.eat(b'[')?;
        let mut i = 0;
        if self.peek() == Some(b']') {
            self.at += 1;
        } else {
            loop {
                self.space();
                item(self, i)?;
                i += 1;
                match self.peek() {
                    Some(b',') => self.at += 1,
                    Some(b']') => {
                        self.at += 1;
                        break;
                    }
                    _ => return Err(self.syntax()),
                }
            }
        }
        self.end()
    }

    /// One value at nesting `depth` (0 for a whole text).
    fn value(&mut self, depth: usize) -> Result<Json, ReadError> {
        match self.peek() {
            Some(b'{' | b'[') if depth >= MAX_DEPTH => {
                self.skip()?;
                Ok(Json::Unsupported(Unsupported::TooDeep))
            }
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => {
                let s = self.string()?;
                Ok(if self.marked && s.starts_with('\0') {
                    unmark(&s)
                } else {
                    Json::String(s)
                })
            }
            Some(b't') => self.literal("true").map(|()| Json::Bool(true)),
            Some(b'f') => self.literal("false").map(|()| Json::Bool(false)),
            Some(b'n') => self.literal("null").map(|()| Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.syntax()),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, ReadError> {
        self.at += 1;
        let mut items = Vec::new();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Json::Array(items));
        }
        loop {
            if items.len() == MAX_ITEMS {
                self.skip()?;
                self.rest(b']')?;
                return Ok(Json::Unsupported(Unsupported::TooManyItems));
            }
            let i = items.len();
            items.push(self.value(depth + 1).map_err(|e| e.under_index(i))?);
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.syntax()),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, ReadError> {
        self.at += 1;
        let mut entries: Vec<(String, Json)> = Vec::new();
        let mut seen = Keys::default();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Json::Object(entries));
        }
        loop {
            if entries.len() == MAX_ITEMS {
                self.space();
                self.string_skip()?;
                self.eat(b':')?;
                self.skip()?;
                self.rest(b'}')?;
                return Ok(Json::Unsupported(Unsupported::TooManyItems));
            }
            if self.peek() != Some(b'"') {
                return Err(self.syntax());
            }
            let mut key = self.string()?;
            if self.marked {
                unmark_key(&mut key);
            }
            self.eat(b':')?;
            let value = self.value(depth + 1).map_err(|e| e.under(&key))?;
            // Marked text is written by the package from a JavaScript object, whose keys are
            // distinct; two may read alike once made well-formed (two lone surrogates), and both are
            // kept, in order, as the object gave them.
            if !self.marked && seen.insert(&entries, &key) {
                let mut path = String::new();
                push_segment(&mut path, &key);
                return Err(ReadError::DuplicateKey { path });
            }
            entries.push((key, value));
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Json::Object(entries));
                }
                _ => return Err(self.syntax()),
            }
        }
    }

    /// The rest of a list or object after the items that were read, from a separator on: checked and
    /// not read.
    fn rest(&mut self, close: u8) -> Result<(), ReadError> {
        loop {
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    if close == b'}' {
                        self.space();
                        self.string_skip()?;
                        self.eat(b':')?;
                    }
                    self.space();
                    self.skip()?;
                }
                Some(b) if b == close => {
                    self.at += 1;
                    return Ok(());
                }
                _ => return Err(self.syntax()),
            }
        }
    }

    /// Checks one value without reading it, at any depth and without recursion.
    fn skip(&mut self) -> Result<(), ReadError> {
        // The closing bracket of each open list or object.
        let mut open: Vec<u8> = Vec::new();
        loop {
            // A value.
            match self.peek() {
                Some(b'{') => {
                    self.at += 1;
                    if self.peek() == Some(b'}') {
                        self.at += 1;
                    } else {
                        open.push(b'}');
                        self.string_skip()?;
                        self.eat(b':')?;
                        continue;
                    }
                }
                Some(b'[') => {
                    self.at += 1;
                    if self.peek() == Some(b']') {
                        self.at += 1;
                    } else {
                        open.push(b']');
                        continue;
                    }
                }
                Some(b'"') => self.string_skip()?,
                Some(b't') => self.literal("true")?,
                Some(b'f') => self.literal("false")?,
                Some(b'n') => self.literal("null")?,
                Some(b'-' | b'0'..=b'9') => {
                    self.number_text()?;
                }
                _ => return Err(self.syntax()),
            }
            // After a value: close what is done, or go on to the next item.
            loop {
                let Some(&close) = open.last() else {
                    return Ok(());
                };
                match self.peek() {
                    Some(b',') => {
                        self.at += 1;
                        if close == b'}' {
                            self.space();
                            self.string_skip()?;
                            self.eat(b':')?;
                        }
                        break;
                    }
                    Some(b) if b == close => {
                        self.at += 1;
                        open.pop();
                    }
                    _ => return Err(self.syntax()),
                }
            }
        }
    }

    /// A string (at its opening quote), unescaped.
    fn string(&mut self) -> Result<String, ReadError> {
        let start = self.at + 1;
        let plain = self.plain_run(start);
        if self.bytes.get(plain) == Some(&b'"') {
            self.at = plain + 1;
            return Ok(self.text[start..plain].to_owned());
        }
        let mut out = String::from(&self.text[start..plain]);
        self.at = plain;
        self.string_rest(Some(&mut out))?;
        Ok(out)
    }

    /// Checks a string (at its opening quote) without keeping it.
    fn string_skip(&mut self) -> Result<(), ReadError> {
        if self.bytes.get(self.at) != Some(&b'"') {
            return Err(self.syntax());
        }
        self.at += 1;
        self.string_rest(None)
    }

    /// The rest of a string up to its closing quote, into `out` when there is one.
    fn string_rest(&mut self, mut out: Option<&mut String>) -> Result<(), ReadError> {
        loop {
            match self.bytes.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.at += 1;
                    let c = self.escape()?;
                    if let Some(out) = out.as_deref_mut() {
                        out.push(c);
                    }
                }
                Some(_) => {
                    let end = self.plain_run(self.at);
                    if end == self.at {
                        return Err(self.syntax());
                    }
                    if let Some(out) = out.as_deref_mut() {
                        out.push_str(&self.text[self.at..end]);
                    }
                    self.at = end;
                }
                None => return Err(self.syntax()),
            }
        }
    }

    /// The end of the run of characters from `from` that stand for themselves in a string.
    fn plain_run(&self, from: usize) -> usize {
        let rest = &self.bytes[from.min(self.bytes.len())..];
        from + rest
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            .unwrap_or(rest.len())
    }

    /// One escape, after its backslash.
    fn escape(&mut self) -> Result<char, ReadError> {
        let Some(&b) = self.bytes.get(self.at) else {
            return Err(self.syntax());
        };
        self.at += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let start = self.at - 2;
                let unit = self.hex4()?;
                let lone = ReadError::LoneSurrogate { at: start };
                match unit {
                    0xD800..=0xDBFF => {
                        if !self.bytes[self.at..].starts_with(b"\\u") {
                            return Err(lone);
                        }
                        self.at += 2;
                        let low = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return Err(lone);
                        }
                        let c = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                        char::from_u32(c).ok_or(lone)?
                    }
                    0xDC00..=0xDFFF => return Err(lone),
                    _ => char::from_u32(unit).ok_or(lone)?,
                }
            }
            _ => {
                self.at -= 1;
                return Err(self.syntax());
            }
        };
        Ok(c)
    }

    fn hex4(&mut self) -> Result<u32, ReadError> {
        let digits = self.bytes.get(self.at..self.at + 4).ok_or(self.syntax())?;
        let mut unit = 0;
        for &d in digits {
            let v = (d as char).to_digit(16).ok_or(self.syntax())?;
            unit = unit * 16 + v;
        }
        self.at += 4;
        Ok(unit)
    }

    /// A number's text: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, as its parts.
    fn number_text(&mut self) -> Result<Number<'a>, ReadError> {
        let bytes = self.bytes;
        let negative = bytes[self.at] == b'-';
        if negative {
            self.at += 1;
        }
        let digits_run = |at: usize| {
            at + bytes[at..]
                .iter()
                .position(|b| !b.is_ascii_digit())
                .unwrap_or(bytes.len() - at)
        };
        let int_start = self.at;
        let int_end = digits_run(int_start);
        if int_end == int_start || (bytes[int_start] == b'0' && int_end > int_start + 1) {
            self.at = int_end.min(int_start + 1);
            return Err(self.syntax());
        }
        self.at = int_end;
        let mut fraction = "";
        if bytes.get(self.at) == Some(&b'.') {
            let end = digits_run(self.at + 1);
            if end == self.at + 1 {
                self.at += 1;
                return Err(self.syntax());
            }
            fraction = &self.text[self.at + 1..end];
            self.at = end;
        }
        let mut exponent = 0i64;
        if let Some(b'e' | b'E') = bytes.get(self.at) {
            self.at += 1;
            let minus = match bytes.get(self.at) {
                Some(b'-') => {
                    self.at += 1;
                    true
                }
                Some(b'+') => {
                    self.at += 1;
                    false
                }
                _ => false,
            };
            let end = digits_run(self.at);
            if end == self.at {
                return Err(self.syntax());
            }
            // Past ±10^9 the exponent alone decides: zero or infinity.
            exponent = self.text[self.at..end].bytes().fold(0i64, |e, d| {
                (e * 10 + i64::from(d - b'0')).min(1_000_000_000)
            });
            if minus {
                exponent = -exponent;
            }
            self.at = end;
        }
        Ok(Number {
            negative,
            integer: &self.text[int_start..int_end],
            fraction,
            exponent,
        })
    }

    fn number(&mut self) -> Result<Json, ReadError> {
        let n = self.number_text()?;
        let exp10 = n.exponent - n.fraction.len() as i64;
        let count = n.integer.len() + n.fraction.len();
        let x = if count <= 15 && exp10.abs() <= 22 {
            // At most 15 digits and a power of ten up to 10^22 are exact doubles: one operation
            // rounds once, correctly (the first step of `decimal::to_f64`, without collecting digits).
            let m = (n.integer.bytes().chain(n.fraction.bytes()))
                .fold(0u64, |m, d| m * 10 + u64::from(d - b'0')) as f64;
            let m = if exp10 < 0 {
                m / decimal::POW10[exp10.unsigned_abs() as usize]
            } else {
                m * decimal::POW10[exp10 as usize]
            };
            if n.negative {
                -m
            } else {
                m
            }
        } else {
            let mut digits = Vec::with_capacity(count);
            digits.extend_from_slice(n.integer.as_bytes());
            digits.extend_from_slice(n.fraction.as_bytes());
            decimal::to_f64(&digits, exp10, n.negative)
        };
        Ok(Json::number(x))
    }
}

/// A number's text in parts.
struct Number<'a> {
    negative: bool,
    integer: &'a str,
    fraction: &'a str,
    exponent: i64,
}

/// The keys of an object being read, to find one given twice: a list scan for a few keys, a hash
/// table of entry positions past that (so 10,000 keys cost 10,000 lookups, not 50 million
/// comparisons).
#[derive(Default)]
struct Keys {
    table: Option<hashbrown::HashTable<usize>>,
}

/// Objects with more keys than this get a hash table.
const SCAN_KEYS: usize = 16;

impl Keys {
    /// Whether `key` is among the keys of `entries` already; notes it (as the next entry) if not.
    fn insert(&mut self, entries: &[(String, Json)], key: &str) -> bool {
        let hash = |k: &str| {
            use std::hash::BuildHasher;
            foldhash::fast::FixedState::with_seed(0).hash_one(k)
        };
        if entries.len() < SCAN_KEYS {
            return entries.iter().any(|(k, _)| k == key);
        }
        let table = self.table.get_or_insert_with(|| {
            let mut t = hashbrown::HashTable::with_capacity(2 * SCAN_KEYS);
            for (i, (k, _)) in entries.iter().enumerate() {
                t.insert_unique(hash(k), i, |&j| hash(&entries[j].0));
            }
            t
        });
        let h = hash(key);
        if table.find(h, |&j| entries[j].0 == key).is_some() {
            return true;
        }
        table.insert_unique(h, entries.len(), |&j| hash(&entries[j].0));
        false
    }
}

/// A marked key (see [`read_marked`]) as the key it stands for: U+0000, a position, U+0000, the key.
fn unmark_key(key: &mut String) {
    if let Some(rest) = key.strip_prefix('\0') {
        if let Some((_, real)) = rest.split_once('\0') {
            *key = real.to_owned();
        }
    }
}

/// A marked string (see [`read_marked`]) as the value it stands for; an unknown mark (never sent)
/// reads as `undefined`.
fn unmark(s: &str) -> Json {
    match s.strip_prefix('\0') {
        Some(rest) if rest.starts_with('\0') => Json::String(rest.to_owned()),
        Some("-0") => Json::Number(-0.0),
        Some(name) => {
            Json::Unsupported(Unsupported::from_name(name).unwrap_or(Unsupported::Undefined))
        }
        None => Json::String(s.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde(text: &str) -> Json {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn reads_what_serde_reads() {
        for text in [
            "null",
            " true ",
            "false",
            "0",
            "-0.5",
            "1.5e3",
            "12345678901234567890",
            "0.30000000000000004",
            r#""""#,
            r#""a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00é😀""#,
            "[]",
            "{}",
            r#"[1, "x", {"a": [null, {}], "b": false}, [[]]]"#,
            "\t\n\r [ 1 , 2 ]\n",
            r#"{"b": 1, "a": 2, "é": {"x/y": "~"}}"#,
        ] {
            assert_eq!(read(text), Ok(serde(text)), "{text}");
            assert_eq!(read_marked(text), Ok(serde(text)), "{text}");
        }
    }

    #[test]
    fn numbers_read_as_javascript_reads_them() {
        assert!(matches!(read("-0"), Ok(Json::Number(x)) if x == 0.0 && x.is_sign_negative()));
        assert_eq!(read("1e400"), Ok(Json::Unsupported(Unsupported::Infinity)));
        assert_eq!(
            read("-1e400"),
            Ok(Json::Unsupported(Unsupported::NegativeInfinity))
        );
        assert_eq!(read("1e-400"), Ok(Json::Number(0.0)));
        assert_eq!(read("1e999999999999999999"), read("1e400"));
        assert_eq!(read("123456789012345"), Ok(Json::Number(123456789012345.0)));
        assert_eq!(
            read("9007199254740993"),
            Ok(Json::Number(9007199254740992.0))
        );
    }

    #[test]
    fn text_that_is_not_json_is_refused_where_it_stops() {
        for (text, at) in [
            ("", 0),
            ("[1,]", 3),
            ("[1 2]", 3),
            ("{\"a\" 1}", 5),
            ("{\"a\":1,}", 7),
            ("{1:2}", 1),
            ("01", 1),
            ("1.", 2),
            (".5", 0),
            ("-", 1),
            ("+1", 0),
            ("1e", 2),
            ("\"a\nb\"", 2),
            ("\"\\x\"", 2),
            ("\"\\u12g4\"", 3),
            ("\"abc", 4),
            ("nul", 0),
            ("truex", 4),
            ("[1] [2]", 4),
            ("NaN", 0),
        ] {
            assert_eq!(read(text), Err(ReadError::Syntax { at }), "{text:?}");
        }
        for text in [r#""\ud800""#, r#""\udc00x""#, r#""\ud800\u0041""#] {
            assert!(
                matches!(read(text), Err(ReadError::LoneSurrogate { .. })),
                "{text}"
            );
        }
    }

    #[test]
    fn a_key_given_twice_is_refused_at_the_second() {
        let dup = |text: &str| match read(text) {
            Err(ReadError::DuplicateKey { path }) => path,
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(dup(r#"{"speed":1,"speed":3}"#), "/speed");
        assert_eq!(dup(r#"{"a":{"b":[0,{"c~/":1,"c~/":2}]}}"#), "/a/b/1/c~0~1");
        // Past a few keys the keys are looked up in a table: the same answer.
        let many: Vec<String> = (0..10_000).map(|i| format!("\"k{i}\":{i}")).collect();
        let text = format!("{{{},\"k77\":0}}", many[..9_999].join(","));
        assert_eq!(dup(&text), "/k77");
        assert!(
            matches!(read(&format!("{{{}}}", many.join(","))), Ok(Json::Object(e)) if e.len() == 10_000)
        );
        // Marked text comes from a JavaScript object: two keys that read alike are both kept.
        let marked = read_marked(r#"{"\u00000\u0000\ufffd": 1, "\u00001\u0000\ufffd": 2}"#);
        let both = vec![
            ("\u{fffd}".into(), Json::Number(1.0)),
            ("\u{fffd}".into(), Json::Number(2.0)),
        ];
        assert_eq!(marked, Ok(Json::Object(both)));
        // Past the item limit the rest is not read, so not compared either.
        let text = format!("[{}]", vec!["{\"a\":1,\"a\":2}"; 10_001].join(","));
        assert_eq!(dup(&text), "/0/a");
    }

    #[test]
    fn limits_cut_off_what_is_past_them() {
        let deep = |n: usize| "[".repeat(n) + &"]".repeat(n);
        let mut v = &read(&deep(MAX_DEPTH + 1)).unwrap();
        let mut depth = 0;
        while let Json::Array(items) = v {
            v = &items[0];
            depth += 1;
        }
        assert_eq!(
            (depth, v),
            (MAX_DEPTH, &Json::Unsupported(Unsupported::TooDeep))
        );
        assert_eq!(read(&deep(MAX_DEPTH + 1)), Ok(serde(&deep(MAX_DEPTH + 1))));
        // Any depth is checked without recursion.
        assert!(read(&deep(1_000_000)).is_ok());
        assert!(matches!(
            read(&(deep(1_000_000) + "]")),
            Err(ReadError::Syntax { .. })
        ));
        let long = format!("[{}]", vec!["[1,{\"a\":2}]"; 10_001].join(","));
        assert_eq!(
            read(&long),
            Ok(Json::Unsupported(Unsupported::TooManyItems))
        );
        let keys: Vec<String> = (0..10_001).map(|i| format!("\"k{i}\":[{i}]")).collect();
        let wide = format!("{{{}}}", keys.join(","));
        assert_eq!(
            read(&wide),
            Ok(Json::Unsupported(Unsupported::TooManyItems))
        );
        assert!(read(&(wide[..wide.len() - 1].to_owned() + ",}")).is_err());
    }

    #[test]
    fn marks_are_only_in_marked_text() {
        for u in Unsupported::ALL {
            let text = format!(r#"{{"a": ["\u0000{}"]}}"#, u.as_str());
            let expected =
                Json::Object(vec![("a".into(), Json::Array(vec![Json::Unsupported(u)]))]);
            assert_eq!(read_marked(&text), Ok(expected), "{text}");
        }
        assert!(
            matches!(read_marked(r#""\u0000-0""#), Ok(Json::Number(x)) if x.is_sign_negative())
        );
        // A caller's string with a leading U+0000 crosses with a second one in front.
        assert_eq!(read_marked(r#""\u0000\u0000""#), Ok(Json::from("\0")));
        assert_eq!(read_marked(r#""x\u0000NaN""#), Ok(Json::from("x\0NaN")));
        // A marked key is the key after its position, in the order given.
        assert_eq!(
            read_marked(r#"{"b": 1, "\u00002\u00001": 2, "\u00003\u0000\u0000NaN": "\u0000NaN"}"#),
            Ok(Json::Object(vec![
                ("b".into(), Json::Number(1.0)),
                ("1".into(), Json::Number(2.0)),
                ("\0NaN".into(), Json::Unsupported(Unsupported::NaN)),
            ]))
        );
        // Plain JSON text reads U+0000 as a character like any other.
        assert_eq!(read(r#""\u0000NaN""#), Ok(Json::from("\0NaN")));
    }

    #[test]
    fn list_items_are_the_text_of_each_item() {
        assert_eq!(
            list_items(" [ {\"a\": [1, 2]} , \"x\",3 ] "),
            Ok(vec!["{\"a\": [1, 2]}", "\"x\"", "3"])
        );
        assert_eq!(list_items("[]"), Ok(vec![]));
        assert!(list_items("[1,]").is_err());
        assert!(list_items("{}").is_err());
        assert_eq!(
            read_list("[1, {\"a\": 1, \"a\": 2}]", false),
            Err(ReadError::DuplicateKey {
                path: "/1/a".into()
            })
        );
    }
}
