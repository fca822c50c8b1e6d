//! Reading the page: the script tag's attributes, the `data-config` element, the page's
//! languages, the GPC signal, the clock, and the page's `Date` and `URL` as the core's calendar
//! and URL parser.

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Window};

use crate::config::{self, Urls};
use crate::timestamp::Calendar;

pub fn window() -> Option<Window> {
    web_sys::window()
}

pub fn document() -> Option<Document> {
    window()?.document()
}

/// An attribute of the script tag, if there is a tag and it has one.
pub fn attr(script: Option<&Element>, name: &str) -> Option<String> {
    script?.get_attribute(name)
}

/// Where the script-tag settings come from: the tag itself, or the attributes `validate()` was
/// given as an object.
pub enum Attributes<'a> {
    Tag(Option<&'a Element>),
    Given(config::Document),
}

/// The configuration from these attributes and the JSON. One caller of `config::read`, so the
/// module holds it once.
pub fn configuration(attributes: &Attributes, embedded: config::Embedded) -> (config::Config, Vec<crate::problem::Problem>) {
    let attr = |name: &str| match attributes {
        Attributes::Tag(script) => attr(*script, name),
        Attributes::Given(map) => map.get(name).and_then(|v| v.as_str()).map(str::to_owned),
    };
    config::read(attr, embedded, &Builtins)
}

/// The text of the element `id`, if the page has one.
pub fn text_of(id: &str) -> Option<String> {
    document()?.get_element_by_id(id).map(|el| el.text_content().unwrap_or_default())
}

/// `<html lang>` ("" when it has none), then each of `navigator.languages`.
pub fn languages() -> Vec<String> {
    let html = document().and_then(|d| d.document_element()).and_then(|el| el.get_attribute("lang"));
    let mut languages = vec![html.unwrap_or_default()];
    if let Some(window) = window() {
        languages.extend(window.navigator().languages().iter().filter_map(|l| l.as_string()));
    }
    languages
}

/// `navigator.globalPrivacyControl === true` (read by name: not every browser has it).
pub fn gpc() -> bool {
    window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"globalPrivacyControl".into()).ok())
        .is_some_and(|v| v.as_bool() == Some(true))
}

pub fn now() -> i64 {
    js_sys::Date::now() as i64
}

/// `location.hostname`.
pub fn hostname() -> String {
    window().and_then(|w| w.location().hostname().ok()).unwrap_or_default()
}

/// The page's built-in `Date` and `URL`, as the core's calendar and URL parser.
pub struct Builtins;

impl Calendar for Builtins {
    fn format(&self, ms: i64) -> Option<String> {
        let date = js_sys::Date::new(&(ms as f64).into());
        // toISOString throws on an invalid date; an invalid date has no time.
        (!date.get_time().is_nan()).then(|| date.to_iso_string().into())
    }

    fn parse(&self, text: &str) -> Option<i64> {
        let ms = js_sys::Date::parse(text);
        // Only the exact text toISOString writes names an instant here.
        (!ms.is_nan() && self.format(ms as i64).as_deref() == Some(text)).then_some(ms as i64)
    }
}

impl Urls for Builtins {
    fn scheme(&self, url: &str) -> Option<String> {
        web_sys::Url::new_with_base(url, "https://x/").ok().map(|u| u.protocol())
    }
}

/// The deepest element that has focus, looking into shadow roots.
pub fn focused() -> Option<Element> {
    let mut el = document()?.active_element()?;
    while let Some(inner) = el.shadow_root().and_then(|root| root.active_element()) {
        el = inner;
    }
    Some(el)
}

/// `value` as `T`, when it is one.
/// The configuration in a page value (`mount`'s object, or `data-config` as the page's `JSON.parse`
/// read it, which settles duplicate keys as JavaScript does: the last wins, where serde would refuse
/// the whole object); `None` when it is not an object.
pub fn config_of(value: &JsValue) -> Option<config::Document> {
    config::parse(serde_json::from_str(&json_of(value)?).ok()?)
}

/// A page value as JSON text for serde_json. `undefined` is kept as `null`, where
/// `JSON.stringify` would drop the key and the problem with it (`set({ analytics: undefined })`),
/// and each string passes through Rust's `String`, so a lone surrogate becomes U+FFFD as it does in
/// every string the page hands the module. `None` when the page cannot stringify it (a cycle, a
/// `BigInt`).
pub fn json_of(value: &JsValue) -> Option<String> {
    let replacer = Closure::<dyn Fn(JsValue, JsValue) -> JsValue>::new(|_key, value: JsValue| match value.as_string() {
        Some(text) => text.into(),
        None if value.is_undefined() => JsValue::NULL,
        None => value,
    });
    js_sys::JSON::stringify_with_replacer(value, replacer.as_ref()).ok()?.as_string()
}

pub fn cast<T: JsCast>(value: impl Into<wasm_bindgen::JsValue>) -> Option<T> {
    value.into().dyn_into().ok()
}
