//! The page primitives of `js/page.js` as Rust functions: the only way the wasm reaches the page.
//! Element trees and lists cross as JSON text, so a handful of imports covers the whole page.

use alloc::string::String;

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/page.js")]
extern "C" {
    pub fn text(id: &str) -> Option<String>;
    pub fn attr(el: &JsValue, name: &str) -> Option<String>;
    pub fn languages() -> String;
    pub fn gpc() -> bool;
    pub fn now() -> f64;
    pub fn log(error: bool, message: &str);
    pub fn read(key: &str) -> JsValue;
    pub fn write(key: &str, value: Option<&str>) -> bool;
    pub fn listen(act: &JsValue) -> bool;
    pub fn mount(css: &str) -> bool;
    pub fn paint(json: &str);
    pub fn dialog(json: &str);
    pub fn remember();
    pub fn restore(selector: &str);
    pub fn focus(selector: &str);
    pub fn check(category: &str, on: bool);
    pub fn command(json: &str);
    pub fn load(src: &str, id: Option<&str>);
    pub fn flag(name: &str, value: bool);
    pub fn hostname() -> String;
    pub fn cookies() -> String;
    pub fn cookie(value: &str);
    pub fn inert() -> String;
    pub fn release(due: &str);
    pub fn disclosures() -> String;
    pub fn fill(json: &str);
    pub fn parse(json: &str) -> JsValue;
    pub fn stringify(value: &JsValue) -> Option<String>;
    pub fn on(listener: &JsValue) -> JsValue;
    pub fn emit(json: &str);
}
