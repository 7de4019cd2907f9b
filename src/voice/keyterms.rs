//! `docs/rules/keyterms.md` Keyterms: normalization and de-duplication, one procedure for `mergeKeyterms` and for the list
//! fields of a voice-settings update (`keyterms`, `correction_categories`, `sensitive_topics`).
//!
//! [`Dedup`] is that procedure: each term is normalized ([`text::normalize`]), judged (empty, too
//! long, a duplicate of a kept term under full case folding, past the cap) and, if none of these,
//! kept with its first spelling and position. A merge turns the judgements into `dropped` entries;
//! an update turns empty and too-long terms into errors and drops duplicates silently.
//!
//! Decisions where the spec is silent:
//! - `dropped[].term` is the term **as given** (before normalization), so a user can find it in what
//!   they typed; `duplicate_of` is the kept term it duplicates, in its kept (normalized) spelling.
//! - A term past the cap that duplicates a kept term is a `duplicate`, not a `limit` drop; a new term
//!   past the cap is `limit`, and so is a later spelling of it (it was never kept).
//! - `dropped` lists the drops in input order (lists in argument order, items in list order).

use crate::base::error::{Code, RuleError};
use crate::base::index::{Insert, StrIndex};
use crate::base::json::Json;
use crate::base::names::names;
use crate::base::validate::{self, describe, item_path, Problems};
use crate::text;
use serde::Serialize;
use std::borrow::Cow;

/// The most characters a term may have after normalization.
pub const MAX_TERM_CHARS: usize = 128;

/// The most terms a merge keeps (and the most `keyterms` a voice-settings object stores).
pub const MERGE_CAP: usize = 200;

names! {
    /// Why a merge dropped a term.
    pub enum DropReason as "KeytermDropReason" {
        /// Nothing left after normalization.
        Empty = "empty",
        /// More than [`MAX_TERM_CHARS`] characters after normalization.
        TooLong = "too_long",
        /// Equal, under case folding, to a term kept earlier.
        Duplicate = "duplicate",
        /// Past the cap of [`MERGE_CAP`] kept terms.
        Limit = "limit",
    }
}

/// The judgement of one term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Kept at this index of the kept list.
    Kept(usize),
    /// Empty after normalization.
    Empty,
    /// Too long after normalization, with its length in characters; or longer than
    /// [`text::MAX_RAW_CHARS`] as given (then its length as given), not normalized at all.
    TooLong(usize),
    /// A duplicate of the kept term at this index.
    Duplicate(usize),
    /// Past the cap.
    Limit,
}

/// The `docs/rules/keyterms.md` procedure, fed one term at a time; `T` is what the caller attaches to each kept term (the
/// layer it came from in layered resolution, nothing in a plain merge).
#[derive(Debug)]
pub struct Dedup<'a, T> {
    cap: usize,
    /// Borrowed from the terms as given when normalization left them as they are (most terms): a
    /// merge by position copies none of those.
    kept: Vec<(Cow<'a, str>, T)>,
    /// The case-folded key of each kept term.
    keys: StrIndex,
    /// Reused for the normalized term and its key when they are not slices of the term as given.
    normalized_buf: String,
    key_buf: String,
}

impl<'a, T> Dedup<'a, T> {
    /// An empty procedure keeping at most `cap` terms.
    pub fn new(cap: usize) -> Self {
        Dedup::with_room(cap, cap)
    }

    /// [`new`](Self::new), with room for the `expected` terms (a list's length): a three-term list
    /// does not reserve room for two hundred.
    pub fn with_room(cap: usize, expected: usize) -> Self {
        let room = expected.min(cap).min(256);
        Dedup {
            cap,
            kept: Vec::with_capacity(room),
            keys: StrIndex::with_capacity(room),
            normalized_buf: String::new(),
            key_buf: String::new(),
        }
    }

    /// Normalizes and judges one term; a new term within the cap is kept with `tag`.
    pub fn offer(&mut self, term: &'a str, tag: T) -> Outcome {
        // Bounded before normalizing: a term far too long is judged by its length as given.
        if let Some(n) = text::longer_than(term, text::MAX_RAW_CHARS) {
            return Outcome::TooLong(n);
        }
        // The normalized term and its key borrow from `term` when nothing changes them, else from
        // the reused buffers; they are copied only when kept.
        let text::Keyed {
            text: normalized,
            chars: len,
            key,
        } = text::keyed(term, &mut self.normalized_buf, &mut self.key_buf);
        if len == 0 {
            return Outcome::Empty;
        }
        if len > MAX_TERM_CHARS {
            return Outcome::TooLong(len);
        }
        // Keys and kept terms are added together, so a key's position is its term's index.
        match self.keys.insert_within(key, self.cap) {
            Insert::Present(index) => Outcome::Duplicate(index),
            Insert::Full => Outcome::Limit,
            Insert::New(index) => {
                let kept = if std::ptr::eq(normalized, term) {
                    Cow::Borrowed(term)
                } else {
                    Cow::Owned(normalized.to_owned())
                };
                self.kept.push((kept, tag));
                Outcome::Kept(index)
            }
        }
    }

    /// The kept term at `index` (for `duplicate_of`).
    pub fn term(&self, index: usize) -> &str {
        self.kept.get(index).map_or("", |(t, _)| t)
    }

    /// How many distinct terms are kept.
    pub fn len(&self) -> usize {
        self.kept.len()
    }

    pub fn is_empty(&self) -> bool {
        self.kept.is_empty()
    }

    /// The kept terms with their tags, in first-occurrence order.
    pub fn into_kept(self) -> Vec<(Cow<'a, str>, T)> {
        self.kept
    }
}

/// One term a merge did not keep (wire order: `term`, `reason`, `duplicate_of`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "DroppedKeyterm", transform = crate::base::schema::optional_not_null))]
pub struct Dropped {
    /// The term as given.
    pub term: String,
    pub reason: DropReason,
    /// For a duplicate: the kept term it duplicates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
}

/// The answer of `mergeKeyterms` (wire order: `keyterms`, `dropped`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "KeytermMergeResult"))]
pub struct MergeResult {
    pub keyterms: Vec<String>,
    pub dropped: Vec<Dropped>,
}

/// A term a merge did not keep, by position: the compact form of [`Dropped`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DroppedAt {
    /// The term's position in the input (lists laid end to end).
    pub position: usize,
    pub reason: DropReason,
    /// For a duplicate: the index, in the kept list, of the term it duplicates.
    pub duplicate_of: Option<usize>,
}

impl DroppedAt {
    /// Spelled out as `mergeKeyterms` answers it: `term` the term as given at this position,
    /// `duplicate_of` the kept spelling it repeats (`kept` as [`merge_tagged`] answers it). The one
    /// place a drop is spelled out: `mergeKeyterms` and `effectiveVoiceSettings` share it.
    pub fn spell<T>(&self, term: &str, kept: &[(Cow<'_, str>, T)]) -> Dropped {
        Dropped {
            term: term.to_owned(),
            reason: self.reason,
            duplicate_of: self
                .duplicate_of
                .and_then(|i| kept.get(i))
                .map(|(t, _)| t.to_string()),
        }
    }
}

/// Runs the procedure over tagged terms in order, keeping at most `cap`: the kept terms (normalized)
/// with their tags, and every drop in input order by position. The one loop behind every merge.
/// `count` is how many terms there are, for room up front (an iterator over several lists does not
/// know: growing the tables showed in profiles).
pub fn merge_tagged<'a, T>(
    terms: impl IntoIterator<Item = (&'a str, T)>,
    count: usize,
    cap: usize,
) -> (Vec<(Cow<'a, str>, T)>, Vec<DroppedAt>) {
    let mut dedup = Dedup::with_room(cap, count);
    // At least the terms past the cap are dropped.
    let mut dropped = Vec::with_capacity(count.saturating_sub(cap));
    for (position, (term, tag)) in terms.into_iter().enumerate() {
        let (reason, duplicate_of) = match dedup.offer(term, tag) {
            Outcome::Kept(_) => continue,
            Outcome::Empty => (DropReason::Empty, None),
            Outcome::TooLong(_) => (DropReason::TooLong, None),
            Outcome::Duplicate(i) => (DropReason::Duplicate, Some(i)),
            Outcome::Limit => (DropReason::Limit, None),
        };
        dropped.push(DroppedAt {
            position,
            reason,
            duplicate_of,
        });
    }
    (dedup.into_kept(), dropped)
}

/// `mergeKeyterms` by position: the kept terms, each with the position of its first occurrence in
/// the lists laid end to end, and the drops by position. What [`merge`] spells out, and what the
/// JavaScript package asks for (`api::merge_joined`): a caller that holds the lists can
/// rebuild the answer without the terms crossing back.
/// Kept terms borrow from `lists` when normalization left them as they are.
pub fn merge_positions<S: AsRef<str>>(
    lists: &[Vec<S>],
) -> (Vec<(Cow<'_, str>, usize)>, Vec<DroppedAt>) {
    let terms = lists.iter().flatten().map(AsRef::as_ref).zip(0..);
    merge_tagged(terms, lists.iter().map(Vec::len).sum(), MERGE_CAP)
}

/// `mergeKeyterms(...lists)`: the lists in order, normalized, de-duplicated, capped at
/// [`MERGE_CAP`].
pub fn merge<S: AsRef<str>>(lists: &[Vec<S>]) -> MergeResult {
    let (kept, at) = merge_positions(lists);
    let flat: Vec<&str> = lists.iter().flatten().map(AsRef::as_ref).collect();
    let dropped = at
        .iter()
        .map(|d| d.spell(flat.get(d.position).copied().unwrap_or_default(), &kept))
        .collect();
    MergeResult {
        keyterms: kept.into_iter().map(|(t, _)| t.into_owned()).collect(),
        dropped,
    }
}

/// [`merge`] for untyped input, as JavaScript calls it: each argument must be a list of strings.
/// Every problem is reported: `invalid_type` at `/i` for an argument that is not a list, at `/i/j`
/// for an item that is not a string. Messages name them as the rest parameter `lists` reads them
/// (`lists[1][3]`).
pub fn merge_input(lists: &[Json]) -> Result<MergeResult, RuleError> {
    read_lists(lists).map(|typed| merge(&typed))
}

/// The lists of a merge as strings, or every problem (see [`merge_input`]).
pub fn read_lists(lists: &[Json]) -> Result<Vec<Vec<&str>>, RuleError> {
    // Like any input list, the terms of one merge are bounded: at most `MAX_ITEMS` in all.
    let total: usize = lists
        .iter()
        .filter_map(Json::as_array)
        .map(<[Json]>::len)
        .sum();
    // More lists than that are refused by their count alone: a caller (js/fast-paths.js) may leave
    // them unread.
    let max = crate::base::json::MAX_ITEMS;
    if lists.len() > max {
        let message = format!("A merge reads at most {max} lists, got {}.", lists.len());
        return Err(RuleError::single(Code::TooManyItems, "", message));
    }
    if total > max {
        let message = format!("A merge reads at most {max} terms in all, got {total}.");
        return Err(RuleError::single(Code::TooManyItems, "", message));
    }
    let mut problems = Problems::new();
    let mut typed: Vec<Vec<&str>> = Vec::with_capacity(lists.len());
    for (i, list) in lists.iter().enumerate() {
        // Paths are built only for the problems reported.
        let Some(items) = list.as_array() else {
            let code = match list {
                Json::Unsupported(crate::base::json::Unsupported::TooManyItems) => {
                    Code::TooManyItems
                }
                _ => Code::InvalidType,
            };
            problems.push(
                code,
                &item_path("", i),
                format!("lists[{i}] must be a list of strings, got {}.", list.kind()),
            );
            continue;
        };
        let mut strings = Vec::with_capacity(items.len());
        for (j, item) in items.iter().enumerate() {
            match item.as_str() {
                Some(s) => strings.push(s),
                None => problems.push(
                    Code::InvalidType,
                    &item_path(&item_path("", i), j),
                    format!("lists[{i}][{j}] must be a string, got {}.", item.kind()),
                ),
            }
        }
        typed.push(strings);
    }
    problems.finish_first(typed)
}

/// A list field of a voice-settings object (`keyterms`, `correction_categories`,
/// `sensitive_topics`), read with the `docs/rules/keyterms.md` procedure as an update reads it: every item must be a string
/// (`invalid_type`), non-empty (`empty_value`) and at most [`MAX_TERM_CHARS`] characters (`too_long`)
/// after normalization; duplicates are removed silently; more than `cap` distinct terms is
/// `too_many_items` at the list's path. Item problems come in index order, then the count.
pub fn read_list(
    value: &Json,
    path: &str,
    cap: usize,
    problems: &mut Problems,
) -> Option<Vec<String>> {
    let items = validate::list(value, path, usize::MAX, problems)?;
    let before = problems.len();
    // Counting past the cap is still needed to report every item problem, so the procedure runs
    // without a cap and the count is checked at the end.
    let mut dedup = Dedup::with_room(usize::MAX, items.len());
    for (i, item) in items.iter().enumerate() {
        // The item's path is built only for a problem to report.
        let at = || item_path(path, i);
        let Some(term) = validate::string_at(item, at, problems) else {
            continue;
        };
        match dedup.offer(term, ()) {
            Outcome::Empty => {
                let at = at();
                let message = format!("{} must not be empty.", describe(&at));
                problems.push(Code::EmptyValue, &at, message);
            }
            Outcome::TooLong(n) => {
                let at = at();
                let message = format!(
                    "{} must have at most {MAX_TERM_CHARS} characters, got {n}.",
                    describe(&at)
                );
                problems.push(Code::TooLong, &at, message);
            }
            Outcome::Kept(_) | Outcome::Duplicate(_) | Outcome::Limit => {}
        }
    }
    if dedup.len() > cap {
        problems.push(
            Code::TooManyItems,
            path,
            format!(
                "{} must have at most {cap} distinct items, got {}.",
                describe(path),
                dedup.len()
            ),
        );
    }
    (problems.len() == before).then(|| {
        dedup
            .into_kept()
            .into_iter()
            .map(|(t, ())| t.into_owned())
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(result: &MergeResult) -> Vec<&str> {
        result.keyterms.iter().map(String::as_str).collect()
    }

    /// The procedure as it was first written: the reference definitions of `text`, a `BTreeMap`
    /// of keys, every outcome of every term.
    fn reference_outcomes(terms: &[String], cap: usize) -> (Vec<Outcome>, Vec<String>) {
        use crate::text::reference;
        let mut keys = std::collections::BTreeMap::new();
        let mut kept = Vec::new();
        let outcomes = terms
            .iter()
            .map(|term| {
                let normalized = reference::normalize(term);
                let len = normalized.chars().count();
                if len == 0 {
                    return Outcome::Empty;
                }
                if len > MAX_TERM_CHARS {
                    return Outcome::TooLong(len);
                }
                let key = reference::fold(&normalized);
                if let Some(&index) = keys.get(&key) {
                    return Outcome::Duplicate(index);
                }
                if kept.len() >= cap {
                    return Outcome::Limit;
                }
                keys.insert(key, kept.len());
                kept.push(normalized);
                Outcome::Kept(kept.len() - 1)
            })
            .collect();
        (outcomes, kept)
    }

    #[test]
    fn dedup_agrees_with_the_reference_procedure() {
        let texts = crate::text::reference::texts(30_000, 0xDED);
        for (n, chunk) in texts.chunks(300).enumerate() {
            // Each text, then case and space variants of it, so duplicates are frequent.
            let mut terms: Vec<String> = Vec::new();
            for t in chunk {
                terms.push(t.clone());
                match t.len() % 4 {
                    0 => terms.push(t.to_uppercase()),
                    1 => terms.push(t.to_lowercase()),
                    2 => terms.push(format!("  {t}\u{3000}")),
                    _ => {}
                }
            }
            terms.push("x".repeat(129));
            terms.push(format!("{} ", "é".repeat(128)));
            let cap = [MERGE_CAP, 50, 3][n % 3];
            let (expected, kept) = reference_outcomes(&terms, cap);
            let mut dedup = Dedup::new(cap);
            let got: Vec<Outcome> = terms.iter().map(|t| dedup.offer(t, ())).collect();
            assert_eq!(got, expected);
            for (i, k) in kept.iter().enumerate() {
                assert_eq!(dedup.term(i), k);
            }
            let kept_got: Vec<String> = dedup
                .into_kept()
                .into_iter()
                .map(|(t, ())| t.into_owned())
                .collect();
            assert_eq!(kept_got, kept);
        }
    }

    #[test]
    fn first_occurrence_wins_in_spelling_and_position() {
        let r = merge(&[
            vec!["Metformin", "amlodipine"],
            vec!["METFORMIN", "Dr. Ramirez"],
        ]);
        assert_eq!(terms(&r), ["Metformin", "amlodipine", "Dr. Ramirez"]);
        assert_eq!(
            r.dropped,
            [Dropped {
                term: "METFORMIN".into(),
                reason: DropReason::Duplicate,
                duplicate_of: Some("Metformin".into())
            }]
        );
    }

    #[test]
    fn sharp_s_equals_double_s() {
        let r = merge(&[vec!["Straße", "STRASSE", "strasse"]]);
        assert_eq!(terms(&r), ["Straße"]);
        assert_eq!(r.dropped.len(), 2);
    }

    /// Issue 17: a term longer than `MAX_RAW_CHARS` as given is too long before it is normalized,
    /// though its normalized form would be short (white space collapses, marks compose); at the
    /// limit it is normalized as before. In a merge, a list field and the tone's topics alike.
    #[test]
    fn terms_too_long_as_given_are_not_normalized() {
        let spaced = format!("a{}b", " ".repeat(text::MAX_RAW_CHARS - 2));
        let over = format!("a{}b", " ".repeat(text::MAX_RAW_CHARS - 1));
        let r = merge(&[vec![spaced.as_str(), over.as_str()]]);
        assert_eq!(terms(&r), ["a b"]);
        assert_eq!(r.dropped[0].reason, DropReason::TooLong);
        let mut problems = Problems::new();
        let list = Json::Array(vec![Json::from(over.as_str())]);
        assert_eq!(read_list(&list, "/keyterms", 10, &mut problems), None);
        let problem = &problems.into_vec()[0];
        assert_eq!(
            (problem.code, problem.path.as_str()),
            (Code::TooLong, "/keyterms/0")
        );
        assert!(
            problem.message.ends_with("got 1025."),
            "{}",
            problem.message
        );
    }

    #[test]
    fn empty_too_long_and_limit_are_dropped() {
        let long = "x".repeat(129);
        let ok = "y".repeat(128);
        let r = merge(&[vec!["  ", long.as_str(), ok.as_str()]]);
        assert_eq!(terms(&r), [ok.as_str()]);
        let reasons: Vec<_> = r.dropped.iter().map(|d| d.reason).collect();
        assert_eq!(reasons, [DropReason::Empty, DropReason::TooLong]);

        let many: Vec<String> = (0..205).map(|i| format!("term {i}")).collect();
        let r = merge(&[many.clone(), vec!["TERM 3".into()]]);
        assert_eq!(r.keyterms.len(), MERGE_CAP);
        assert_eq!(r.dropped.len(), 6);
        assert_eq!(r.dropped[0].term, "term 200");
        assert_eq!(r.dropped[0].reason, DropReason::Limit);
        assert_eq!(r.dropped[5].reason, DropReason::Duplicate);
    }

    #[test]
    fn merge_input_reports_every_non_string() {
        let err = merge_input(&[
            Json::Array(vec![Json::from("a")]),
            Json::Array(vec![Json::from("b"), Json::Null, Json::Number(1.0)]),
            Json::from("c"),
        ])
        .unwrap_err();
        let paths: Vec<&str> = err.errors.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["/1/1", "/1/2", "/2"]);
        assert_eq!(err.code, Code::InvalidType);
    }

    #[test]
    fn read_list_errors_and_silent_duplicates() {
        let mut p = Problems::new();
        let value = Json::Array(vec![
            Json::from(" a "),
            Json::from("A"),
            Json::from(" "),
            Json::Number(2.0),
        ]);
        assert_eq!(read_list(&value, "/keyterms", 200, &mut p), None);
        let v = p.into_vec();
        assert_eq!(v.len(), 2);
        assert_eq!(
            (v[0].code, v[0].path.as_str()),
            (Code::EmptyValue, "/keyterms/2")
        );
        assert_eq!(
            (v[1].code, v[1].path.as_str()),
            (Code::InvalidType, "/keyterms/3")
        );

        let mut p = Problems::new();
        let value = Json::Array(vec![Json::from(" a "), Json::from("A")]);
        assert_eq!(
            read_list(&value, "/k", 1, &mut p),
            Some(vec!["a".to_owned()])
        );
    }
}
