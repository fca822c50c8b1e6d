//! `window.consentBanner` (and what `mount` returns): the JavaScript API, its change listeners and
//! the `consent-banner:change` event.

use std::cell::RefCell;

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::consent::{Category, Choices, State};
use crate::defaults;
use wasm_bindgen::JsCast;

thread_local! {
    static LISTENERS: RefCell<Vec<(u32, js_sys::Function)>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: RefCell<u32> = const { RefCell::new(0) };
}

/// The banner's API object. It holds nothing: every call goes to the page's one banner.
#[wasm_bindgen]
pub struct ConsentBanner {
    _private: (),
}

impl ConsentBanner {
    pub(crate) fn new() -> ConsentBanner {
        ConsentBanner { _private: () }
    }
}

fn to_js(state: &State) -> JsValue {
    let categories = Object::new();
    for &(name, granted) in &state.categories {
        let _ = Reflect::set(&categories, &name.into(), &granted.into());
    }
    let decided_at = state.decided_at.as_deref().map_or(JsValue::NULL, JsValue::from);
    let object = Object::new();
    for (key, value) in [
        ("decided", JsValue::from(state.decided)),
        ("categories", categories.into()),
        ("policyVersion", state.policy_version.as_str().into()),
        ("decidedAt", decided_at),
        ("gpc", state.gpc.into()),
    ] {
        let _ = Reflect::set(&object, &key.into(), &value);
    }
    object.into()
}

/// Calls every `on("change")` listener, then dispatches `consent-banner:change` on `document`.
pub(crate) fn emit(state: &State) {
    let detail = to_js(state);
    // Copied out first: a listener may unsubscribe (or subscribe) while we iterate.
    let listeners: Vec<js_sys::Function> = LISTENERS.with(|l| l.borrow().iter().map(|(_, f)| f.clone()).collect());
    for listener in listeners {
        if let Err(error) = listener.call1(&JsValue::NULL, &detail) {
            web_sys::console::error_2(&[defaults::LOG_PREFIX, "a change listener threw:"].concat().into(), &error);
        }
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(defaults::CHANGE_EVENT, &init) {
        let _ = document.dispatch_event(&event);
    }
}

#[wasm_bindgen]
impl ConsentBanner {
    /// `{ decided, categories, policyVersion, decidedAt, gpc }`.
    pub fn get(&self) -> JsValue {
        super::state().map(|s| to_js(&s)).unwrap_or(JsValue::NULL)
    }

    #[wasm_bindgen(js_name = acceptAll)]
    pub fn accept_all(&self) {
        super::decide(|session, _| Choices::all(&session.config().categories), false);
    }

    #[wasm_bindgen(js_name = rejectAll)]
    pub fn reject_all(&self) {
        super::decide(|_, _| Choices::default(), false);
    }

    /// Decides per category; categories left out keep their current value.
    pub fn set(&self, categories: JsValue) {
        const USAGE: &str = "set() takes an object of category names to true or false, such as { analytics: true }.";
        if !categories.is_object() {
            return super::log_error(USAGE);
        }
        let mut values = Vec::new();
        for key in Object::keys(categories.unchecked_ref::<Object>()).iter() {
            let name = key.as_string().unwrap_or_default();
            let Some(on) = Reflect::get(&categories, &key).ok().and_then(|v| v.as_bool()) else {
                return super::log_error(USAGE);
            };
            match Category::from_key(&name) {
                Some(c) => values.push((c, on)),
                None => {
                    web_sys::console::warn_1(&[defaults::LOG_PREFIX, "set() ignores the unknown category \"", &name, "\"."].concat().into())
                }
            }
        }
        super::decide_categories(&values);
    }

    /// Opens the preferences dialog.
    pub fn show(&self) {
        let opener = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .and_then(|e| wasm_bindgen::JsCast::dyn_into(e).ok());
        super::show(opener);
    }

    /// Withdraws as a reject does, forgets the decision and asks again.
    pub fn reset(&self) {
        super::reset();
    }

    /// `on("change", fn)`: calls `fn(state)` after every decision and reset; returns a function
    /// that unsubscribes.
    pub fn on(&self, event: &str, listener: js_sys::Function) -> JsValue {
        if event != "change" {
            super::log_error("on() knows only the \"change\" event.");
            return Closure::<dyn Fn()>::new(|| {}).into_js_value();
        }
        let id = NEXT_ID.with(|n| {
            let mut n = n.borrow_mut();
            *n += 1;
            *n
        });
        LISTENERS.with(|l| l.borrow_mut().push((id, listener)));
        Closure::<dyn Fn()>::new(move || LISTENERS.with(|l| l.borrow_mut().retain(|(i, _)| *i != id))).into_js_value()
    }
}
