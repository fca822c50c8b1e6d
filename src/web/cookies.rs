//! The page's cookies: deleting those a withdrawal names, on the host and each parent domain.

use wasm_bindgen::JsCast;
use web_sys::HtmlDocument;

use crate::gate;

fn document() -> Option<HtmlDocument> {
    super::page::document()?.dyn_into().ok()
}

/// The names of the cookies the page can read.
pub fn names() -> Vec<String> {
    let cookies = document().and_then(|doc| doc.cookie().ok()).unwrap_or_default();
    cookies.split(';').filter_map(|pair| pair.split('=').next()).map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned).collect()
}

/// Deletes the cookies `patterns` match: host-only, and on the host and every parent.
pub fn clear(patterns: &[String]) {
    let Some(doc) = document() else { return };
    let domains = gate::cookie_domains(&super::page::hostname());
    for name in names().iter().filter(|name| patterns.iter().any(|p| gate::cookie_matches(p, name))) {
        let expired = format!("{name}=; Max-Age=0; path=/");
        let _ = doc.set_cookie(&expired);
        for domain in &domains {
            let _ = doc.set_cookie(&format!("{expired}; domain={domain}"));
        }
    }
}
