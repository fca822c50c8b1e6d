//! The JavaScript API (`window.consentBanner`, and what `mount` resolves to), and the `change`
//! event: the core's state out through serde-wasm-bindgen, `set()`'s argument in through
//! serde_json.

use std::cell::RefCell;

use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit};

use super::{send, with_session};
use crate::config::{self, Embedded};
use crate::consent::{Requested, State};
use crate::defaults::CHANGE_EVENT;
use crate::problem::{Code, Problem};
use crate::session::Msg;

thread_local! {
    /// `on("change", fn)` listeners, with the number that unsubscribes each. Apart from the
    /// banner, so that a listener may subscribe or call the API while it is told.
    static LISTENERS: RefCell<(u32, Vec<(u32, js_sys::Function)>)> = const { RefCell::new((0, Vec::new())) };
}

/// The state as a plain object: `decidedAt` is `null` before a decision, as JSON writes it.
fn to_js(state: &State) -> JsValue {
    state.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

/// `{ decided, categories, policyVersion, decidedAt, gpc }`; null before the banner has started.
#[wasm_bindgen]
pub fn get() -> JsValue {
    with_session(|s| to_js(&s.state(&super::page::Builtins))).unwrap_or(JsValue::NULL)
}

/// Decides per category; categories left out keep their current value.
#[wasm_bindgen]
pub fn set(categories: JsValue) {
    let requested = super::page::json_of(&categories).and_then(|json| Requested::parse(&json));
    send(Msg::Set(requested), None);
}

/// `validate(config, attributes?)`: the problems the banner would log for this configuration
/// object (and, optionally, these script-tag attributes), without mounting anything; `[]` when
/// there are none.
#[wasm_bindgen]
pub fn validate(config: JsValue, attributes: JsValue) -> JsValue {
    let attributes = super::page::config_of(&attributes).unwrap_or_default();
    let attr = |name: &str| attributes.get(name).and_then(|v| v.as_str()).map(str::to_owned);
    let embedded = Embedded::Parsed { parsed: super::page::config_of(&config), source: "mount(config)" };
    let (_, problems) = config::read(attr, embedded, &super::page::Builtins);
    problems.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

/// `on("change", fn)`: calls `fn(state)` after every decision and reset; returns a function that
/// unsubscribes.
#[wasm_bindgen]
pub fn on(event: &str, listener: js_sys::Function) -> JsValue {
    if event != "change" {
        super::log(&Problem::new(Code::UnknownEvent, "on()").value(event));
        return Closure::<dyn Fn()>::new(|| {}).into_js_value();
    }
    let id = LISTENERS.with_borrow_mut(|(next, list)| {
        *next += 1;
        list.push((*next, listener));
        *next
    });
    Closure::<dyn Fn()>::new(move || LISTENERS.with_borrow_mut(|(_, list)| list.retain(|(i, _)| *i != id))).into_js_value()
}

/// Tells every change listener (one that throws is reported, not rethrown), then dispatches
/// `consent-banner:change` on the document.
pub fn emit(state: &State) {
    let detail = to_js(state);
    let listeners: Vec<js_sys::Function> = LISTENERS.with_borrow(|(_, list)| list.iter().map(|(_, f)| f.clone()).collect());
    for listener in listeners {
        if let Err(error) = listener.call1(&JsValue::UNDEFINED, &detail) {
            web_sys::console::error_2(&"consent-banner: a change listener threw:".into(), &error);
        }
    }
    let init = CustomEventInit::new();
    init.set_detail(&detail);
    if let (Some(doc), Ok(event)) = (super::page::document(), CustomEvent::new_with_event_init_dict(CHANGE_EVENT, &init)) {
        let _ = doc.dispatch_event(&event);
    }
}
