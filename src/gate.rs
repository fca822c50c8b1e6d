//! What may run now: the analytics script and its Consent Mode commands, the withdrawal steps,
//! the cookies to delete, and which gated scripts are released. Decisions only; `web` applies them.

use alloc::string::String;
use alloc::vec::Vec;

use crate::config::Config;
use crate::consent::{Category, Choices, NECESSARY};
use crate::defaults;
use crate::json::{self, cat};

/// Google Consent Mode v2 types and the category that grants each (`None`: always granted).
pub const CONSENT_TYPES: [(&str, Option<Category>); 7] = [
    ("ad_storage", Some(Category::Marketing)),
    ("ad_user_data", Some(Category::Marketing)),
    ("ad_personalization", Some(Category::Marketing)),
    ("analytics_storage", Some(Category::Analytics)),
    ("functionality_storage", Some(Category::Functional)),
    ("personalization_storage", Some(Category::Functional)),
    ("security_storage", None),
];

/// Consent Mode types with granted (`true`) or denied.
pub type ConsentTypes = Vec<(&'static str, bool)>;

/// `gtag('consent', kind, {…})`'s arguments as a JSON array.
pub fn consent_command(kind: &str, types: &ConsentTypes) -> String {
    let mut out = String::from("[\"consent\",");
    json::write_str(&mut out, kind);
    out.push_str(",{");
    for &(name, granted) in types {
        json::write_key(&mut out, name);
        out.push_str(if granted { "\"granted\"" } else { "\"denied\"" });
    }
    out.push_str("}]");
    out
}

/// `gtag('consent', 'default', …)`: everything denied but security storage.
pub fn consent_default() -> ConsentTypes {
    let mut types = Vec::new();
    for (name, category) in CONSENT_TYPES {
        types.push((name, category.is_none()));
    }
    types
}

/// `gtag('consent', 'update', …)`: each type granted only when its category is configured and granted.
pub fn consent_update(config: &Config, choices: Choices) -> ConsentTypes {
    let mut types = Vec::new();
    for (name, category) in CONSENT_TYPES {
        if let Some(c) = category {
            types.push((name, config.categories.contains(&c) && choices.get(c)));
        }
    }
    types
}

/// The analytics script to inject, and the GA id to configure (none for a bare `analyticsSrc`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnalyticsLoad {
    pub script_url: String,
    pub ga_id: Option<String>,
}

/// What may load with these choices: nothing without a yes to analytics, nothing at all after an
/// invalid GA id, and nothing when the site configured no analytics.
pub fn analytics(config: &Config, choices: Choices) -> Option<AnalyticsLoad> {
    if config.analytics_refused || !choices.analytics || !config.categories.contains(&Category::Analytics) {
        return None;
    }
    let script_url = match (&config.analytics_src, &config.ga_id) {
        (Some(src), _) => src.clone(),
        (None, Some(id)) => cat(&[defaults::GA_SCRIPT_URL, id]),
        (None, None) => return None,
    };
    Some(AnalyticsLoad { script_url, ga_id: config.ga_id.clone() })
}

/// Steps for the page to take, in this order: consent default + update + script (`load`), or an
/// update alone; then the `ga-disable-<id>` flag; then cookie deletion.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Effects {
    pub load: Option<AnalyticsLoad>,
    pub update: Option<ConsentTypes>,
    /// New value of `window['ga-disable-<id>']`, with the id.
    pub ga_disable: Option<(String, bool)>,
    pub clear_cookies: bool,
}

/// As the page loads: a stored yes starts analytics at once; anything else does nothing.
pub fn on_load(config: &Config, choices: Choices) -> Effects {
    match analytics(config, choices) {
        Some(load) => Effects { update: Some(consent_update(config, choices)), load: Some(load), ..Effects::default() },
        None => Effects::default(),
    }
}

/// After a decision (or a reset) on this page. The script is injected once per page; after that
/// a change is a consent update. A no sets `ga-disable` and deletes the analytics cookies, so a
/// withdrawal leaves nothing behind.
pub fn on_change(config: &Config, loaded: bool, after: Choices) -> Effects {
    let mut effects = Effects::default();
    let granted = analytics(config, after);
    if loaded {
        effects.update = Some(consent_update(config, after));
    } else if granted.is_some() {
        effects.update = Some(consent_update(config, after));
        effects.load = granted.clone();
    }
    if let Some(id) = &config.ga_id {
        effects.ga_disable = Some((id.clone(), granted.is_none()));
    }
    effects.clear_cookies = granted.is_none();
    effects
}

/// The cookies Google Analytics sets: `_ga`, `_ga_*`, `_gid`, `_gat*`.
pub fn is_analytics_cookie(name: &str) -> bool {
    name == "_ga" || name.starts_with("_ga_") || name == "_gid" || name.starts_with("_gat")
}

/// `s` up to the first `sep`, and what follows it (empty when there is none). Split by hand:
/// `str::split`'s slicing can panic, and its message would link formatting into the wasm.
fn split(s: &str, sep: u8) -> (&str, &str) {
    match s.bytes().position(|b| b == sep).and_then(|i| s.split_at_checked(i)) {
        Some((head, tail)) => (head, tail.get(1..).unwrap_or("")),
        None => (s, ""),
    }
}

/// Domains to delete a cookie on: the host and each parent that can hold cookies (not a bare
/// top-level label, not an IP address). The host-only copy is deleted without a domain.
pub fn cookie_domains(host: &str) -> Vec<String> {
    let host = match host.as_bytes().last() {
        Some(b'.') => host.get(..host.len() - 1).unwrap_or(host),
        _ => host,
    };
    let has = |s: &str, c: u8| s.bytes().any(|b| b == c);
    let is_ip = has(host, b':') || host.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    let mut domains = Vec::new();
    if is_ip {
        return domains;
    }
    // Each suffix that starts after a dot and still holds one: the host, then its parents.
    let mut rest = host;
    while has(rest, b'.') {
        domains.push(String::from(rest));
        rest = split(rest, b'.').1;
    }
    domains
}

/// Whether a gated script's `data-consent` (categories separated by spaces, all required) is
/// granted. `necessary` always is; an unknown or unconfigured category never is.
pub fn released(spec: &str, config: &Config, choices: Choices) -> bool {
    let mut any = false;
    for token in spec.split_ascii_whitespace() {
        any = true;
        if token == NECESSARY {
            continue;
        }
        match Category::from_key(token) {
            Some(c) if config.categories.contains(&c) && choices.get(c) => {}
            _ => return false,
        }
    }
    any
}
