//! What may run now: the analytics script and its Consent Mode commands, the withdrawal steps,
//! the cookies to delete, and which gated scripts are released. Decisions only; `web` applies them.

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::category::{Category, Choices, NECESSARY};
use crate::config::{Analytics, Config};
use crate::defaults;

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

/// The parameters of `gtag('consent', …)`: Consent Mode types, granted (`true`) or denied.
/// Serialized as the object gtag takes, `{ ad_storage: "denied", … }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsentTypes(pub Vec<(&'static str, bool)>);

impl Serialize for ConsentTypes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for &(name, granted) in &self.0 {
            map.serialize_entry(name, if granted { "granted" } else { "denied" })?;
        }
        map.end()
    }
}

/// `gtag('consent', 'default', …)`: everything denied but security storage.
pub fn consent_default() -> ConsentTypes {
    ConsentTypes(CONSENT_TYPES.iter().map(|&(name, category)| (name, category.is_none())).collect())
}

/// `gtag('consent', 'update', …)`: each type granted only when its category is configured and granted.
pub fn consent_update(config: &Config, choices: Choices) -> ConsentTypes {
    ConsentTypes(
        CONSENT_TYPES
            .iter()
            .filter_map(|&(name, category)| category.map(|c| (name, config.categories.contains(&c) && choices.get(c))))
            .collect(),
    )
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
    if !choices.get(Category::Analytics) || !config.categories.contains(&Category::Analytics) {
        return None;
    }
    match &config.analytics {
        Analytics::Ga4 { id, src } => Some(AnalyticsLoad {
            script_url: src.clone().unwrap_or_else(|| format!("{}{id}", defaults::GA_SCRIPT_URL)),
            ga_id: Some(id.clone()),
        }),
        Analytics::Script { src } => Some(AnalyticsLoad { script_url: src.clone(), ga_id: None }),
        Analytics::None | Analytics::Refused { .. } => None,
    }
}

/// Steps for the page to take, in this order: consent default + update + script (`load`), or an
/// update alone (GA4 only); then the `ga-disable-<id>` flag; then cookie deletion.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Effects {
    pub load: Option<AnalyticsLoad>,
    pub update: Option<ConsentTypes>,
    /// New value of `window['ga-disable-<id>']`, with the id.
    pub ga_disable: Option<(String, bool)>,
    /// Name patterns of the cookies to delete: those of every category not granted.
    pub clear_cookies: Vec<String>,
}

/// As the page loads: a stored yes starts analytics at once; anything else does nothing.
pub fn on_load(config: &Config, choices: Choices) -> Effects {
    match analytics(config, choices) {
        Some(load) => {
            Effects { update: load.ga_id.is_some().then(|| consent_update(config, choices)), load: Some(load), ..Effects::default() }
        }
        None => Effects::default(),
    }
}

/// After a decision (or a reset) on this page. The script is injected once per page; after that
/// a change is a consent update (GA4). A no sets `ga-disable`, and the cookies of every category
/// not granted are deleted, so a withdrawal leaves nothing behind.
pub fn on_change(config: &Config, loaded: bool, after: Choices) -> Effects {
    let granted = analytics(config, after);
    let ga = config.ga_id();
    Effects {
        update: (ga.is_some() && (loaded || granted.is_some())).then(|| consent_update(config, after)),
        ga_disable: ga.map(|id| (id.to_owned(), granted.is_none())),
        clear_cookies: config.cookies.iter().filter(|&&(c, _)| !after.get(c)).map(|(_, p)| p.clone()).collect(),
        load: if loaded { None } else { granted },
    }
}

/// Whether a cookie's name matches a pattern: the same name, or for `prefix*` any name that
/// starts with the prefix.
pub fn cookie_matches(pattern: &str, name: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => name.starts_with(prefix),
        None => name == pattern,
    }
}

/// The cookies Google Analytics sets: `_ga`, `_ga_*`, `_gid`, `_gat*`.
pub fn is_analytics_cookie(name: &str) -> bool {
    defaults::GA_COOKIES.iter().any(|p| cookie_matches(p, name))
}

/// Domains to delete a cookie on: the host and each parent that can hold cookies (not a bare
/// top-level label, not an IP address). The host-only copy is deleted without a domain.
pub fn cookie_domains(host: &str) -> Vec<String> {
    let host = host.strip_suffix('.').unwrap_or(host);
    let is_ip = host.contains(':') || host.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    if is_ip {
        return Vec::new();
    }
    // Each suffix that starts after a dot and still holds one: the host, then its parents.
    let mut domains = Vec::new();
    let mut rest = host;
    while let Some((_, parent)) = rest.split_once('.') {
        domains.push(rest.to_owned());
        rest = parent;
    }
    domains
}

/// Whether a gated script's `data-consent` (categories separated by spaces, all required) is
/// granted. `necessary` always is; an unknown or unconfigured category never is.
pub fn released(spec: &str, config: &Config, choices: Choices) -> bool {
    let mut tokens = spec.split_ascii_whitespace().peekable();
    tokens.peek().is_some()
        && tokens
            .all(|token| token == NECESSARY || Category::from_key(token).is_some_and(|c| config.categories.contains(&c) && choices.get(c)))
}
