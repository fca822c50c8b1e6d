//! Google Analytics on the page: Consent Mode commands through `gtag`, the analytics script, the
//! `ga-disable-<id>` flag: each command as the core gives it, in the order it gives them.

use wasm_bindgen::prelude::*;

use crate::command::ConsentKind;
use crate::defaults;
use crate::gate::ConsentTypes;
use crate::problem::{Code, Problem};

#[wasm_bindgen(module = "/js/gtag.js")]
extern "C" {
    // Each may throw if the page made `dataLayer` something other than an array.
    #[wasm_bindgen(js_name = gtag, catch)]
    fn gtag_consent(command: &str, kind: &str, params: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(js_name = gtag, catch)]
    fn gtag_js(command: &str, date: &js_sys::Date) -> Result<(), JsValue>;
    #[wasm_bindgen(js_name = gtag, catch)]
    fn gtag_config(command: &str, id: &str) -> Result<(), JsValue>;
}

/// `gtag('consent', kind, types)`.
pub fn consent(kind: ConsentKind, types: &ConsentTypes) {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    if let Ok(params) = serde::Serialize::serialize(types, &serializer) {
        let _ = gtag_consent("consent", kind.name(), &params);
    }
}

/// `window['ga-disable-<id>'] = disabled`: gtag.js sends nothing for that id while it is true.
pub fn disable(id: &str, disabled: bool) {
    if let Some(window) = super::page::window() {
        let flag = format!("{}{id}", defaults::GA_DISABLE_PREFIX);
        let _ = js_sys::Reflect::set(&window, &flag.into(), &disabled.into());
    }
}

/// The analytics script.
pub fn load(src: &str) {
    if inject(src).is_err() {
        super::console::log(&Problem::new(Code::PageRefused, "script"));
    }
}

/// `gtag('js', new Date())` and `gtag('config', id)`.
pub fn configure(id: &str) {
    let _ = gtag_js("js", &js_sys::Date::new_0());
    let _ = gtag_config("config", id);
}

/// Adds `<script async src>` to the head.
fn inject(src: &str) -> Result<(), JsValue> {
    let doc = super::page::document().ok_or(JsValue::NULL)?;
    let script: web_sys::HtmlScriptElement = doc.create_element("script")?.unchecked_into();
    script.set_async(true);
    script.set_src(src);
    let parent = doc.head().map(web_sys::Element::from).or_else(|| doc.document_element()).ok_or(JsValue::NULL)?;
    parent.append_child(&script)?;
    Ok(())
}
