//! The stored decision in `localStorage`, through gloo-storage. When storage is missing or
//! throws, the choice holds for this page only.
//!
//! gloo-storage's sharp edge: `LocalStorage::raw()` and its `get` and `delete` call
//! `expect_throw`, so a `localStorage` getter, `getItem` or `removeItem` that throws (blocked
//! storage, a page that patched `Storage.prototype`) would throw through the module mid-message.
//! So each call first asks web-sys, whose calls return `Result`, whether storage answers now;
//! gloo then reads and writes the JSON (its `set` returns a `Result`), and removal is web-sys's.

use gloo_storage::{LocalStorage, Storage};

use crate::defaults::STORAGE_KEY;
use crate::record::Record;

/// `localStorage`, if it could be used when the banner started: storage that failed then is not
/// used on this page at all, so one page never half-remembers.
#[derive(Clone, Copy)]
pub struct Store {
    usable: bool,
}

/// Why storage could not do what it was asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// Missing, or its getter throws.
    Unavailable,
    /// It refused this call (full, blocked, a patched method that throws).
    Refused,
}

/// The page's `localStorage`, when its getter answers without throwing.
fn raw() -> Result<web_sys::Storage, Failure> {
    super::page::window().and_then(|w| w.local_storage().ok().flatten()).ok_or(Failure::Unavailable)
}

impl Store {
    /// Checks once that storage is there and reads without throwing.
    pub fn open() -> Store {
        Store { usable: raw().is_ok_and(|s| s.get_item(STORAGE_KEY).is_ok()) }
    }

    pub fn usable(&self) -> bool {
        self.usable
    }

    /// Storage now, if it was usable at the start and its getter still answers.
    fn raw(&self) -> Result<web_sys::Storage, Failure> {
        if self.usable {
            raw()
        } else {
            Err(Failure::Unavailable)
        }
    }

    /// The stored record, if there is one that reads as a record (an object: serde's derived
    /// structs would also take an array).
    pub fn read(&self) -> Option<Record> {
        self.raw()
            .is_ok_and(|s| s.get_item(STORAGE_KEY).is_ok())
            .then(|| LocalStorage::get(STORAGE_KEY).ok().and_then(Record::from_value))
            .flatten()
    }

    /// Stores the record.
    pub fn write(&self, record: &Record) -> Result<(), Failure> {
        self.raw()?;
        LocalStorage::set(STORAGE_KEY, record).map_err(|_| Failure::Refused)
    }

    /// Removes the stored record.
    pub fn remove(&self) -> Result<(), Failure> {
        self.raw()?.remove_item(STORAGE_KEY).map_err(|_| Failure::Refused)
    }
}
