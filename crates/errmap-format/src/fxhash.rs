//! A fast hash for the lookup tables errmap builds from catalogue data.
//!
//! The tables are built from trusted data (the built-in catalogues and the ones the
//! embedding program loads) and only ever queried with outside input, never filled
//! with it, so a fixed hash cannot be flooded: a query costs at most the longest probe
//! sequence of the table as built. Eight bytes at a time, each mixed in with a folded
//! multiply.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with the fast fixed hash.
pub type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A `HashSet` with the fast fixed hash.
pub type FxHashSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const K: u64 = 0xf135_7aea_2e62_a9c5;

impl FxHasher {
    /// Mixes in one word: a folded multiply (the high and low halves of the 128-bit
    /// product, xored), which spreads every input bit over every output bit. FxHash's
    /// plain multiply only carries bits upwards, so keys that differ in their last
    /// bytes (`10998`, `10999`) would land in the same buckets.
    #[inline]
    fn add(&mut self, word: u64) {
        let product = u128::from(self.hash ^ word) * u128::from(K);
        self.hash = (product as u64) ^ ((product >> 64) as u64);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, mut bytes: &[u8]) {
        while let Some((chunk, rest)) = bytes.split_first_chunk::<8>() {
            self.add(u64::from_le_bytes(*chunk));
            bytes = rest;
        }
        if !bytes.is_empty() {
            // The last one to seven bytes, as two overlapping reads where they fit.
            let n = bytes.len();
            let word = if n >= 4 {
                let low = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
                let high = u32::from_le_bytes([bytes[n - 4], bytes[n - 3], bytes[n - 2], bytes[n - 1]]);
                u64::from(low) | (u64::from(high) << 32)
            } else {
                u64::from(bytes[0]) | (u64::from(bytes[n / 2]) << 8) | (u64::from(bytes[n - 1]) << 16)
            };
            self.add(word ^ ((n as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// The hash of a string's bytes.
#[inline]
pub fn hash_str(s: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(s.as_bytes());
    hasher.finish()
}

/// Marks an empty slot of a [`table`].
pub const EMPTY: u32 = u32::MAX;

/// An open-addressing hash table (linear probing, at most half full) of the indices of
/// `keys`: what [`find`] searches. Built the same way at build time for the built-in
/// catalogues and at run time for loaded ones, so neither copies a key.
pub fn table(keys: &[&str]) -> Vec<u32> {
    let size = (keys.len() * 2).next_power_of_two().max(8);
    let mask = size - 1;
    let mut slots = vec![EMPTY; size];
    for (i, key) in keys.iter().enumerate() {
        let mut at = hash_str(key) as usize & mask;
        while slots[at] != EMPTY {
            at = (at + 1) & mask;
        }
        slots[at] = i as u32;
    }
    slots
}

/// The index of `key` in a [`table`], where `key_at` gives the key of an index.
#[inline]
pub fn find<'k>(slots: &[u32], key: &str, key_at: impl Fn(usize) -> &'k str) -> Option<usize> {
    if slots.is_empty() {
        return None;
    }
    let mask = slots.len() - 1;
    let mut at = hash_str(key) as usize & mask;
    loop {
        let slot = slots[at];
        if slot == EMPTY {
            return None;
        }
        if key_at(slot as usize) == key {
            return Some(slot as usize);
        }
        at = (at + 1) & mask;
    }
}
