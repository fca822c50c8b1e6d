//! Gated scripts: `<script type="text/plain" data-consent="…">` elements stay inert until the gate
//! releases their categories, then each is replaced by an executable copy, in document order.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use crate::config::Config;
use crate::consent::Choices;
use crate::gate;

const INERT: &str = "script[type=\"text/plain\"][data-consent]:not([data-consent-released])";

/// Releases every inert script whose categories are granted. Each is claimed at once, so a
/// second call while an earlier chain still waits never runs a script twice.
pub fn release(document: &Document, config: &Config, choices: Choices) {
    let Ok(list) = document.query_selector_all(INERT) else { return };
    let mut due = Vec::new();
    for i in 0..list.length() {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
        if gate::released(&el.get_attribute("data-consent").unwrap_or_default(), config, choices) {
            let _ = el.set_attribute("data-consent-released", "");
            due.push(el);
        }
    }
    run(document.clone(), due.into_iter());
}

/// Inline copies run as they are inserted; an external one runs when loaded, so the rest of the
/// chain waits for its `load` (or `error`) to keep document order across both kinds.
fn run(document: Document, mut rest: std::vec::IntoIter<Element>) {
    while let Some(inert) = rest.next() {
        let Some(live) = copy(&document, &inert) else { continue };
        let external = live.has_attribute("src");
        if external {
            let next = Closure::once_into_js(move || run(document, rest));
            let _ = live.add_event_listener_with_callback("load", next.unchecked_ref());
            let _ = live.add_event_listener_with_callback("error", next.unchecked_ref());
            let _ = inert.replace_with_with_node_1(&live);
            return;
        }
        let _ = inert.replace_with_with_node_1(&live);
    }
}

/// The executable twin: same attributes and body, `type` from `data-type` or none, the nonce
/// carried over (browsers hide it from attributes once parsed).
fn copy(document: &Document, inert: &Element) -> Option<Element> {
    let live = document.create_element("script").ok()?;
    let names = inert.get_attribute_names();
    for name in names.iter().filter_map(|n| n.as_string()) {
        if name == "type" || name == "data-consent-released" {
            continue;
        }
        live.set_attribute(&name, &inert.get_attribute(&name).unwrap_or_default()).ok()?;
    }
    if let Some(kind) = inert.get_attribute("data-type") {
        live.set_attribute("type", &kind).ok()?;
    }
    let nonce = js_sys::Reflect::get(inert, &"nonce".into()).ok()?;
    js_sys::Reflect::set(&live, &"nonce".into(), &nonce).ok()?;
    // Dynamically inserted external scripts are async unless told otherwise.
    js_sys::Reflect::set(&live, &"async".into(), &JsValue::FALSE).ok()?;
    live.set_text_content(inert.text_content().as_deref());
    Some(live)
}
