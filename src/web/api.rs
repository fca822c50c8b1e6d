//! The JavaScript API's reads and checks (`get`, `set`, `validate`; the actions are in `web`, the
//! `change` event in `events`): the core's state and problems out through serde-wasm-bindgen,
//! `set()`'s argument in through serde_json.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::events::to_js;
use super::page::{self, Builtins};
use super::{send, with_session};
use crate::config::Embedded;
use crate::consent::Requested;
use crate::session::Msg;

/// `{ decided, categories, policyVersion, decidedAt, gpc }`; null before the banner has started.
#[wasm_bindgen]
pub fn get() -> JsValue {
    with_session(|s| to_js(&s.state(&Builtins))).unwrap_or(JsValue::NULL)
}

/// Decides per category; categories left out keep their current value.
#[wasm_bindgen]
pub fn set(categories: JsValue) {
    let requested = page::json_of(&categories).and_then(|json| Requested::parse(&json));
    send(Msg::Set(requested), None);
}

/// `validate(config, attributes?, colours?)`: the problems the banner would log for this
/// configuration object (and, optionally, these script-tag attributes), and whether the site's
/// colours (`{ accent, background }`, as `#rrggbb`) keep AA contrast in the banner, without
/// mounting anything; `[]` when there are none.
#[wasm_bindgen]
pub fn validate(config: JsValue, attributes: JsValue, colours: JsValue) -> JsValue {
    let attributes = page::Attributes::Given(page::config_of(&attributes).unwrap_or_default());
    let embedded = Embedded::Parsed { parsed: page::config_of(&config), source: "mount(config)" };
    let (config, mut problems) = page::configuration(&attributes, embedded);
    let colours = page::config_of(&colours).unwrap_or_default();
    let colour = |name: &str| colours.get(name).and_then(|v| v.as_str());
    if let Some(accent) = colour("accent") {
        problems.extend(crate::contrast::check_accent(accent, colour("background"), config.theme, js_sys::Math::pow));
    }
    problems.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}
