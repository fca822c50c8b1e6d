//! The site's settings: read from the script tag's attributes and the JSON configuration
//! (`data-config` or `mount(config)`), validated, with defaults, and the console messages that
//! tell a site owner what was wrong.

use serde::{Deserialize, Deserializer};

use crate::catalogue::{Lang, LangChoice, Localized, PerLang, Replacements, ReplacementsDoc, TextDoc};
use crate::category::{Category, NECESSARY};
use crate::defaults;
use crate::lenient::{Found, Lenient, Object};

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

impl Problem {
    /// A message, after the prefix every message of the banner starts with.
    pub fn new(level: Level, message: &str) -> Problem {
        Problem { level, message: format!("{}{message}", defaults::LOG_PREFIX) }
    }

    pub fn error(message: &str) -> Problem {
        Problem::new(Level::Error, message)
    }

    pub fn warn(message: &str) -> Problem {
        Problem::new(Level::Warn, message)
    }
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
    /// The site's replacements for built-in texts.
    pub texts: PerLang<Replacements>,
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
            texts: PerLang::default(),
        }
    }
}

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

/// Applies one setting's textual value; on refusal, says what was expected and what happens.
fn apply(config: &mut Config, setting: Setting, value: &str, urls: &impl Urls) -> Result<(), &'static str> {
    let v = value.trim_ascii();
    let is = |word: &str| v.eq_ignore_ascii_case(word);
    match setting {
        // Attributes are applied after the JSON: a valid one wins over an invalid JSON value.
        Setting::GaId if is_ga_id(v) => {
            config.ga_id = Some(v.to_owned());
            config.analytics_refused = false;
        }
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
        Setting::ExpiresDays => match v.parse::<u32>() {
            Ok(days)
                if v.bytes().all(|b| b.is_ascii_digit()) && (defaults::EXPIRES_DAYS_MIN..=defaults::EXPIRES_DAYS_MAX).contains(&days) =>
            {
                config.expires_days = days
            }
            _ => return Err("is not a whole number of days from 1 to 395; using 180."),
        },
        Setting::Gpc if is("respect") || is("ignore") => config.respect_gpc = is("respect"),
        Setting::Gpc => return Err("is not respect or ignore; using respect."),
        Setting::Reopen if is("true") || is("false") || v.is_empty() => config.reopen = !is("false"),
        Setting::Reopen => return Err("is not true or false; using true."),
    }
    Ok(())
}

/// The JSON configuration as written (contract): every key optional, each value checked on its
/// own, so that one wrong value is reported and defaulted while the rest still applies.
#[derive(Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Document {
    pub ga_id: Lenient<String>,
    pub policy_url: Lenient<String>,
    pub lang: Lenient<String>,
    pub policy_version: Lenient<String>,
    pub analytics_src: Lenient<String>,
    pub expires_days: Lenient<f64>,
    pub gpc: Lenient<String>,
    pub reopen: Lenient<bool>,
    pub categories: Lenient<Vec<Lenient<String>>>,
    pub services: Lenient<Vec<Lenient<Object<ServiceDoc>>>>,
    pub texts: Lenient<Object<TextsDoc>>,
}

/// One entry of `services` as written.
#[derive(Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ServiceDoc {
    pub id: Lenient<String>,
    pub category: Lenient<String>,
    pub recipient: Lenient<TextDoc>,
    pub data: Lenient<TextDoc>,
    pub purpose: Lenient<TextDoc>,
    pub opt_out_url: Lenient<String>,
    pub policy_url: Lenient<String>,
}

/// `texts` as written: replacements per language.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct TextsDoc {
    pub en: Lenient<Object<ReplacementsDoc>>,
    pub ja: Lenient<Object<ReplacementsDoc>>,
}

/// The JSON configuration as read, with the keys that no setting has (as paths, `texts.fr`).
pub struct Parsed {
    pub document: Document,
    pub unknown: Vec<String>,
}

/// Reads the JSON configuration from any self-describing deserializer; `None` when it is not an
/// object (or not JSON at all).
pub fn parse<'de, D: Deserializer<'de>>(deserializer: D) -> Option<Box<Parsed>> {
    let mut unknown = Vec::new();
    let Object(document) = serde_ignored::deserialize(deserializer, |path| unknown.push(path.to_string())).ok()?;
    Some(Box::new(Parsed { document, unknown }))
}

/// Where the JSON configuration comes from.
pub enum Embedded<'a> {
    /// No `data-config` attribute (and no `mount` object).
    Absent,
    /// `data-config` names an element the page does not have.
    Missing(&'a str),
    /// The configuration as read (`None`: not a JSON object), and what to call its source in
    /// messages (`data-config="site-config"`).
    Parsed { parsed: Option<Box<Parsed>>, source: &'a str },
}

/// Reads the settings from the JSON configuration, then the script tag's attributes through
/// `attr` (which wins). Invalid values are reported and treated as absent.
pub fn read<U: Urls>(attr: impl Fn(&str) -> Option<String>, embedded: Embedded, urls: &U) -> (Config, Vec<Problem>) {
    let mut r = Reader { config: Config::default(), problems: Vec::new(), source: "", urls };
    match embedded {
        Embedded::Absent => {}
        Embedded::Missing(id) => r.error(format!("data-config=\"{id}\" names no element in the page; using the built-in configuration.")),
        Embedded::Parsed { parsed: None, source } => r.error(format!("{source} is not a JSON object; using the built-in configuration.")),
        Embedded::Parsed { parsed: Some(parsed), source } => {
            r.source = source;
            for path in &parsed.unknown {
                r.ignored(&format!("unknown key \"{path}\" is ignored."));
            }
            r.document(parsed.document);
        }
    }
    for (attribute, _, setting) in SETTINGS {
        if let Some(value) = attr(attribute) {
            if let Err(what) = apply(&mut r.config, setting, &value, urls) {
                r.error(format!("{attribute}=\"{value}\" {what}"));
            }
        }
    }
    r.settle();
    (r.config, r.problems)
}

/// A JSON number as the page writes it in a message (`400`, `30.5`).
fn number_text(n: f64) -> String {
    format!("{n}")
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
    fn error(&mut self, message: String) {
        self.problems.push(Problem::error(&message));
    }

    /// Something this version does not know, left out with a warning.
    fn ignored(&mut self, what: &str) {
        self.problems.push(Problem::warn(&format!("{}: {what}", self.source)));
    }

    /// A value of the wrong JSON type: the setting keeps its default.
    fn wrong(&mut self, key: &str, expected: &str, found: Found) {
        self.error(format!("{}: \"{key}\" should be {expected}, not {}; using the default.", self.source, found.name()));
    }

    fn document(&mut self, doc: Document) {
        let Document { ga_id, policy_url, lang, policy_version, analytics_src, expires_days, gpc, reopen, categories, services, texts } =
            doc;
        let text = |v: Lenient<String>| (v, "a string");
        let settings = [
            text(ga_id),
            text(policy_url),
            text(lang),
            text(policy_version),
            text(analytics_src),
            (map(expires_days, number_text), "a whole number"),
            text(gpc),
            (map(reopen, |b| b.to_string()), "true or false"),
        ];
        for ((_, key, setting), (value, expected)) in SETTINGS.into_iter().zip(settings) {
            match value {
                Lenient::Absent => {}
                Lenient::Wrong(found) => self.wrong(key, expected, found),
                Lenient::Valid(text) => {
                    if let Err(what) = apply(&mut self.config, setting, &text, self.urls) {
                        self.error(format!("{}: \"{key}\": \"{text}\" {what}", self.source));
                    }
                }
            }
        }
        self.categories(categories);
        self.services(services);
        self.texts(texts);
    }

    fn categories(&mut self, value: Lenient<Vec<Lenient<String>>>) {
        const EXPECTED: &str = "an array of category names";
        let names = match value {
            Lenient::Absent => return,
            Lenient::Wrong(found) => return self.wrong("categories", EXPECTED, found),
            Lenient::Valid(names) => names,
        };
        let Some(names) = names.into_iter().map(Lenient::valid).collect::<Option<Vec<_>>>() else {
            return self.wrong("categories", EXPECTED, Found::Array);
        };
        let mut list = Vec::new();
        for name in names {
            match Category::from_key(&name) {
                Some(c) if !list.contains(&c) => list.push(c),
                Some(_) => {}
                None if name == NECESSARY => {}
                None => self.ignored(&format!("unknown category \"{name}\" (analytics, functional or marketing) is ignored.")),
            }
        }
        self.config.categories = list;
    }

    fn services(&mut self, value: Lenient<Vec<Lenient<Object<ServiceDoc>>>>) {
        let list = match value {
            Lenient::Absent => return,
            Lenient::Wrong(found) => return self.wrong("services", "an array of services", found),
            Lenient::Valid(list) => list,
        };
        for entry in list {
            match entry.valid().ok_or("is not an object").and_then(|Object(doc)| self.service(doc)) {
                Ok(service) => self.config.services.push(service),
                Err(what) => self.error(format!("{}: a service {what}; it is left out.", self.source)),
            }
        }
    }

    fn service(&self, doc: ServiceDoc) -> Result<Service, &'static str> {
        let id = doc.id.valid().ok_or("has no \"id\" string")?;
        let category =
            doc.category.valid().and_then(|c| Category::from_key(&c)).ok_or("has no \"category\" of analytics, functional or marketing")?;
        let text = |v: Lenient<TextDoc>| match v {
            Lenient::Absent => Ok(Localized::default()),
            Lenient::Valid(doc) => Ok(doc.into()),
            Lenient::Wrong(_) => Err("has a \"recipient\", \"data\" or \"purpose\" that is not text or { en, ja }"),
        };
        let url = |v: Lenient<String>| match v {
            Lenient::Absent => Ok(None),
            Lenient::Valid(u) if is_safe_url(self.urls, &u) => Ok(Some(u)),
            _ => Err("has an \"optOutUrl\" or \"policyUrl\" that is not an http(s) or relative URL"),
        };
        Ok(Service {
            recipient: text(doc.recipient)?,
            data: text(doc.data)?,
            purpose: text(doc.purpose)?,
            opt_out_url: url(doc.opt_out_url)?,
            policy_url: url(doc.policy_url)?,
            id,
            category,
        })
    }

    fn texts(&mut self, value: Lenient<Object<TextsDoc>>) {
        let Object(TextsDoc { en, ja }) = match value {
            Lenient::Absent => return,
            Lenient::Wrong(found) => return self.wrong("texts", "an object of languages", found),
            Lenient::Valid(texts) => texts,
        };
        for (lang, doc) in [(Lang::En, en), (Lang::Ja, ja)] {
            let doc = match doc {
                Lenient::Absent => continue,
                Lenient::Wrong(found) => {
                    self.wrong(lang.tag(), "an object of texts", found);
                    continue;
                }
                Lenient::Valid(Object(doc)) => doc,
            };
            let ReplacementsDoc { title, description, policy_link, dialog_title, dialog_description, region } = doc;
            let mut own = Replacements::default();
            let slots = [
                &mut own.title,
                &mut own.description,
                &mut own.policy_link,
                &mut own.dialog_title,
                &mut own.dialog_description,
                &mut own.region,
            ];
            let values = [title, description, policy_link, dialog_title, dialog_description, region];
            for ((slot, value), key) in slots.into_iter().zip(values).zip(crate::catalogue::REPLACEABLE) {
                match value {
                    Lenient::Absent => {}
                    Lenient::Valid(text) => *slot = Some(text),
                    Lenient::Wrong(found) => self.wrong(key, "a string", found),
                }
            }
            match lang {
                Lang::En => self.config.texts.en = own,
                Lang::Ja => self.config.texts.ja = own,
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
                problems.push(Problem::warn(&format!(
                    "service \"{}\" is in the category \"{}\", which is not configured; it is ignored.",
                    s.id,
                    s.category.key()
                )));
            }
            kept
        });
    }
}

/// A lenient value turned into the text a setting is applied from.
fn map<T>(value: Lenient<T>, f: impl FnOnce(T) -> String) -> Lenient<String> {
    match value {
        Lenient::Absent => Lenient::Absent,
        Lenient::Valid(v) => Lenient::Valid(f(v)),
        Lenient::Wrong(found) => Lenient::Wrong(found),
    }
}
