//! The stored decision in `localStorage`, through gloo-storage, behind a probe: when storage is
//! missing or throws, the session's memory is all there is, so the choice holds for this page only.

use gloo_storage::{LocalStorage, Storage};

use crate::defaults::STORAGE_KEY;
use crate::record::{self, Record};

/// Where decisions go on this page.
pub struct Store {
    /// Whether `localStorage` answered the probe. gloo-storage treats a throwing getter,
    /// `getItem` or `removeItem` as unreachable and throws into the page, so it is only used
    /// once they have been seen to work.
    available: bool,
}

/// Opens storage and reads the stored record in one step (the read is the probe).
pub fn open() -> (Store, Option<Record>) {
    let local = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    let Some(local) = local else {
        super::log_error("localStorage is unavailable; the choice made on this page is not remembered.");
        return (Store { available: false }, None);
    };
    match local.get_item(STORAGE_KEY) {
        Ok(text) => (Store { available: true }, text.as_deref().and_then(record::parse)),
        Err(_) => {
            super::log_error("localStorage throws when read; the choice made on this page is not remembered.");
            (Store { available: false }, None)
        }
    }
}

impl Store {
    pub fn write(&self, record: &Record) {
        if self.available && LocalStorage::set(STORAGE_KEY, record).is_err() {
            super::log_error("localStorage refused the decision (full or blocked); it holds for this page only.");
        }
    }

    pub fn forget(&self) {
        if self.available {
            LocalStorage::delete(STORAGE_KEY);
        }
    }
}
