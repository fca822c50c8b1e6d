//! The `change` event: `on("change", fn)` listeners and `consent-banner:change` on the document,
//! told after every decision with the core's state, written out by serde-wasm-bindgen.

use std::cell::RefCell;

use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit};

use super::console;
use crate::consent::State;
use crate::defaults::CHANGE_EVENT;
use crate::problem::{Code, Problem};

thread_local! {
    /// `on("change", fn)` listeners, with the number that unsubscribes each. Apart from the
    /// banner, so that a listener may subscribe or call the API while it is told.
    static LISTENERS: RefCell<(u32, Vec<(u32, js_sys::Function)>)> = const { RefCell::new((0, Vec::new())) };
}

/// The state as a plain object: `decidedAt` is `null` before a decision, as JSON writes it.
pub fn to_js(state: &State) -> JsValue {
    state.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

/// `on("change", fn)`: calls `fn(state)` after every decision and reset; returns a function that
/// unsubscribes.
#[wasm_bindgen]
pub fn on(event: &str, listener: js_sys::Function) -> JsValue {
    if event != "change" {
        console::log(&Problem::new(Code::UnknownEvent, "on()").value(event));
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
            console::log_thrown(&Problem::new(Code::ListenerThrew, "on()"), &error);
        }
    }
    let init = CustomEventInit::new();
    init.set_detail(&detail);
    if let (Some(doc), Ok(event)) = (super::page::document(), CustomEvent::new_with_event_init_dict(CHANGE_EVENT, &init)) {
        let _ = doc.dispatch_event(&event);
    }
}
