//! An index of distinct strings: every "have we seen this one?" of the rules goes through it — the
//! case-folded keys of kept keyterms (`docs/rules/keyterms.md`), the user ids of active members, the ids and the normalized
//! emails of invitations (`docs/rules/workspace.md`).
//!
//! The strings live one after another in a single `String` (one allocation for all of them, not one
//! per key), and `hashbrown`'s `HashTable` (the table behind the standard library's `HashMap`) maps a
//! hash to a position. The hash is `foldhash` (hashbrown's own default) with a fixed seed: it is only
//! used to find a string, a hit is confirmed by comparing the strings, and nothing iterates the table,
//! so no answer depends on it. Positions are in insertion order.

use foldhash::fast::FixedState;
use hashbrown::HashTable;
use std::hash::BuildHasher;

/// Up to this many strings are found by comparing hashes one by one, without the table: most lists
/// the rules de-duplicate are short (a form's three keyterms), and building and dropping a table
/// for them cost more than the search (BENCHMARKS.md, round 5).
const LINEAR: usize = 8;

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
    /// Positions in `entries`, found by hash; filled only once there are more than [`LINEAR`].
    table: HashTable<usize>,
}

impl StrIndex {
    /// Room for `n` strings of about 16 bytes without growing.
    pub fn with_capacity(n: usize) -> Self {
        StrIndex {
            text: String::with_capacity(n * 16),
            entries: Vec::with_capacity(n),
            table: HashTable::with_capacity(if n > LINEAR { n } else { 0 }),
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
        self.find(Self::hash(s), s)
    }

    /// The position of `s`, whose hash is `hash`.
    fn find(&self, hash: u64, s: &str) -> Option<usize> {
        let (text, entries) = (&self.text, &self.entries);
        if entries.len() <= LINEAR {
            (entries.iter().enumerate())
                .position(|(i, &(_, h))| h == hash && string_at(text, entries, i) == s)
        } else {
            let found = self.table.find(hash, |&i| string_at(text, entries, i) == s);
            found.copied()
        }
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
        if let Some(i) = self.find(hash, s) {
            return Insert::Present(i);
        }
        let StrIndex {
            text,
            entries,
            table,
        } = self;
        if entries.len() >= limit {
            return Insert::Full;
        }
        let position = entries.len();
        text.push_str(s);
        entries.push((text.len(), hash));
        match position {
            ..LINEAR => {}
            // The first string past the linear search: the table takes every string so far.
            LINEAR => {
                table.reserve(entries.capacity(), |&i| entries[i].1);
                for (i, &(_, h)) in entries.iter().enumerate() {
                    table.insert_unique(h, i, |&i| entries[i].1);
                }
            }
            _ => {
                table.insert_unique(hash, position, |&i| entries[i].1);
            }
        }
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
    fn every_size_finds_the_same_around_the_linear_search() {
        for n in 0..=3 * LINEAR {
            let mut index = StrIndex::with_capacity(n);
            for i in 0..n {
                assert_eq!(index.insert(&format!("k{i}")), Ok(i));
                // Every string so far, before and after the table is built, and nothing else.
                for j in 0..=i {
                    assert_eq!(index.position(&format!("k{j}")), Some(j), "{j} of {i}");
                }
                assert_eq!(index.position(&format!("k{}", i + 1)), None);
            }
            assert_eq!(index.len(), n);
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
