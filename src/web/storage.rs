//! The stored decision in `localStorage`, through gloo-storage. When storage is missing or
//! throws, the choice holds for this page only.

use gloo_storage::{LocalStorage, Storage};

use crate::defaults::STORAGE_KEY;
use crate::lenient::Object;
use crate::record::Record;

/// `localStorage`, if it can be used on this page.
pub struct Store {
    usable: bool,
}

impl Store {
    /// Checks once that storage is there and reads without throwing. gloo-storage calls
    /// `expect_throw` on both, which would throw through the wasm and leave the banner stuck.
    pub fn open() -> Store {
        let storage = super::page::window().and_then(|w| w.local_storage().ok().flatten());
        Store { usable: storage.is_some_and(|s| s.get_item(STORAGE_KEY).is_ok()) }
    }

    pub fn usable(&self) -> bool {
        self.usable
    }

    /// The stored record, if there is one that reads as a record (an object: serde's derived
    /// structs would also take an array).
    pub fn read(&self) -> Option<Record> {
        self.usable.then(|| LocalStorage::get(STORAGE_KEY).ok().map(|Object(record)| record)).flatten()
    }

    /// Stores the record; false when storage is unusable or refuses it (full, blocked).
    pub fn write(&self, record: &Record) -> bool {
        self.usable && LocalStorage::set(STORAGE_KEY, record).is_ok()
    }

    pub fn forget(&self) {
        if self.usable {
            LocalStorage::delete(STORAGE_KEY);
        }
    }
}
