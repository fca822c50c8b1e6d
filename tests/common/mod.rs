//! What the browser's `JSON.parse` is to the wasm, serde_json is to the native tests: the core
//! reads parsed JSON through `json::Value`, here over serde_json's values.
#![allow(dead_code)]

use consent_banner::json::{Kind, Value};

mod builtins;
#[allow(unused_imports)]
pub use builtins::{Native, CASES, NOT_ISO, OTHER_URLS, WEB_URLS};

/// A parsed value; `None` is what did not parse (the wasm's `undefined`).
#[derive(Clone, Debug)]
pub struct J(pub Option<serde_json::Value>);

/// Parses like `JSON.parse`: anything malformed becomes `undefined`.
pub fn parse(text: &str) -> J {
    J(serde_json::from_str(text).ok())
}

impl Value for J {
    fn kind(&self) -> Kind {
        match &self.0 {
            None => Kind::Other,
            Some(serde_json::Value::Null) => Kind::Null,
            Some(serde_json::Value::Bool(_)) => Kind::Bool,
            Some(serde_json::Value::Number(_)) => Kind::Number,
            Some(serde_json::Value::String(_)) => Kind::String,
            Some(serde_json::Value::Array(_)) => Kind::Array,
            Some(serde_json::Value::Object(_)) => Kind::Object,
        }
    }

    fn string(&self) -> Option<String> {
        self.0.as_ref()?.as_str().map(str::to_owned)
    }

    fn boolean(&self) -> Option<bool> {
        self.0.as_ref()?.as_bool()
    }

    /// As `String(n)` writes it, for the numbers the tests use (whole ones without a fraction).
    fn number(&self) -> Option<String> {
        let n = self.0.as_ref()?.as_f64()?;
        Some(if n.fract() == 0.0 && n.abs() < 1e21 { format!("{}", n as i64) } else { n.to_string() })
    }

    fn get(&self, key: &str) -> Option<J> {
        self.0.as_ref()?.as_object()?.get(key).cloned().map(|v| J(Some(v)))
    }

    fn len(&self) -> usize {
        match &self.0 {
            Some(serde_json::Value::Array(items)) => items.len(),
            Some(serde_json::Value::Object(members)) => members.len(),
            _ => 0,
        }
    }

    fn key(&self, i: usize) -> String {
        match &self.0 {
            Some(serde_json::Value::Array(_)) => i.to_string(),
            Some(serde_json::Value::Object(members)) => members.keys().nth(i).cloned().unwrap_or_default(),
            _ => String::new(),
        }
    }

    fn at(&self, i: usize) -> J {
        J(match &self.0 {
            Some(serde_json::Value::Array(items)) => items.get(i).cloned(),
            Some(serde_json::Value::Object(members)) => members.values().nth(i).cloned(),
            _ => None,
        })
    }
}
