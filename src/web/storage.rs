//! The stored decision in `localStorage`. The getter and every method may throw (blocked
//! storage, private modes, quota); each throw is caught, and then the session's memory is all
//! there is, so the choice holds for this page only.

use crate::defaults::STORAGE_KEY;
use crate::record::{self, Record};

/// Where decisions go on this page: `None` when storage was missing or threw when read.
pub struct Store(Option<web_sys::Storage>);

/// Opens storage and reads the stored record in one step (the read is the probe).
pub fn open() -> (Store, Option<Record>) {
    let local = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    let Some(local) = local else {
        super::log_error("localStorage is unavailable; the choice made on this page is not remembered.");
        return (Store(None), None);
    };
    match local.get_item(STORAGE_KEY) {
        Ok(text) => (Store(Some(local)), text.as_deref().and_then(record::parse)),
        Err(_) => {
            super::log_error("localStorage throws when read; the choice made on this page is not remembered.");
            (Store(None), None)
        }
    }
}

impl Store {
    pub fn write(&self, record: &Record) {
        if let Some(local) = &self.0 {
            if local.set_item(STORAGE_KEY, &record::to_json(record)).is_err() {
                super::log_error("localStorage refused the decision (full or blocked); it holds for this page only.");
            }
        }
    }

    pub fn forget(&self) {
        if let Some(local) = &self.0 {
            let _ = local.remove_item(STORAGE_KEY);
        }
    }
}
