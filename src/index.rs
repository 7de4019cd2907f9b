//! An index of distinct strings: every "have we seen this one?" of the rules goes through it — the
//! case-folded keys of kept keyterms (§4), the user ids of active members, the ids and the normalized
//! emails of invitations (§2).
//!
//! The strings live one after another in a single `String` (one allocation for all of them, not one
//! per key), and `hashbrown`'s `HashTable` (the table behind the standard library's `HashMap`) maps a
//! hash to a position. The hash is `foldhash` (hashbrown's own default) with a fixed seed: it is only
//! used to find a string, a hit is confirmed by comparing the strings, and nothing iterates the table,
//! so no answer depends on it. Positions are in insertion order.

use foldhash::fast::FixedState;
use hashbrown::HashTable;
use std::hash::BuildHasher;

/// What [`StrIndex::insert_within`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Insert {
    /// Added at this position.
    New(usize),
    /// Already there, at this position.
    Present(usize),
    /// Not there, and the index already holds the most strings allowed.
    Full,
}

#[derive(Debug, Default)]
pub struct StrIndex {
    /// The strings one after another.
    text: String,
    /// For string `i`: where it ends in `text` (it starts where string `i - 1` ends), and its hash.
    entries: Vec<(usize, u64)>,
    /// Positions in `entries`, found by hash.
    table: HashTable<usize>,
}

impl StrIndex {
    /// Room for `n` strings of about 16 bytes without growing.
    pub fn with_capacity(n: usize) -> Self {
        StrIndex {
            text: String::with_capacity(n * 16),
            entries: Vec::with_capacity(n),
            table: HashTable::with_capacity(n),
        }
    }

    fn hash(s: &str) -> u64 {
        FixedState::with_seed(0).hash_one(s)
    }

    /// The string at `position`.
    pub fn get(&self, position: usize) -> &str {
        string_at(&self.text, &self.entries, position)
    }

    /// The position of `s`, if it is in the index.
    pub fn position(&self, s: &str) -> Option<usize> {
        let (text, entries) = (&self.text, &self.entries);
        self.table
            .find(Self::hash(s), |&i| string_at(text, entries, i) == s)
            .copied()
    }

    /// Adds `s` at the next position, unless it is there: `Ok(its new position)`, or
    /// `Err(the position of the one already there)`.
    pub fn insert(&mut self, s: &str) -> Result<usize, usize> {
        match self.insert_within(s, usize::MAX) {
            Insert::New(position) => Ok(position),
            Insert::Present(position) => Err(position),
            // Without a limit the index is never full; answered as "not added" all the same.
            Insert::Full => Err(self.len()),
        }
    }

    /// Adds `s` unless it is there or the index holds `limit` strings already; one hash either way.
    pub fn insert_within(&mut self, s: &str, limit: usize) -> Insert {
        let hash = Self::hash(s);
        let StrIndex {
            text,
            entries,
            table,
        } = self;
        if let Some(&i) = table.find(hash, |&i| string_at(text, entries, i) == s) {
            return Insert::Present(i);
        }
        if entries.len() >= limit {
            return Insert::Full;
        }
        let position = entries.len();
        text.push_str(s);
        entries.push((text.len(), hash));
        table.insert_unique(hash, position, |&i| entries[i].1);
        Insert::New(position)
    }

    /// How many strings are in the index.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

fn string_at<'a>(text: &'a str, entries: &[(usize, u64)], position: usize) -> &'a str {
    let start = match position {
        0 => 0,
        i => entries.get(i - 1).map_or(0, |e| e.0),
    };
    let end = entries.get(position).map_or(start, |e| e.0);
    text.get(start..end).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_string_and_nothing_else() {
        let mut index = StrIndex::with_capacity(4);
        let strings: Vec<String> = (0..5_000).map(|i| format!("term {i}")).collect();
        for (i, s) in strings.iter().enumerate() {
            assert_eq!(index.insert(s), Ok(i));
        }
        for (i, s) in strings.iter().enumerate() {
            assert_eq!(index.position(s), Some(i));
            assert_eq!(index.get(i), s);
            assert_eq!(index.insert(s), Err(i), "a second insert finds the first");
        }
        assert_eq!(index.len(), 5_000);
        for absent in ["", "term", "term 5000", "term 1 ", "Term 1"] {
            assert_eq!(index.position(absent), None, "{absent:?}");
        }
    }

    #[test]
    fn a_full_index_adds_nothing_but_still_finds() {
        let mut index = StrIndex::default();
        assert_eq!(index.insert_within("a", 2), Insert::New(0));
        assert_eq!(index.insert_within("b", 2), Insert::New(1));
        assert_eq!(index.insert_within("c", 2), Insert::Full);
        assert_eq!(index.insert_within("a", 2), Insert::Present(0));
        assert_eq!(index.position("c"), None);
        assert_eq!(index.len(), 2);
    }

    #[test]
    fn empty_and_non_ascii_strings_are_strings_like_any_other() {
        let mut index = StrIndex::default();
        assert!(index.is_empty());
        assert_eq!(index.insert(""), Ok(0));
        assert_eq!(index.insert("straße"), Ok(1));
        assert_eq!(index.insert("i\u{307}"), Ok(2));
        assert_eq!(index.insert(""), Err(0));
        assert_eq!(index.get(1), "straße");
        assert_eq!(index.position("strasse"), None);
    }
}
