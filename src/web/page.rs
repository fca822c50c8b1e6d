//! The page primitives and the renderer of `js/page.js`, as Rust functions: the only way the wasm
//! reaches the page. Views and commands cross as JSON text; parsed JSON comes back as `JsValue`s
//! read through the core's `Value` trait, so the wasm carries no JSON parser.

use alloc::string::String;

use wasm_bindgen::prelude::*;

use crate::config::Urls;
use crate::json::{Kind, Value};
use crate::timestamp::Calendar;

#[wasm_bindgen(module = "/js/page.js")]
extern "C" {
    // Texts come back as JsValues read with `as_string`: a `String` or `Option<String>` return
    // costs the glue a wrapper that writes the text into the module's memory itself.
    #[wasm_bindgen(js_name = text)]
    fn text_value(id: &str) -> JsValue;
    #[wasm_bindgen(js_name = attr)]
    fn attr_value(el: &JsValue, name: &str) -> JsValue;
    pub fn gpc() -> bool;
    pub fn now() -> f64;
    fn iso(ms: f64) -> JsValue;
    fn instant(text: &str) -> f64;
    fn scheme(url: &str) -> JsValue;
    pub fn parse(json: &str) -> JsValue;
    fn kind(value: &JsValue) -> u8;
    fn get(value: &JsValue, key: &str) -> JsValue;
    fn has(value: &JsValue, key: &str) -> bool;
    #[wasm_bindgen(js_name = stringOf)]
    fn string_of(value: &JsValue, key: &str) -> JsValue;
    fn len(value: &JsValue) -> u32;
    #[wasm_bindgen(js_name = numberText)]
    fn number_text(value: &JsValue) -> JsValue;
    fn key(value: &JsValue, i: u32) -> JsValue;
    fn at(value: &JsValue, i: u32) -> JsValue;
    pub fn read(key: &str) -> JsValue;
    pub fn write(key: &str, value: Option<&str>) -> bool;
    pub fn listen(act: &JsValue);
    pub fn mount(css: &str) -> bool;
    pub fn remember();
    pub fn load(src: &str, id: Option<&str>);
    #[wasm_bindgen(js_name = hostname)]
    fn hostname_value() -> JsValue;
    pub fn expire(name: &str, domain: &str);
    pub fn on(listener: &JsValue) -> JsValue;
    /// The steps that take a text and a small number and return nothing, by their place in
    /// page.js's `STEPS`: one import instead of ten, each of which costs the glue a wrapper.
    fn run(step: u8, n: u8, text: &str);
    /// The page's lists of texts, by their place in page.js's `LISTS`: one import for four.
    fn list(which: u8) -> JsValue;
}

/// The page's built-in `Date` and `URL`, as the core's calendar and URL parser.
pub struct Builtins;

impl Calendar for Builtins {
    fn format(&self, ms: i64) -> Option<String> {
        iso(ms as f64).as_string()
    }

    fn parse(&self, text: &str) -> Option<i64> {
        let ms = instant(text);
        // NaN (no such instant) would become 0 as an integer.
        (!ms.is_nan()).then_some(ms as i64)
    }
}

impl Urls for Builtins {
    fn scheme(&self, url: &str) -> Option<String> {
        scheme(url).as_string()
    }
}

/// Text of the element `id`.
pub fn text(id: &str) -> Option<String> {
    text_value(id).as_string()
}

/// An attribute of `el`.
pub fn attr(el: &JsValue, name: &str) -> Option<String> {
    attr_value(el, name).as_string()
}

/// `location.hostname`.
pub fn hostname() -> String {
    hostname_value().as_string().unwrap_or_default()
}

/// `<html lang>` then each of `navigator.languages`.
pub fn languages() -> JsValue {
    list(0)
}

/// The `lang` attribute of every `<consent-disclosure>`.
pub fn disclosures() -> JsValue {
    list(1)
}

/// The names of the page's cookies.
pub fn cookies() -> JsValue {
    list(2)
}

/// The `data-consent` of every inert gated script, in document order.
pub fn inert() -> JsValue {
    list(3)
}

// The order of `STEPS` in js/page.js.
const COMMAND: u8 = 0;
const EMIT: u8 = 1;
const FILL: u8 = 2;
const FOCUS: u8 = 3;
const RESTORE: u8 = 4;
const RELEASE: u8 = 5;
const RENDER: u8 = 6;
const CHECK: u8 = 7;
const FLAG: u8 = 8;
const LOG: u8 = 9;

/// Pushes the gtag command whose arguments are the JSON array `json`.
pub fn command(json: &str) {
    run(COMMAND, 0, json);
}

/// Tells the change listeners and the document about the state `json`.
pub fn emit(json: &str) {
    run(EMIT, 0, json);
}

/// Fills the `<consent-disclosure>` elements with the models `json`.
pub fn fill(json: &str) {
    run(FILL, 0, json);
}

/// Focuses the first `selector` in the open dialog, else in the banner.
pub fn focus(selector: &str) {
    run(FOCUS, 0, selector);
}

/// Focuses the dialog's opener if it is still in the page, else the first `selector`.
pub fn restore(selector: &str) {
    run(RESTORE, 0, selector);
}

/// Runs the inert gated scripts whose character in `due` is `1`.
pub fn release(due: &str) {
    run(RELEASE, 0, due);
}

/// Draws `parts` (`MAIN`, `DIALOG`) of the view model `json`.
pub fn render(json: &str, parts: u8) {
    run(RENDER, parts, json);
}

/// Shows a switch's state.
pub fn check(category: &str, on: bool) {
    run(CHECK, on.into(), category);
}

/// Sets `window[name]`.
pub fn flag(name: &str, value: bool) {
    run(FLAG, value.into(), name);
}

/// `console.error` (or `console.warn`) of `message`.
pub fn log(error: bool, message: &str) {
    run(LOG, error.into(), message);
}

/// `render`'s parts: the banner (or reopen control), and the dialog.
pub const MAIN: u8 = 1;
pub const DIALOG: u8 = 2;

const KINDS: [Kind; 7] = [Kind::Null, Kind::Bool, Kind::Number, Kind::String, Kind::Array, Kind::Object, Kind::Other];

impl Value for JsValue {
    fn kind(&self) -> Kind {
        KINDS.get(usize::from(kind(self))).copied().unwrap_or(Kind::Other)
    }

    fn string(&self) -> Option<String> {
        self.as_string()
    }

    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }

    fn number(&self) -> Option<String> {
        number_text(self).as_string()
    }

    fn get(&self, key: &str) -> Option<JsValue> {
        Some(get(self, key)).filter(|v| !v.is_undefined())
    }

    fn len(&self) -> usize {
        len(self) as usize
    }

    fn has(&self, key: &str) -> bool {
        has(self, key)
    }

    fn string_of(&self, key: &str) -> Option<String> {
        string_of(self, key).as_string()
    }

    fn key(&self, i: usize) -> String {
        key(self, i as u32).as_string().unwrap_or_default()
    }

    fn at(&self, i: usize) -> JsValue {
        at(self, i as u32)
    }
}
