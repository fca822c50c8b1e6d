//! The JavaScript API (`window.consentBanner`, and what `mount` resolves to): each member is an
//! export the loader puts on that object.

use wasm_bindgen::prelude::*;

use super::{decide, log, page, with_app};
use crate::consent::{self, Choices};

/// `{ decided, categories, policyVersion, decidedAt, gpc }`; null before the banner has started.
#[wasm_bindgen]
pub fn get() -> JsValue {
    with_app(|app| page::parse(&app.session.state().to_json())).unwrap_or(JsValue::NULL)
}

#[wasm_bindgen(js_name = acceptAll)]
pub fn accept_all() {
    decide(|session, _| Choices::all(&session.config().categories), false);
}

#[wasm_bindgen(js_name = rejectAll)]
pub fn reject_all() {
    decide(|_, _| Choices::default(), false);
}

/// Decides per category; categories left out keep their current value.
#[wasm_bindgen]
pub fn set(categories: &JsValue) {
    match consent::read_set(page::stringify(categories).as_deref()) {
        Ok((values, problems)) => {
            problems.iter().for_each(log);
            decide(
                |session, _| {
                    let mut choices = session.choices();
                    for &(c, on) in &values {
                        choices.set(c, on);
                    }
                    choices
                },
                false,
            );
        }
        Err(problem) => log(&problem),
    }
}

/// Opens the preferences dialog; focus returns to what had it.
#[wasm_bindgen]
pub fn show() {
    page::remember();
    super::open_dialog();
}

/// Withdraws as a reject does, forgets the decision and asks again.
#[wasm_bindgen]
pub fn reset() {
    super::withdraw();
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
