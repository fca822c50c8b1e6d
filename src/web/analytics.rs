//! Applies the gate's effects to the page: `gtag` commands, the analytics script, the
//! `ga-disable-<id>` flag and cookie deletion.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::gate::{self, ConsentTypes, Effects};

// A real JS function, because gtag.js only reads `arguments` objects from dataLayer, never arrays.
// It is also offered as `window.gtag` so the site can send its own events once analytics runs.
#[wasm_bindgen(inline_js = "export function gtag(){var w=window;(w.dataLayer=w.dataLayer||[]).push(arguments);w.gtag=w.gtag||gtag}")]
extern "C" {
    #[wasm_bindgen(js_name = gtag)]
    fn gtag2(command: &str, value: &JsValue);
    #[wasm_bindgen(js_name = gtag)]
    fn gtag3(command: &str, kind: &str, params: &JsValue);
}

fn consent_params(types: &ConsentTypes) -> Object {
    let params = Object::new();
    for &(name, granted) in types {
        let _ = Reflect::set(&params, &name.into(), &(if granted { "granted" } else { "denied" }).into());
    }
    params
}

/// Carries out the gate's effects, in the order the contract requires.
pub fn apply(effects: &Effects) {
    if effects.load.is_some() {
        gtag3("consent", "default", &consent_params(&gate::consent_default()));
    }
    if let Some(update) = &effects.update {
        gtag3("consent", "update", &consent_params(update));
    }
    let Some(window) = web_sys::window() else { return };
    if let Some((id, disabled)) = &effects.ga_disable {
        let _ = Reflect::set(&window, &[crate::defaults::GA_DISABLE_PREFIX, id].concat().into(), &(*disabled).into());
    }
    if let Some(load) = &effects.load {
        inject(&window, &load.script_url);
        if let Some(id) = &load.ga_id {
            gtag2("js", &js_sys::Date::new_0());
            gtag2("config", &id.into());
        }
    }
    if effects.clear_cookies {
        clear_cookies(&window);
    }
}

fn inject(window: &web_sys::Window, src: &str) {
    let Some(document) = window.document() else { return };
    let Ok(script) = document.create_element("script") else { return };
    let Ok(script) = script.dyn_into::<web_sys::HtmlScriptElement>() else { return };
    script.set_async(true);
    script.set_src(src);
    let parent = document.head().map(web_sys::Node::from).or_else(|| document.document_element().map(Into::into));
    if let Some(parent) = parent {
        let _ = parent.append_child(&script);
    }
}

/// Deletes `_ga`, `_ga_*`, `_gid`, `_gat*` as host-only cookies and on the host and each parent
/// domain, where GA sets them (`.example.test` for a page on `www.example.test`).
fn clear_cookies(window: &web_sys::Window) {
    let Some(document) = window.document().and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok()) else { return };
    let Ok(cookies) = document.cookie() else { return };
    let host = window.location().hostname().unwrap_or_default();
    let domains = gate::cookie_domains(&host);
    for pair in cookies.split(';') {
        let name = pair.split('=').next().unwrap_or("").trim();
        if !gate::is_analytics_cookie(name) {
            continue;
        }
        let expired = [name, "=; Max-Age=0; path=/"].concat();
        let _ = document.set_cookie(&expired);
        for domain in &domains {
            let _ = document.set_cookie(&[&expired, "; domain=", domain].concat());
        }
    }
}
