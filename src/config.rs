//! The site's settings: read from the script tag's attributes and the JSON configuration
//! (`data-config` or `mount(config)`), validated, with defaults, and the console messages that
//! tell a site owner what was wrong.

use alloc::borrow::ToOwned;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use crate::catalogue::{Lang, LangChoice, Localized, REPLACEABLE};
use crate::consent::Category;
use crate::defaults;
use crate::json::{cat, Kind, Value};

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
    /// The site's replacements for built-in texts: (language, key as in `REPLACEABLE`, text).
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

impl Config {}

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

/// The platform's URL parser: the scheme a URL has when resolved against an `https:` page
/// (`new URL(url, "https://x/").protocol`), or `None` when it does not parse. Passed in, so the
/// core decides which schemes are safe by the rules the browser will follow the link by.
pub trait Urls {
    fn scheme(&self, url: &str) -> Option<String>;
}

/// A URL the banner may put in a link or a script: relative, `http:` or `https:`. The parser
/// drops tabs and newlines and trims control characters, so `java\tscript:` is caught too; a
/// text of nothing but those would resolve to the page itself and is refused here.
pub fn is_safe_url(urls: &impl Urls, s: &str) -> bool {
    s.bytes().any(|b| b > b' ') && matches!(urls.scheme(s).as_deref(), Some("http:" | "https:"))
}

/// Decimal digits as a number (`None` for anything else, or past a million).
fn whole(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    s.bytes().try_fold(0u32, |n, c| (c.is_ascii_digit() && n < 1_000_000).then(|| n * 10 + u32::from(c - b'0')))
}

/// Applies one setting's textual value; on refusal, says what was expected and what happens.
fn apply(config: &mut Config, setting: Setting, value: &str, urls: &impl Urls) -> Result<(), &'static str> {
    let v = value.trim_ascii();
    let is = |word: &str| v.eq_ignore_ascii_case(word);
    match setting {
        Setting::GaId if is_ga_id(v) => config.ga_id = Some(v.to_owned()),
        Setting::GaId => {
            config.analytics_refused = true;
            return Err("is not a GA4 measurement id (G- followed by letters and digits); analytics stays off.");
        }
        Setting::PolicyUrl if is_safe_url(urls, v) => config.policy_url = Some(v.to_owned()),
        Setting::PolicyUrl => return Err("is not an http(s) or relative URL; no policy link is shown."),
        Setting::Lang => {
            config.lang = match () {
                _ if is("auto") => LangChoice::Auto,
                _ if is("en") => LangChoice::Fixed(Lang::En),
                _ if is("ja") => LangChoice::Fixed(Lang::Ja),
                _ => return Err("is not auto, en or ja; using auto."),
            }
        }
        Setting::PolicyVersion => config.policy_version = value.to_owned(),
        Setting::AnalyticsSrc if is_safe_url(urls, v) => config.analytics_src = Some(v.to_owned()),
        Setting::AnalyticsSrc => return Err("is not an http(s) or relative URL; it is never loaded."),
        Setting::ExpiresDays => match whole(v) {
            Some(days) if (defaults::EXPIRES_DAYS_MIN..=defaults::EXPIRES_DAYS_MAX).contains(&days) => config.expires_days = days,
            _ => return Err("is not a whole number of days from 1 to 395; using 180."),
        },
        Setting::Gpc if is("respect") || is("ignore") => config.respect_gpc = is("respect"),
        Setting::Gpc => return Err("is not respect or ignore; using respect."),
        Setting::Reopen if is("true") || is("false") || v.is_empty() => config.reopen = !is("false"),
        Setting::Reopen => return Err("is not true or false; using true."),
    }
    Ok(())
}

impl Problem {
    /// A message from its parts, after the prefix every message of the banner starts with.
    #[inline(never)]
    pub fn new(level: Level, parts: &[&str]) -> Problem {
        let mut message = String::from(defaults::LOG_PREFIX);
        for part in parts {
            message.push_str(part);
        }
        Problem { level, message }
    }

    pub fn error(parts: &[&str]) -> Problem {
        Problem::new(Level::Error, parts)
    }

    pub fn warn(parts: &[&str]) -> Problem {
        Problem::new(Level::Warn, parts)
    }
}

/// Where the JSON configuration comes from.
pub enum Embedded<'a, V> {
    /// No `data-config` attribute (and no `mount` object).
    Absent,
    /// `data-config` names an element the page does not have.
    Missing(&'a str),
    /// The parsed configuration (what did not parse is `Kind::Other`), and what to call its
    /// source in messages (`data-config="site-config"`).
    Parsed { value: V, source: &'a str },
}

/// Reads the settings from the JSON configuration, then the script tag's attributes through
/// `attr` (which wins). Invalid values are reported and treated as absent.
pub fn read<V: Value, U: Urls>(attr: impl Fn(&str) -> Option<String>, embedded: Embedded<V>, urls: &U) -> (Config, Vec<Problem>) {
    let mut r = Reader { config: Config::default(), problems: Vec::new(), source: "", urls };
    match embedded {
        Embedded::Absent => {}
        Embedded::Missing(id) => r.error(&["data-config=\"", id, "\" names no element in the page; using the built-in configuration."]),
        Embedded::Parsed { value, source } => {
            r.source = source;
            if value.kind() == Kind::Object {
                r.json(&value);
            } else {
                r.error(&[source, " is not a JSON object; using the built-in configuration."]);
            }
        }
    }
    for (attribute, _, setting) in SETTINGS {
        if let Some(value) = attr(attribute) {
            if let Err(what) = apply(&mut r.config, setting, &value, urls) {
                r.error(&[attribute, "=\"", &value, "\" ", what]);
            }
        }
    }
    r.settle();
    (r.config, r.problems)
}

/// The configuration being read, and what is wrong with it.
struct Reader<'a, U> {
    config: Config,
    problems: Vec<Problem>,
    /// What messages call the JSON configuration.
    source: &'a str,
    urls: &'a U,
}

impl<U: Urls> Reader<'_, U> {
    fn error(&mut self, parts: &[&str]) {
        self.problems.push(Problem::new(Level::Error, parts));
    }

    /// A value of the wrong JSON type: the setting keeps its default.
    fn wrong<V: Value>(&mut self, key: &str, expected: &str, found: &V) {
        let source = self.source;
        self.error(&[source, ": \"", key, "\" should be ", expected, ", not ", found.kind().name(), "; using the default."]);
    }

    /// Something this version does not know, left out with a warning.
    fn ignored(&mut self, what: &str, name: &str, hint: &str) {
        let source = self.source;
        self.problems.push(Problem::new(Level::Warn, &[source, ": unknown ", what, " \"", name, "\"", hint, " is ignored."]));
    }

    fn json<V: Value>(&mut self, value: &V) {
        for i in 0..value.len() {
            let key = value.key(i);
            let v = value.at(i);
            let Some(&(_, _, setting)) = SETTINGS.iter().find(|(_, k, _)| *k == key) else {
                match key.as_str() {
                    "categories" => self.categories(&v),
                    "services" => self.services(&v),
                    "texts" => self.texts(&v),
                    _ => self.ignored("key", &key, ""),
                }
                continue;
            };
            // The JSON spelling of each value: a string, except these two.
            let (text, expected) = match setting {
                Setting::ExpiresDays => (v.number(), "a whole number"),
                Setting::Reopen => (v.boolean().map(|b| String::from(if b { "true" } else { "false" })), "true or false"),
                _ => (v.string(), "a string"),
            };
            match text {
                Some(text) => {
                    if let Err(what) = apply(&mut self.config, setting, &text, self.urls) {
                        let source = self.source;
                        self.error(&[source, ": \"", &key, "\": \"", &text, "\" ", what]);
                    }
                }
                None => self.wrong(&key, expected, &v),
            }
        }
    }

    fn categories<V: Value>(&mut self, v: &V) {
        const EXPECTED: &str = "an array of category names";
        if v.kind() != Kind::Array {
            return self.wrong("categories", EXPECTED, v);
        }
        let mut list = Vec::new();
        for i in 0..v.len() {
            let Some(name) = v.at(i).string() else { return self.wrong("categories", EXPECTED, v) };
            match Category::from_key(&name) {
                Some(c) if !list.contains(&c) => list.push(c),
                Some(_) => {}
                None if name == crate::consent::NECESSARY => {}
                None => self.ignored("category", &name, " (analytics, functional or marketing)"),
            }
        }
        self.config.categories = list;
    }

    fn services<V: Value>(&mut self, v: &V) {
        if v.kind() != Kind::Array {
            return self.wrong("services", "an array of services", v);
        }
        for i in 0..v.len() {
            match self.service(&v.at(i)) {
                Ok(s) => self.config.services.push(s),
                Err(what) => {
                    let source = self.source;
                    self.error(&[source, ": a service ", what, "; it is left out."]);
                }
            }
        }
    }

    fn service<V: Value>(&mut self, v: &V) -> Result<Service, &'static str> {
        if v.kind() != Kind::Object {
            return Err("is not an object");
        }
        let id = v.string_of("id").ok_or("has no \"id\" string")?;
        let category = v
            .string_of("category")
            .and_then(|c| Category::from_key(&c))
            .ok_or("has no \"category\" of analytics, functional or marketing")?;
        for i in 0..v.len() {
            let key = v.key(i);
            if !SERVICE_KEYS.contains(&key.as_str()) {
                self.ignored("key", &key, &cat(&[" in service \"", &id, "\""]));
            }
        }
        let text = |key| {
            v.get(key)
                .map_or(Some(Localized::default()), |t| localized(&t))
                .ok_or("has a \"recipient\", \"data\" or \"purpose\" that is not text or { en, ja }")
        };
        let url = |key| match v.has(key) {
            false => Ok(None),
            true => v
                .string_of(key)
                .filter(|u| is_safe_url(self.urls, u))
                .map(Some)
                .ok_or("has an \"optOutUrl\" or \"policyUrl\" that is not an http(s) or relative URL"),
        };
        Ok(Service {
            category,
            recipient: text("recipient")?,
            data: text("data")?,
            purpose: text("purpose")?,
            opt_out_url: url("optOutUrl")?,
            policy_url: url("policyUrl")?,
            id,
        })
    }

    fn texts<V: Value>(&mut self, v: &V) {
        if v.kind() != Kind::Object {
            return self.wrong("texts", "an object of languages", v);
        }
        for i in 0..v.len() {
            let tag = v.key(i);
            let lang = match tag.as_str() {
                "en" => Lang::En,
                "ja" => Lang::Ja,
                _ => {
                    self.ignored("language", &tag, " in texts (en or ja)");
                    continue;
                }
            };
            let entries = v.at(i);
            if entries.kind() != Kind::Object {
                self.wrong("texts", "an object of texts per language", &entries);
                continue;
            }
            for j in 0..entries.len() {
                let key = entries.key(j);
                let text = entries.at(j);
                match (REPLACEABLE.iter().find(|k| **k == key), text.string()) {
                    (Some(k), Some(t)) => self.config.texts.push((lang, k, t)),
                    (Some(_), None) => self.wrong(&key, "a string", &text),
                    (None, _) => self.ignored("text", &key, ""),
                }
            }
        }
    }

    /// Rules across settings: GA implies the analytics category and (unless described) the GA4
    /// service; a service of an unconfigured category is dropped with a warning.
    fn settle(&mut self) {
        let Config { ga_id, categories, services, .. } = &mut self.config;
        if ga_id.is_some() {
            if !categories.contains(&Category::Analytics) {
                categories.insert(0, Category::Analytics);
            }
            if !services.iter().any(|s| s.id == "ga4") {
                services.push(ga4_service());
            }
        }
        let problems = &mut self.problems;
        services.retain(|s| {
            let kept = categories.contains(&s.category);
            if !kept {
                problems.push(Problem::warn(&[
                    "service \"",
                    &s.id,
                    "\" is in the category \"",
                    s.category.key(),
                    "\", which is not configured; it is ignored.",
                ]));
            }
            kept
        });
    }
}

const SERVICE_KEYS: [&str; 7] = ["id", "category", "recipient", "data", "purpose", "optOutUrl", "policyUrl"];

/// A per-language text: `{ "en": "…", "ja": "…" }`, or one string for both.
fn localized<V: Value>(v: &V) -> Option<Localized> {
    if let Some(s) = v.string() {
        return Some(Localized { en: Some(s.clone()), ja: Some(s) });
    }
    if v.kind() != Kind::Object {
        return None;
    }
    let lang = |key| match v.has(key) {
        false => Some(None),
        true => v.string_of(key).map(Some),
    };
    Some(Localized { en: lang("en")?, ja: lang("ja")? })
}
