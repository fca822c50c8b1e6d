//! The site's settings: read from the script tag's attributes, validated, with defaults, and the
//! console messages that tell a site owner what was wrong.

use crate::catalogue::{Lang, LangChoice};
use crate::consent::Category;
use crate::defaults;

/// How loudly a configuration problem is logged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Error,
    Warn,
}

/// One message for the console, naming the setting and the value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub level: Level,
    pub message: String,
}

/// Everything the banner needs to know about the site, valid by construction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// GA4 measurement id (`G-…`), when given and valid.
    pub ga_id: Option<String>,
    /// A GA id was given but invalid: no analytics at all, even after a yes.
    pub analytics_refused: bool,
    pub policy_url: Option<String>,
    pub lang: LangChoice,
    pub policy_version: String,
    /// Script loaded instead of Google's `gtag/js` after analytics consent.
    pub analytics_src: Option<String>,
    pub expires_days: u32,
    /// Whether a Global Privacy Control signal counts as a no.
    pub respect_gpc: bool,
    /// Whether the small reopen control stays after a decision.
    pub reopen: bool,
    /// Optional categories the visitor is asked about, in display order.
    pub categories: Vec<Category>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            ga_id: None,
            analytics_refused: false,
            policy_url: None,
            lang: LangChoice::Auto,
            policy_version: defaults::POLICY_VERSION.to_owned(),
            analytics_src: None,
            expires_days: defaults::EXPIRES_DAYS,
            respect_gpc: true,
            reopen: true,
            categories: vec![Category::Analytics],
        }
    }
}

/// The script-tag attributes this version reads (contract).
pub const ATTRIBUTES: [&str; 9] = [
    "data-ga-id",
    "data-policy-url",
    "data-lang",
    "data-policy-version",
    "data-analytics-src",
    "data-config",
    "data-expires-days",
    "data-gpc",
    "data-reopen",
];

/// `G-` followed by letters and digits, as GA4 measurement ids are.
pub fn is_ga_id(s: &str) -> bool {
    s.strip_prefix("G-")
        .is_some_and(|rest| (1..=32).contains(&rest.len()) && rest.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A URL the banner may put in a link or a script: relative, `http:` or `https:`. Browsers drop
/// tabs and newlines inside URLs and trim control characters, so `java\tscript:` is caught too.
pub fn is_safe_url(s: &str) -> bool {
    let cleaned: String = s.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    if cleaned.is_empty() || cleaned.chars().any(|c| c.is_control()) {
        return false;
    }
    // A scheme is what comes before the first ':' when no '/', '?' or '#' comes earlier.
    // (`split` rather than slicing: a slice's panic path would pull formatting into the wasm.)
    let head = cleaned.split(['/', '?', '#']).next().unwrap_or("");
    match head.split_once(':') {
        None => true,
        Some((scheme, _)) => scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https"),
    }
}

fn problem(problems: &mut Vec<Problem>, level: Level, attribute: &str, value: &str, what: &str) {
    let mut message = String::from(defaults::LOG_PREFIX);
    for part in [attribute, "=\"", value, "\" ", what] {
        message.push_str(part);
    }
    problems.push(Problem { level, message });
}

/// Reads the settings from the script tag's attributes through `attr`, which returns an
/// attribute's value or `None` when it is absent. Invalid values are reported and treated as absent.
pub fn from_attributes(attr: impl Fn(&str) -> Option<String>) -> (Config, Vec<Problem>) {
    let mut config = Config::default();
    let mut problems = Vec::new();

    if let Some(v) = attr("data-ga-id") {
        let id = v.trim();
        if is_ga_id(id) {
            config.ga_id = Some(id.to_owned());
        } else {
            config.analytics_refused = true;
            problem(&mut problems, Level::Error, "data-ga-id", &v, "is not a GA4 measurement id (G- followed by letters and digits); analytics stays off.");
        }
    }
    if let Some(v) = attr("data-policy-url") {
        if is_safe_url(&v) {
            config.policy_url = Some(v.trim().to_owned());
        } else {
            problem(&mut problems, Level::Error, "data-policy-url", &v, "is not an http(s) or relative URL; no policy link is shown.");
        }
    }
    if let Some(v) = attr("data-lang") {
        match v.trim().to_ascii_lowercase().as_str() {
            "auto" => config.lang = LangChoice::Auto,
            "en" => config.lang = LangChoice::Fixed(Lang::En),
            "ja" => config.lang = LangChoice::Fixed(Lang::Ja),
            _ => problem(&mut problems, Level::Error, "data-lang", &v, "is not auto, en or ja; using auto."),
        }
    }
    if let Some(v) = attr("data-policy-version") {
        config.policy_version = v;
    }
    if let Some(v) = attr("data-analytics-src") {
        if is_safe_url(&v) {
            config.analytics_src = Some(v.trim().to_owned());
        } else {
            problem(&mut problems, Level::Error, "data-analytics-src", &v, "is not an http(s) or relative URL; it is never loaded.");
        }
    }
    if let Some(v) = attr("data-expires-days") {
        match v.trim().parse::<u32>() {
            Ok(days) if (defaults::EXPIRES_DAYS_MIN..=defaults::EXPIRES_DAYS_MAX).contains(&days) => config.expires_days = days,
            _ => problem(&mut problems, Level::Error, "data-expires-days", &v, "is not a whole number of days from 1 to 395; using 180."),
        }
    }
    if let Some(v) = attr("data-gpc") {
        match v.trim().to_ascii_lowercase().as_str() {
            "respect" => config.respect_gpc = true,
            "ignore" => config.respect_gpc = false,
            _ => problem(&mut problems, Level::Error, "data-gpc", &v, "is not respect or ignore; using respect."),
        }
    }
    if let Some(v) = attr("data-reopen") {
        match v.trim().to_ascii_lowercase().as_str() {
            "true" | "" => config.reopen = true,
            "false" => config.reopen = false,
            _ => problem(&mut problems, Level::Error, "data-reopen", &v, "is not true or false; using true."),
        }
    }
    (config, problems)
}
