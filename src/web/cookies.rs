//! The page's cookies: deleting those a withdrawal names, on the host and each parent domain.

use wasm_bindgen::JsCast;
use web_sys::HtmlDocument;

use crate::gate;

fn document() -> Option<HtmlDocument> {
    super::page::document()?.dyn_into().ok()
}

/// Deletes the cookies `patterns` match: host-only, and on the host and every parent.
pub fn clear(patterns: &[String]) {
    let Some(doc) = document() else { return };
    let Ok(cookies) = doc.cookie() else { return };
    let domains = gate::cookie_domains(&super::page::hostname());
    let names = cookies.split(';').filter_map(|pair| pair.split('=').next()).map(str::trim);
    for name in names.filter(|name| patterns.iter().any(|p| gate::cookie_matches(p, name))) {
        let expired = format!("{name}=; Max-Age=0; path=/");
        let _ = doc.set_cookie(&expired);
        for domain in &domains {
            let _ = doc.set_cookie(&format!("{expired}; domain={domain}"));
        }
    }
}
