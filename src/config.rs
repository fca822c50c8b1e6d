//! The site's settings: read from the script tag's attributes and the JSON configuration
//! (`data-config` or `mount(config)`), validated, with defaults, and the console messages that
//! tell a site owner what was wrong.

use alloc::borrow::ToOwned;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use crate::catalogue::{self, Lang, LangChoice, Localized, Texts};
use crate::consent::Category;
use crate::defaults;
use crate::json::{self, Json};
use crate::timestamp;

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

/// A recipient of data when its category is granted: one row of the 外部送信 disclosure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Service {
    pub id: String,
    pub category: Category,
    pub recipient: Localized,
    pub data: Localized,
    pub purpose: Localized,
    pub opt_out_url: Option<String>,
    pub policy_url: Option<String>,
}

/// The GA4 service a site gets when it sets `gaId` and describes no `ga4` service itself.
pub fn ga4_service() -> Service {
    Service {
        id: "ga4".to_owned(),
        category: Category::Analytics,
        recipient: Localized::both("Google LLC (Google Analytics 4)", "Google LLC（Google アナリティクス 4）"),
        data: Localized::both(
            "Pages viewed, referrer, device and browser, approximate location from the IP address, a cookie identifier",
            "閲覧したページ、参照元、端末・ブラウザの情報、IPアドレスから推定される地域、Cookie識別子",
        ),
        purpose: Localized::both("Measuring how the site is used, to improve it", "サイトの利用状況を分析し、改善するため"),
        opt_out_url: Some("https://tools.google.com/dlpage/gaoptout".to_owned()),
        policy_url: Some("https://policies.google.com/privacy".to_owned()),
    }
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
    /// Services of configured categories, in the order given (the built-in GA4 one last).
    pub services: Vec<Service>,
    /// The site's replacements for built-in texts: (language, key as in `TEXT_KEYS`, text).
    pub texts: Vec<(Lang, &'static str, String)>,
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
            services: Vec::new(),
            texts: Vec::new(),
        }
    }
}

impl Config {
    /// The texts of a language: the built-in ones with the site's replacements over them.
    pub fn texts(&self, lang: Lang) -> Texts<'_> {
        let mut t = catalogue::texts(lang);
        for (_, key, text) in self.texts.iter().filter(|(l, _, _)| *l == lang) {
            let text = text.as_str();
            match *key {
                "title" => t.title = text,
                "description" => t.description = text,
                "policyLink" => t.policy_link = text,
                "dialogTitle" => t.dialog_title = text,
                "dialogDescription" => t.dialog_description = text,
                "region" => t.region = text,
                _ => {}
            }
        }
        t
    }
}

/// Text keys a site may replace in `texts.en` / `texts.ja`. Button names are the contract's and
/// stay as they are, so a visitor always finds the same controls.
pub const TEXT_KEYS: [&str; 6] = ["title", "description", "policyLink", "dialogTitle", "dialogDescription", "region"];

/// One setting, in its two spellings (contract).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Setting {
    GaId,
    PolicyUrl,
    Lang,
    PolicyVersion,
    AnalyticsSrc,
    ExpiresDays,
    Gpc,
    Reopen,
}

const SETTINGS: [(&str, &str, Setting); 8] = [
    ("data-ga-id", "gaId", Setting::GaId),
    ("data-policy-url", "policyUrl", Setting::PolicyUrl),
    ("data-lang", "lang", Setting::Lang),
    ("data-policy-version", "policyVersion", Setting::PolicyVersion),
    ("data-analytics-src", "analyticsSrc", Setting::AnalyticsSrc),
    ("data-expires-days", "expiresDays", Setting::ExpiresDays),
    ("data-gpc", "gpc", Setting::Gpc),
    ("data-reopen", "reopen", Setting::Reopen),
];

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
    s.strip_prefix("G-").is_some_and(|rest| (1..=32).contains(&rest.len()) && rest.bytes().all(|b| b.is_ascii_alphanumeric()))
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

/// Applies one setting's textual value; on refusal, says what was expected and what happens.
fn apply(config: &mut Config, setting: Setting, value: &str) -> Result<(), &'static str> {
    let v = value.trim();
    let lower = v.to_ascii_lowercase();
    match setting {
        Setting::GaId if is_ga_id(v) => config.ga_id = Some(v.to_owned()),
        Setting::GaId => {
            config.analytics_refused = true;
            return Err("is not a GA4 measurement id (G- followed by letters and digits); analytics stays off.");
        }
        Setting::PolicyUrl if is_safe_url(v) => config.policy_url = Some(v.to_owned()),
        Setting::PolicyUrl => return Err("is not an http(s) or relative URL; no policy link is shown."),
        Setting::Lang => {
            config.lang = match lower.as_str() {
                "auto" => LangChoice::Auto,
                "en" => LangChoice::Fixed(Lang::En),
                "ja" => LangChoice::Fixed(Lang::Ja),
                _ => return Err("is not auto, en or ja; using auto."),
            }
        }
        Setting::PolicyVersion => config.policy_version = value.to_owned(),
        Setting::AnalyticsSrc if is_safe_url(v) => config.analytics_src = Some(v.to_owned()),
        Setting::AnalyticsSrc => return Err("is not an http(s) or relative URL; it is never loaded."),
        Setting::ExpiresDays => match v.parse::<u32>() {
            Ok(days) if (defaults::EXPIRES_DAYS_MIN..=defaults::EXPIRES_DAYS_MAX).contains(&days) => config.expires_days = days,
            _ => return Err("is not a whole number of days from 1 to 395; using 180."),
        },
        Setting::Gpc => {
            config.respect_gpc = match lower.as_str() {
                "respect" => true,
                "ignore" => false,
                _ => return Err("is not respect or ignore; using respect."),
            }
        }
        Setting::Reopen => {
            config.reopen = match lower.as_str() {
                "true" | "" => true,
                "false" => false,
                _ => return Err("is not true or false; using true."),
            }
        }
    }
    Ok(())
}

impl Problem {
    /// A message from its parts, after the prefix every message of the banner starts with.
    pub fn new(level: Level, parts: &[&str]) -> Problem {
        let mut message = String::from(defaults::LOG_PREFIX);
        parts.iter().for_each(|p| message.push_str(p));
        Problem { level, message }
    }

    pub fn error(parts: &[&str]) -> Problem {
        Problem::new(Level::Error, parts)
    }

    pub fn warn(parts: &[&str]) -> Problem {
        Problem::new(Level::Warn, parts)
    }
}

fn say(problems: &mut Vec<Problem>, level: Level, parts: &[&str]) {
    problems.push(Problem::new(level, parts));
}

/// Where the JSON configuration comes from.
pub enum Embedded<'a> {
    /// No `data-config` attribute (and no `mount` object).
    Absent,
    /// `data-config` names an element the page does not have.
    Missing(&'a str),
    /// The JSON text, and what to call its source in messages (`data-config="site-config"`).
    Text { json: &'a str, source: &'a str },
}

/// Reads the settings from the JSON configuration, then the script tag's attributes through
/// `attr` (which wins). Invalid values are reported and treated as absent.
pub fn read(attr: impl Fn(&str) -> Option<String>, embedded: Embedded) -> (Config, Vec<Problem>) {
    let mut config = Config::default();
    let mut problems = Vec::new();
    match embedded {
        Embedded::Absent => {}
        Embedded::Missing(id) => {
            say(&mut problems, Level::Error, &["data-config=\"", id, "\" names no element in the page; using the built-in configuration."])
        }
        Embedded::Text { json: text, source } => match json::parse(text) {
            Some(value @ Json::Object(_)) => from_json(&mut config, &value, source, &mut problems),
            _ => say(&mut problems, Level::Error, &[source, " is not a JSON object; using the built-in configuration."]),
        },
    }
    for (attribute, _, setting) in SETTINGS {
        if let Some(value) = attr(attribute) {
            if let Err(what) = apply(&mut config, setting, &value) {
                say(&mut problems, Level::Error, &[attribute, "=\"", &value, "\" ", what]);
            }
        }
    }
    settle(&mut config, &mut problems);
    (config, problems)
}

fn integer_text(n: i64) -> String {
    let mut s = String::new();
    if n < 0 {
        s.push('-');
    }
    timestamp::push_num(&mut s, n.saturating_abs(), 1);
    s
}

fn wrong_type(problems: &mut Vec<Problem>, source: &str, key: &str, expected: &str, found: &Json) {
    say(problems, Level::Error, &[source, ": \"", key, "\" should be ", expected, ", not ", found.kind(), "; using the default."]);
}

fn from_json(config: &mut Config, value: &Json, source: &str, problems: &mut Vec<Problem>) {
    let Some(members) = value.as_object() else { return };
    for (key, v) in members {
        let key = key.as_str();
        if let Some(&(_, _, setting)) = SETTINGS.iter().find(|(_, k, _)| *k == key) {
            // The JSON spelling of each value: a string, except these two.
            let text = match (setting, v) {
                (Setting::ExpiresDays, Json::Number(Some(n))) => Some(integer_text(*n)),
                (Setting::Reopen, Json::Bool(b)) => Some(String::from(if *b { "true" } else { "false" })),
                (Setting::ExpiresDays | Setting::Reopen, _) => None,
                (_, Json::String(s)) => Some(s.clone()),
                _ => None,
            };
            match text {
                Some(text) => {
                    if let Err(what) = apply(config, setting, &text) {
                        say(problems, Level::Error, &[source, ": \"", key, "\": \"", &text, "\" ", what]);
                    }
                }
                None => {
                    let expected = match setting {
                        Setting::ExpiresDays => "a whole number",
                        Setting::Reopen => "true or false",
                        _ => "a string",
                    };
                    wrong_type(problems, source, key, expected, v);
                }
            }
            continue;
        }
        match key {
            "categories" => categories(config, v, source, problems),
            "services" => services(config, v, source, problems),
            "texts" => texts(config, v, source, problems),
            _ => say(problems, Level::Warn, &[source, ": unknown key \"", key, "\" is ignored."]),
        }
    }
}

fn categories(config: &mut Config, v: &Json, source: &str, problems: &mut Vec<Problem>) {
    let Some(items) = v.as_array() else { return wrong_type(problems, source, "categories", "an array of category names", v) };
    let mut list = Vec::new();
    for item in items {
        match item.as_str() {
            Some("necessary") => {}
            Some(name) => match Category::from_key(name) {
                Some(c) if !list.contains(&c) => list.push(c),
                Some(_) => {}
                None => say(
                    problems,
                    Level::Warn,
                    &[source, ": unknown category \"", name, "\" is ignored (analytics, functional or marketing)."],
                ),
            },
            None => return wrong_type(problems, source, "categories", "an array of category names", v),
        }
    }
    config.categories = list;
}

/// A per-language text: `{ "en": "…", "ja": "…" }`, or one string for both.
fn localized(v: &Json) -> Option<Localized> {
    if let Some(s) = v.as_str() {
        return Some(Localized { en: Some(s.to_owned()), ja: Some(s.to_owned()) });
    }
    v.as_object()?;
    let lang = |key| match v.get(key) {
        None => Some(None),
        Some(t) => t.as_str().map(|s| Some(s.to_owned())),
    };
    Some(Localized { en: lang("en")?, ja: lang("ja")? })
}

fn services(config: &mut Config, v: &Json, source: &str, problems: &mut Vec<Problem>) {
    let Some(items) = v.as_array() else { return wrong_type(problems, source, "services", "an array of services", v) };
    for item in items {
        match service(item, source, problems) {
            Ok(s) => config.services.push(s),
            Err(what) => say(problems, Level::Error, &[source, ": a service ", what, "; it is left out."]),
        }
    }
}

fn service(v: &Json, source: &str, problems: &mut Vec<Problem>) -> Result<Service, &'static str> {
    v.as_object().ok_or("is not an object")?;
    let id = v.get("id").and_then(Json::as_str).ok_or("has no \"id\" string")?;
    let category = v
        .get("category")
        .and_then(Json::as_str)
        .and_then(Category::from_key)
        .ok_or("has no \"category\" of analytics, functional or marketing")?;
    let text = |key| v.get(key).map_or(Some(Localized::default()), localized);
    let url = |key| match v.get(key) {
        None => Ok(None),
        Some(u) => u
            .as_str()
            .filter(|u| is_safe_url(u))
            .map(|u| Some(u.to_owned()))
            .ok_or("has an \"optOutUrl\" or \"policyUrl\" that is not an http(s) or relative URL"),
    };
    for (key, _) in v.as_object().unwrap_or(&[]) {
        if !["id", "category", "recipient", "data", "purpose", "optOutUrl", "policyUrl"].contains(&key.as_str()) {
            say(problems, Level::Warn, &[source, ": service \"", id, "\": unknown key \"", key, "\" is ignored."]);
        }
    }
    Ok(Service {
        id: id.to_owned(),
        category,
        recipient: text("recipient").ok_or("has a \"recipient\" that is not text or { en, ja }")?,
        data: text("data").ok_or("has a \"data\" that is not text or { en, ja }")?,
        purpose: text("purpose").ok_or("has a \"purpose\" that is not text or { en, ja }")?,
        opt_out_url: url("optOutUrl")?,
        policy_url: url("policyUrl")?,
    })
}

fn texts(config: &mut Config, v: &Json, source: &str, problems: &mut Vec<Problem>) {
    let Some(langs) = v.as_object() else { return wrong_type(problems, source, "texts", "an object of languages", v) };
    for (tag, entries) in langs {
        let lang = match tag.as_str() {
            "en" => Lang::En,
            "ja" => Lang::Ja,
            _ => {
                say(problems, Level::Warn, &[source, ": texts for \"", tag, "\" are ignored (en or ja)."]);
                continue;
            }
        };
        let Some(entries) = entries.as_object() else {
            wrong_type(problems, source, "texts", "an object of texts per language", entries);
            continue;
        };
        for (key, text) in entries {
            match (TEXT_KEYS.iter().find(|k| **k == key.as_str()), text.as_str()) {
                (Some(k), Some(t)) => config.texts.push((lang, k, t.to_owned())),
                (Some(_), None) => wrong_type(problems, source, key, "a string", text),
                (None, _) => say(problems, Level::Warn, &[source, ": unknown text \"", key, "\" is ignored."]),
            }
        }
    }
}

/// Rules across settings: GA implies the analytics category and (unless described) the GA4
/// service; a service of an unconfigured category is dropped with a warning.
fn settle(config: &mut Config, problems: &mut Vec<Problem>) {
    if config.ga_id.is_some() {
        if !config.categories.contains(&Category::Analytics) {
            config.categories.insert(0, Category::Analytics);
        }
        if !config.services.iter().any(|s| s.id == "ga4") {
            config.services.push(ga4_service());
        }
    }
    let categories = config.categories.clone();
    config.services.retain(|s| {
        let kept = categories.contains(&s.category);
        if !kept {
            say(
                problems,
                Level::Warn,
                &["service \"", &s.id, "\" is in the category \"", s.category.key(), "\", which is not configured; it is ignored."],
            );
        }
        kept
    });
}
