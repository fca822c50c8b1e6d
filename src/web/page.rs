//! The page primitives and the renderer of `js/page.js`, as Rust functions: the only way the wasm
//! reaches the page. Views and commands cross as JSON text; parsed JSON comes back as `JsValue`s
//! read through the core's `Value` trait, so the wasm carries no JSON parser.

use alloc::string::String;

use wasm_bindgen::prelude::*;

use crate::json::{Kind, Value};

#[wasm_bindgen(module = "/js/page.js")]
extern "C" {
    pub fn text(id: &str) -> Option<String>;
    pub fn attr(el: &JsValue, name: &str) -> Option<String>;
    pub fn languages() -> JsValue;
    pub fn gpc() -> bool;
    pub fn now() -> f64;
    pub fn log(error: bool, message: &str);
    pub fn parse(json: &str) -> JsValue;
    fn kind(value: &JsValue) -> u8;
    fn get(value: &JsValue, key: &str) -> JsValue;
    fn has(value: &JsValue, key: &str) -> bool;
    #[wasm_bindgen(js_name = stringOf)]
    fn string_of(value: &JsValue, key: &str) -> Option<String>;
    fn len(value: &JsValue) -> u32;
    fn key(value: &JsValue, i: u32) -> String;
    fn at(value: &JsValue, i: u32) -> JsValue;
    pub fn read(key: &str) -> JsValue;
    pub fn write(key: &str, value: Option<&str>) -> bool;
    pub fn listen(act: &JsValue);
    pub fn mount(css: &str) -> bool;
    pub fn render(json: &str, parts: u8);
    pub fn remember();
    pub fn restore(selector: &str);
    pub fn focus(selector: &str);
    pub fn check(category: &str, on: bool);
    pub fn disclosures() -> JsValue;
    pub fn fill(json: &str);
    pub fn command(json: &str);
    pub fn load(src: &str, id: Option<&str>);
    pub fn flag(name: &str, value: bool);
    pub fn hostname() -> String;
    pub fn cookies() -> JsValue;
    pub fn expire(name: &str, domain: &str);
    pub fn inert() -> JsValue;
    pub fn release(due: &str);
    pub fn on(listener: &JsValue) -> JsValue;
    pub fn emit(json: &str);
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

    fn number(&self) -> Option<f64> {
        self.as_f64()
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
        string_of(self, key)
    }

    fn key(&self, i: usize) -> String {
        key(self, i as u32)
    }

    fn at(&self, i: usize) -> JsValue {
        at(self, i as u32)
    }
}
