//! What the page is to the wasm, serde_json and `Native` are to the native tests: serde_json
//! reads the JSON the page would parse, and `Native` stands in for the page's `Date` and `URL`.
#![allow(dead_code)]

mod builtins;
#[allow(unused_imports)]
pub use builtins::{Native, CASES, NOT_ISO, OTHER_URLS, WEB_URLS};

use consent_banner::config::{self, Document};
use consent_banner::record::{Object, Record};

/// The JSON configuration as the core reads it; `None` for what is not JSON or not an object.
pub fn parse_config(text: &str) -> Option<Document> {
    config::parse(serde_json::from_str::<serde_json::Value>(text).ok()?)
}

/// A stored record as gloo-storage reads it: anything that is not a record is none.
pub fn stored(text: &str) -> Option<Record> {
    serde_json::from_str::<Object<Record>>(text).ok().map(|Object(record)| record)
}
