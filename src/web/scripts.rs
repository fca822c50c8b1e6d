//! Gated scripts: `<script type="text/plain" data-consent="…">` elements, replaced by executable
//! copies once their categories are granted, in document order, each once.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlScriptElement};

use crate::category::Choices;
use crate::config::Config;
use crate::gate;

/// Inert gated scripts not yet claimed.
const INERT: &str = "script[type=\"text/plain\"][data-consent]:not([data-consent-released])";
/// Set on an inert script once it is claimed, so that no later decision runs it twice.
const RELEASED: &str = "data-consent-released";

/// The URL of the first of Google's tags that runs in the page, if any.
pub fn google_tag() -> Option<String> {
    let tag = super::page::document()?.query_selector(crate::defaults::GOOGLE_TAG).ok()??;
    super::page::cast::<HtmlScriptElement>(tag).map(|s| s.src())
}

/// The inert scripts these choices release, in document order, claimed. Run them with `run`
/// once the banner is released: an inline script runs as it is inserted, and may call the API.
pub fn due(config: &Config, choices: Choices) -> Vec<HtmlScriptElement> {
    let Some(list) = super::page::document().and_then(|d| d.query_selector_all(INERT).ok()) else { return Vec::new() };
    let mut due = Vec::new();
    for i in 0..list.length() {
        let Some(script) = list.get(i).and_then(super::page::cast::<HtmlScriptElement>) else { continue };
        let spec = script.get_attribute("data-consent").unwrap_or_default();
        if gate::released(&spec, config, choices) && script.set_attribute(RELEASED, "").is_ok() {
            due.push(script);
        }
    }
    due
}

/// Replaces each inert script with an executable copy: same attributes and body, `type` from
/// `data-type` or none, the nonce kept. An external copy holds the rest of the queue until it
/// has loaded (or failed), to keep document order.
pub fn run(due: Vec<HtmlScriptElement>) {
    next(Rc::new(RefCell::new(due.into())));
}

fn next(queue: Rc<RefCell<VecDeque<HtmlScriptElement>>>) {
    loop {
        let Some(inert) = queue.borrow_mut().pop_front() else { return };
        let Ok(live) = live_copy(&inert) else { continue };
        let external = live.has_attribute("src");
        if external {
            let rest = queue.clone();
            let resume = Closure::once_into_js(move || next(rest));
            live.set_onload(Some(resume.unchecked_ref()));
            live.set_onerror(Some(resume.unchecked_ref()));
        }
        if inert.replace_with_with_node_1(&live).is_err() {
            continue;
        }
        if external {
            return;
        }
    }
}

fn live_copy(inert: &HtmlScriptElement) -> Result<HtmlScriptElement, JsValue> {
    let doc = super::page::document().ok_or(JsValue::NULL)?;
    let live: HtmlScriptElement = doc.create_element("script")?.unchecked_into();
    for name in inert.get_attribute_names().iter().filter_map(|n| n.as_string()) {
        if name != "type" && name != RELEASED {
            live.set_attribute(&name, &Element::get_attribute(inert, &name).unwrap_or_default())?;
        }
    }
    if let Some(kind) = inert.get_attribute("data-type") {
        live.set_type(&kind);
    }
    live.set_nonce(&inert.nonce());
    live.set_async(false);
    live.set_text(&inert.text()?)?;
    Ok(live)
}
