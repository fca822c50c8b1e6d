//! The JavaScript API (`window.consentBanner`, and what `mount` resolves to): the members that
//! take or return values. The loaders send `acceptAll`, `rejectAll`, `show` and `reset` to `act`.

use wasm_bindgen::prelude::*;

use super::{decide, log, page, with_app, Pick};
use crate::consent;

/// `{ decided, categories, policyVersion, decidedAt, gpc }`; null before the banner has started.
#[wasm_bindgen]
pub fn get() -> JsValue {
    with_app(|app| page::parse(&app.session.state(&page::Builtins).to_json())).unwrap_or(JsValue::NULL)
}

/// Decides per category; categories left out keep their current value.
#[wasm_bindgen]
pub fn set(categories: &JsValue) {
    match consent::read_set(categories) {
        Ok((values, problems)) => {
            problems.iter().for_each(log);
            decide(Pick::Some(&values), false);
        }
        Err(problem) => log(&problem),
    }
}

/// `on("change", fn)`: calls `fn(state)` after every decision and reset; returns a function that
/// unsubscribes.
#[wasm_bindgen]
pub fn on(event: &str, listener: &JsValue) -> JsValue {
    if event == "change" {
        page::on(listener)
    } else {
        super::log_error("on() knows only the \"change\" event.");
        page::on(&JsValue::UNDEFINED)
    }
}
