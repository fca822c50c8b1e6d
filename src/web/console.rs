//! The console: where a site owner reads what the banner has to say, each problem's English text
//! made by the core.

use wasm_bindgen::JsValue;

use crate::problem::{Level, Problem};

/// Tells the site owner.
pub fn log(problem: &Problem) {
    let message = JsValue::from_str(&problem.message());
    match problem.level {
        Level::Error => web_sys::console::error_1(&message),
        Level::Warn => web_sys::console::warn_1(&message),
    }
}

/// Tells the site owner, with what the page threw (logged as the value it is, with its stack).
pub fn log_thrown(problem: &Problem, thrown: &JsValue) {
    web_sys::console::error_2(&JsValue::from_str(&problem.message()), thrown);
}
