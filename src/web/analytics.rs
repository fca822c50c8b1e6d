//! Google Analytics on the page: Consent Mode commands through `gtag`, the analytics script, the
//! `ga-disable-<id>` flag, and the withdrawal's cookie deletion, in the order the contract sets.

use wasm_bindgen::prelude::*;

use crate::defaults;
use crate::gate::{ConsentTypes, Effects};

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

fn consent(kind: &str, types: &ConsentTypes) {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    if let Ok(params) = serde::Serialize::serialize(types, &serializer) {
        let _ = gtag_consent("consent", kind, &params);
    }
}

/// Carries out the gate's effects: consent default, update, `ga-disable`, the script and its
/// `config`, then cookie deletion.
pub fn apply(effects: &Effects) {
    if effects.load.is_some() {
        consent("default", &crate::gate::consent_default());
    }
    if let Some(update) = &effects.update {
        consent("update", update);
    }
    if let (Some((id, disabled)), Some(window)) = (&effects.ga_disable, super::page::window()) {
        let flag = format!("{}{id}", defaults::GA_DISABLE_PREFIX);
        let _ = js_sys::Reflect::set(&window, &flag.into(), &(*disabled).into());
    }
    if let Some(load) = &effects.load {
        if inject(&load.script_url).is_err() {
            super::log_error("could not add the analytics script to the page.");
        }
        if let Some(id) = &load.ga_id {
            let _ = gtag_js("js", &js_sys::Date::new_0());
            let _ = gtag_config("config", id);
        }
    }
    if effects.clear_cookies {
        super::cookies::clear_analytics();
    }
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
