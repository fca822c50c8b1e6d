//! The site's settings: read from the script tag's attributes and the JSON configuration
//! (`data-config` or `mount(config)`), validated, with defaults, and the problems that tell a
//! site owner what was wrong. One table lists the settings in both spellings; the JSON is read as
//! serde_json's `Value`, one reader for every document.

use serde_json::{Map, Value};

use crate::catalogue::{self, Lang, LangChoice, Language, Localized, BUILTIN, KEYS, REPLACEABLE};
use crate::category::{Category, NECESSARY};
use crate::defaults;
use crate::problem::{Code, Problem};

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

/// What the site runs after a yes to analytics (`gaId`, `analyticsSrc`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Analytics {
    /// None.
    #[default]
    None,
    /// Google Analytics 4: its measurement id, and the script to load instead of Google's
    /// `gtag/js` (a proxy); Consent Mode and `window.gtag` come with it.
    Ga4 { id: String, src: Option<String> },
    /// A plain script, loaded after a yes: no Consent Mode, no `gtag`.
    Script { src: String },
    /// A GA id was given and is not one: nothing at all, even after a yes (the script URL is
    /// kept, should a valid id follow).
    Refused { src: Option<String> },
}

impl Analytics {
    /// With a measurement id: a valid one makes it GA4 (keeping the script URL), an invalid one
    /// refuses analytics.
    fn with_id(self, id: Option<String>) -> Analytics {
        let src = match self {
            Analytics::Ga4 { src, .. } | Analytics::Refused { src } => src,
            Analytics::Script { src } => Some(src),
            Analytics::None => None,
        };
        match id {
            Some(id) => Analytics::Ga4 { id, src },
            None => Analytics::Refused { src },
        }
    }

    /// With a script URL: GA4's replacement for `gtag/js`, or the plain script.
    fn with_src(self, src: String) -> Analytics {
        match self {
            Analytics::Ga4 { id, .. } => Analytics::Ga4 { id, src: Some(src) },
            Analytics::Refused { .. } => Analytics::Refused { src: Some(src) },
            Analytics::None | Analytics::Script { .. } => Analytics::Script { src },
        }
    }

    fn src(&self) -> Option<&str> {
        match self {
            Analytics::Ga4 { src, .. } | Analytics::Refused { src } => src.as_deref(),
            Analytics::Script { src } => Some(src),
            Analytics::None => None,
        }
    }
}

/// The banner's colours: the visitor's setting (`prefers-color-scheme`), or fixed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// As the contract spells it, and as the host's `data-theme` carries it to the stylesheet.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Where the first layer sits: a bar along the bottom, or a card in the bottom corner on wide
/// screens (full width on phones either way).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    #[default]
    Bar,
    Box,
}

impl Layout {
    /// As the contract spells it, and as the host's `data-layout` carries it to the stylesheet.
    pub fn name(self) -> &'static str {
        match self {
            Layout::Bar => "bar",
            Layout::Box => "box",
        }
    }
}

/// Everything the banner needs to know about the site, valid by construction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub analytics: Analytics,
    /// The privacy policy per language (empty: no link).
    pub policy_url: Localized,
    pub lang: LangChoice,
    pub policy_version: String,
    pub expires_days: u32,
    /// Whether a Global Privacy Control signal counts as a no.
    pub respect_gpc: bool,
    /// Whether the small reopen control stays after a decision.
    pub reopen: bool,
    pub theme: Theme,
    pub layout: Layout,
    /// Optional categories the visitor is asked about, in display order.
    pub categories: Vec<Category>,
    /// Services of configured categories, in the order given (the built-in GA4 one last).
    pub services: Vec<Service>,
    /// The banner's languages: the built-in ones, then those the site adds, with the site's texts.
    pub languages: Vec<Language>,
    /// First-party cookies to delete when a category is withdrawn, as name patterns (`_ga_*`).
    pub cookies: Vec<(Category, String)>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            analytics: Analytics::None,
            policy_url: Localized::default(),
            lang: LangChoice::Auto,
            policy_version: defaults::POLICY_VERSION.to_owned(),
            expires_days: defaults::EXPIRES_DAYS,
            respect_gpc: true,
            reopen: true,
            theme: Theme::Auto,
            layout: Layout::Bar,
            categories: vec![Category::Analytics],
            services: Vec::new(),
            languages: Language::builtin(),
            cookies: Vec::new(),
        }
    }
}

impl Config {
    /// The GA4 measurement id, when the site runs GA4.
    pub fn ga_id(&self) -> Option<&str> {
        match &self.analytics {
            Analytics::Ga4 { id, .. } => Some(id),
            _ => None,
        }
    }

    /// The script URL given (`analyticsSrc`), GA4's or a plain one.
    pub fn analytics_src(&self) -> Option<&str> {
        self.analytics.src()
    }

    /// A GA id was given and is not one.
    pub fn analytics_refused(&self) -> bool {
        matches!(self.analytics, Analytics::Refused { .. })
    }

    /// The BCP 47 tag of one of the banner's languages.
    pub fn tag(&self, lang: Lang) -> &str {
        self.languages.get(lang.0).map_or("en", |l| l.tag.as_str())
    }
}

/// What a setting is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    GaId,
    PolicyUrl,
    Lang,
    PolicyVersion,
    AnalyticsSrc,
    ExpiresDays,
    Gpc,
    Reopen,
    Theme,
    Layout,
}

/// The JSON type a setting takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Json {
    String,
    Number,
    Bool,
}

impl Json {
    fn expected(self) -> &'static str {
        match self {
            Json::String => "a string",
            Json::Number => "a whole number",
            Json::Bool => "true or false",
        }
    }
}

/// One setting: its attribute and its JSON key (contract), and the JSON type it takes.
pub struct Setting {
    pub attribute: &'static str,
    pub key: &'static str,
    json: Json,
    kind: Kind,
}

/// Every setting, once (contract). An attribute wins over the JSON key of the same setting.
pub const SETTINGS: [Setting; 10] = [
    Setting { attribute: "data-ga-id", key: "gaId", json: Json::String, kind: Kind::GaId },
    Setting { attribute: "data-policy-url", key: "policyUrl", json: Json::String, kind: Kind::PolicyUrl },
    Setting { attribute: "data-lang", key: "lang", json: Json::String, kind: Kind::Lang },
    Setting { attribute: "data-policy-version", key: "policyVersion", json: Json::String, kind: Kind::PolicyVersion },
    Setting { attribute: "data-analytics-src", key: "analyticsSrc", json: Json::String, kind: Kind::AnalyticsSrc },
    Setting { attribute: "data-expires-days", key: "expiresDays", json: Json::Number, kind: Kind::ExpiresDays },
    Setting { attribute: "data-gpc", key: "gpc", json: Json::String, kind: Kind::Gpc },
    Setting { attribute: "data-reopen", key: "reopen", json: Json::Bool, kind: Kind::Reopen },
    Setting { attribute: "data-theme", key: "theme", json: Json::String, kind: Kind::Theme },
    Setting { attribute: "data-layout", key: "layout", json: Json::String, kind: Kind::Layout },
];

/// The attribute that names the JSON configuration's element.
pub const CONFIG_ATTRIBUTE: &str = "data-config";

/// The script-tag attributes this version reads (contract): every setting's, and `data-config`.
pub const ATTRIBUTES: [&str; 11] = [
    SETTINGS[0].attribute,
    SETTINGS[1].attribute,
    SETTINGS[2].attribute,
    SETTINGS[3].attribute,
    SETTINGS[4].attribute,
    CONFIG_ATTRIBUTE,
    SETTINGS[5].attribute,
    SETTINGS[6].attribute,
    SETTINGS[7].attribute,
    SETTINGS[8].attribute,
    SETTINGS[9].attribute,
];

/// The optional categories' names, for messages.
pub const CATEGORY_NAMES: &str = "analytics, functional or marketing";

/// The keys of a service in the JSON configuration, in the order they are checked.
const SERVICE_KEYS: [&str; 7] = ["id", "category", "recipient", "data", "purpose", "optOutUrl", "policyUrl"];

/// The setting an attribute or JSON key names.
fn setting(name: &str) -> Option<&'static Setting> {
    SETTINGS.iter().find(|s| s.attribute == name || s.key == name)
}

/// What becomes of a value the setting `name` refuses: the end of its message.
pub fn refusal(name: &str) -> String {
    match setting(name).map(|s| s.kind) {
        Some(Kind::GaId) => "is not a GA4 measurement id (G- followed by letters and digits); analytics stays off.".into(),
        Some(Kind::PolicyUrl) => "is not an http(s) or relative URL; no policy link is shown.".into(),
        Some(Kind::Lang) => "is not auto or one of the banner's languages (en, ja, and those added in texts); using auto.".into(),
        Some(Kind::AnalyticsSrc) => "is not an http(s) or relative URL; it is never loaded.".into(),
        Some(Kind::ExpiresDays) => format!(
            "is not a whole number of days from {} to {}; using {}.",
            defaults::EXPIRES_DAYS_MIN,
            defaults::EXPIRES_DAYS_MAX,
            defaults::EXPIRES_DAYS
        ),
        Some(Kind::Gpc) => "is not respect or ignore; using respect.".into(),
        Some(Kind::Reopen) => "is not true or false; using true.".into(),
        Some(Kind::Theme) => "is not auto, light or dark; using auto.".into(),
        Some(Kind::Layout) => "is not bar or box; using bar.".into(),
        Some(Kind::PolicyVersion) => "is not valid; it is ignored.".into(),
        None if name.starts_with("cookies.") => "is not a cookie name (or a prefix ending in *); it is not deleted.".into(),
        None => "is not valid; it is ignored.".into(),
    }
}

/// What is wrong with a service, from the key at fault: the entry (`services[1]`) or one of its
/// fields (`services[1].category`).
pub fn service_refusal(key: &str) -> String {
    let (entry, field) = key.split_once('.').unwrap_or((key, ""));
    let what = match field {
        "" => "is not an object".to_owned(),
        "id" => "has no \"id\" string".to_owned(),
        "category" => format!("has no \"category\" of {CATEGORY_NAMES}"),
        "recipient" | "data" | "purpose" => format!("has a \"{field}\" that is not text or {{ en, ja }}"),
        _ => format!("has an \"{field}\" that is not an http(s) or relative URL"),
    };
    format!("a service ({entry}) {what}")
}

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

/// Applies one setting's textual value (an attribute's, or a JSON value's as text); `false` when
/// the setting refuses it. A refused GA id refuses analytics, until a valid one is applied.
fn apply(config: &mut Config, kind: Kind, value: &str, urls: &impl Urls) -> bool {
    let v = value.trim_ascii();
    let is = |word: &str| v.eq_ignore_ascii_case(word);
    match kind {
        Kind::GaId => {
            let valid = is_ga_id(v);
            config.analytics = std::mem::take(&mut config.analytics).with_id(valid.then(|| v.to_owned()));
            return valid;
        }
        Kind::PolicyUrl if is_safe_url(urls, v) => config.policy_url = Localized::all(v.to_owned()),
        // The languages are known once the whole configuration is read: see `Reader::settle`.
        Kind::Lang if is("auto") => config.lang = LangChoice::Auto,
        Kind::Lang => match catalogue::find(&config.languages, v).filter(|&lang| is(config.tag(lang))) {
            Some(lang) => config.lang = LangChoice::Fixed(lang),
            None => return false,
        },
        Kind::PolicyVersion => config.policy_version = value.to_owned(),
        Kind::AnalyticsSrc if is_safe_url(urls, v) => config.analytics = std::mem::take(&mut config.analytics).with_src(v.to_owned()),
        Kind::ExpiresDays => match v.parse::<u32>() {
            Ok(days)
                if v.bytes().all(|b| b.is_ascii_digit()) && (defaults::EXPIRES_DAYS_MIN..=defaults::EXPIRES_DAYS_MAX).contains(&days) =>
            {
                config.expires_days = days
            }
            _ => return false,
        },
        Kind::Gpc if is("respect") || is("ignore") => config.respect_gpc = is("respect"),
        Kind::Reopen if is("true") || is("false") || v.is_empty() => config.reopen = !is("false"),
        Kind::Theme => match [Theme::Auto, Theme::Light, Theme::Dark].into_iter().find(|t| is(t.name())) {
            Some(theme) => config.theme = theme,
            None => return false,
        },
        Kind::Layout => match [Layout::Bar, Layout::Box].into_iter().find(|l| is(l.name())) {
            Some(layout) => config.layout = layout,
            None => return false,
        },
        Kind::PolicyUrl | Kind::AnalyticsSrc | Kind::Gpc | Kind::Reopen => return false,
    }
    true
}

/// The JSON configuration as read: an object (contract), keys in any order.
pub type Document = Map<String, Value>;

/// The JSON configuration in a value; `None` when it is not an object.
pub fn parse(value: Value) -> Option<Document> {
    match value {
        Value::Object(document) => Some(document),
        _ => None,
    }
}

/// Where the JSON configuration comes from.
pub enum Embedded<'a> {
    /// No `data-config` attribute (and no `mount` object).
    Absent,
    /// `data-config` names an element the page does not have.
    Missing(&'a str),
    /// The configuration as read (`None`: not a JSON object), and what to call its source in
    /// messages (`data-config="site-config"`).
    Parsed { parsed: Option<Document>, source: &'a str },
    /// Text that is not JSON: where the first syntax error is (1-based line and column).
    Syntax { source: &'a str, line: usize, column: usize },
}

/// Reads the settings from the JSON configuration, then the script tag's attributes through
/// `attr` (which win). Invalid values are reported and treated as absent.
pub fn read<U: Urls>(attr: impl Fn(&str) -> Option<String>, embedded: Embedded, urls: &U) -> (Config, Vec<Problem>) {
    let mut r = Reader { config: Config::default(), problems: Vec::new(), source: "", urls };
    match embedded {
        Embedded::Absent => {}
        Embedded::Missing(id) => r.problems.push(Problem::new(Code::ConfigMissing, CONFIG_ATTRIBUTE).value(id)),
        Embedded::Parsed { parsed: None, source } => r.problems.push(Problem::new(Code::ConfigNotObject, CONFIG_ATTRIBUTE).within(source)),
        Embedded::Syntax { source, line, column } => r
            .problems
            .push(Problem::new(Code::ConfigSyntax, CONFIG_ATTRIBUTE).within(source).value(&format!("line {line}, column {column}"))),
        Embedded::Parsed { parsed: Some(document), source } => {
            r.source = source;
            r.document(document);
        }
    }
    for s in &SETTINGS {
        if let Some(value) = attr(s.attribute) {
            if !apply(&mut r.config, s.kind, &value, urls) {
                r.problems.push(Problem::new(Code::InvalidValue, s.attribute).value(&value));
            }
        }
    }
    r.settle();
    (r.config, r.problems)
}

/// A cookie name, or a prefix ending in `*`: the characters a cookie name may have (RFC 6265's
/// token), `*` only at the end.
fn is_cookie_pattern(pattern: &str) -> bool {
    let name = pattern.strip_suffix('*').unwrap_or(pattern);
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_graphic() && !b"()<>@,;:\\\"/[]?={}*".contains(&b))
}

/// A BCP 47 tag as a site writes one: subtags of letters and digits joined by hyphens, starting
/// with a language of two or three letters (`ko`, `zh-Hant`, `pt-BR`).
fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    subtags.next().is_some_and(|l| (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_alphabetic()))
        && subtags.all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The kind of JSON value found where another was expected, for messages.
fn found(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
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
    fn report(&mut self, problem: Problem) {
        self.problems.push(problem.within(self.source));
    }

    /// A value of the wrong JSON type: the setting keeps its default.
    fn wrong(&mut self, key: &str, expected: &'static str, value: &Value) {
        let mut problem = Problem::new(Code::WrongType, key).value(found(value));
        problem.expected = expected;
        self.report(problem);
    }

    fn document(&mut self, document: Document) {
        // The languages first: `lang`, `policyUrl` and the services' texts name them.
        let (texts, rest): (Vec<_>, Vec<_>) = document.into_iter().partition(|(key, _)| key == "texts");
        for (key, value) in texts.into_iter().chain(rest) {
            match (key.as_str(), setting(&key)) {
                ("categories", _) => self.categories(value),
                ("services", _) => self.services(value),
                ("texts", _) => self.texts(value),
                ("cookies", _) => self.cookies(value),
                (_, Some(s)) if s.key == key => self.setting(s, value),
                _ => self.report(Problem::new(Code::UnknownKey, &key)),
            }
        }
    }

    fn setting(&mut self, s: &Setting, value: Value) {
        if let (Kind::PolicyUrl, Value::Object(_)) = (s.kind, &value) {
            return self.policy_urls(value);
        }
        let text = match (s.json, &value) {
            (Json::String, Value::String(text)) => text.clone(),
            // As the page writes the number (`400`, `30.5`); any JSON spelling of a whole number counts.
            (Json::Number, Value::Number(n)) => format!("{}", n.as_f64().unwrap_or(f64::NAN)),
            (Json::Bool, Value::Bool(b)) => b.to_string(),
            _ => return self.wrong(s.key, s.json.expected(), &value),
        };
        if !apply(&mut self.config, s.kind, &text, self.urls) {
            self.report(Problem::new(Code::InvalidValue, s.key).value(&text));
        }
    }

    fn categories(&mut self, value: Value) {
        const EXPECTED: &str = "an array of category names";
        let names = match &value {
            Value::Array(items) => items.iter().map(Value::as_str).collect::<Option<Vec<_>>>(),
            _ => None,
        };
        let Some(names) = names else { return self.wrong("categories", EXPECTED, &value) };
        let mut list = Vec::new();
        for (i, name) in names.into_iter().enumerate() {
            match Category::from_key(name) {
                Some(c) if !list.contains(&c) => list.push(c),
                Some(_) => {}
                None if name == NECESSARY => {}
                None => self.report(Problem::new(Code::UnknownCategory, &format!("categories[{i}]")).value(name)),
            }
        }
        self.config.categories = list;
    }

    fn services(&mut self, value: Value) {
        let Value::Array(list) = value else { return self.wrong("services", "an array of services", &value) };
        for (i, entry) in list.into_iter().enumerate() {
            let at = format!("services[{i}]");
            let Value::Object(mut fields) = entry else {
                self.report(Problem::new(Code::InvalidService, &at));
                continue;
            };
            for key in fields.keys().filter(|k| !SERVICE_KEYS.contains(&k.as_str())) {
                self.problems.push(Problem::new(Code::UnknownKey, &format!("{at}.{key}")).within(self.source));
            }
            match self.service(&at, &mut fields) {
                Ok(service) => self.config.services.push(service),
                Err(field) => self.report(Problem::new(Code::InvalidService, &format!("{at}.{field}"))),
            }
        }
    }

    /// A service from its fields; `Err` names the first field at fault.
    fn service(&mut self, at: &str, fields: &mut Document) -> Result<Service, &'static str> {
        let mut take = |key: &str| fields.remove(key);
        let id = take("id").and_then(|v| v.as_str().filter(|id| !id.trim().is_empty()).map(str::to_owned)).ok_or("id")?;
        let category = take("category").and_then(|v| v.as_str().and_then(Category::from_key)).ok_or("category")?;
        let mut texts = [Localized::default(), Localized::default(), Localized::default()];
        for (slot, key) in texts.iter_mut().zip(["recipient", "data", "purpose"]) {
            if let Some(value) = take(key) {
                *slot = self.localized(&format!("{at}.{key}"), value).ok_or(key)?;
            }
        }
        let mut urls = [None, None];
        for (slot, key) in urls.iter_mut().zip(["optOutUrl", "policyUrl"]) {
            match take(key) {
                None => {}
                Some(Value::String(url)) if is_safe_url(self.urls, &url) => *slot = Some(url),
                Some(_) => return Err(key),
            }
        }
        let [recipient, data, purpose] = texts;
        let [opt_out_url, policy_url] = urls;
        Ok(Service { id, category, recipient, data, purpose, opt_out_url, policy_url })
    }

    /// A per-language text: one string for every language, or one per language tag
    /// (`{ "en": "…", "ja": "…" }`); `None` when it is neither. A tag the banner does not speak
    /// is ignored with a warning.
    fn localized(&mut self, at: &str, value: Value) -> Option<Localized> {
        match value {
            Value::String(text) => Some(Localized::all(text)),
            Value::Object(texts) => {
                let mut localized = Localized::default();
                for (tag, text) in texts {
                    let text = text.as_str()?.to_owned();
                    if self.config.languages.iter().any(|l| l.tag == tag) {
                        localized.0.push((tag, text));
                    } else {
                        self.report(Problem::new(Code::UnknownKey, &format!("{at}.{tag}")));
                    }
                }
                Some(localized)
            }
            _ => None,
        }
    }

    /// `policyUrl` as one URL per language: each must be safe; a language without one uses the
    /// first given.
    fn policy_urls(&mut self, value: Value) {
        const KEY: &str = "policyUrl";
        let Some(urls) = self.localized(KEY, value) else { return self.wrong(KEY, "a URL or { language: URL }", &Value::Null) };
        let mut safe = Localized::default();
        for (tag, url) in urls.0 {
            if is_safe_url(self.urls, &url) {
                safe.0.push((tag, url));
            } else {
                self.report(Problem::new(Code::InvalidValue, &format!("{KEY}.{tag}")).value(&url));
            }
        }
        self.config.policy_url = safe;
    }

    /// `texts`: for a built-in language, replacements of the texts a site may replace; any other
    /// tag adds a language, which gives every text (a missing one is an error and falls back to
    /// English).
    fn texts(&mut self, value: Value) {
        let Value::Object(languages) = value else { return self.wrong("texts", "an object of languages", &value) };
        for (tag, texts) in languages {
            let at = format!("texts.{tag}");
            let builtin = BUILTIN.iter().any(|&(t, _)| t == tag);
            let Value::Object(texts) = texts else {
                self.wrong(&at, "an object of texts", &texts);
                continue;
            };
            if !builtin && (texts.is_empty() || !is_language_tag(&tag)) {
                // Not a language: `{}` adds nothing, and a tag must be letters, digits and hyphens.
                self.report(Problem::new(Code::UnknownKey, &at));
                continue;
            }
            let keys: &[&'static str] = if builtin { &REPLACEABLE } else { &KEYS };
            let mut own = Vec::new();
            for (key, text) in texts {
                let path = format!("{at}.{key}");
                match (keys.iter().find(|&&k| k == key), text) {
                    (Some(&key), Value::String(text)) => own.push((key, text)),
                    (Some(_), text) => self.wrong(&path, "a string", &text),
                    (None, _) => self.report(Problem::new(Code::UnknownKey, &path)),
                }
            }
            if !builtin {
                for key in KEYS.iter().filter(|&&key| !own.iter().any(|(k, _)| k == &key)) {
                    self.report(Problem::new(Code::MissingText, &format!("{at}.{key}")));
                }
            }
            match self.config.languages.iter_mut().find(|l| l.tag == tag) {
                Some(language) => language.texts = own,
                None => self.config.languages.push(Language { tag, texts: own }),
            }
        }
    }

    /// `cookies`: per category, the names of the first-party cookies to delete when it is
    /// withdrawn (`*` at the end matches any suffix).
    fn cookies(&mut self, value: Value) {
        const EXPECTED: &str = "an object of categories to arrays of cookie names";
        let Value::Object(lists) = value else { return self.wrong("cookies", EXPECTED, &value) };
        for (name, list) in lists {
            let at = format!("cookies.{name}");
            let Some(category) = Category::from_key(&name) else {
                self.report(Problem::new(Code::UnknownCategory, &at).value(&name));
                continue;
            };
            let Value::Array(patterns) = list else {
                self.wrong(&at, "an array of cookie names", &list);
                continue;
            };
            for (i, pattern) in patterns.into_iter().enumerate() {
                match pattern {
                    Value::String(p) if is_cookie_pattern(&p) => self.config.cookies.push((category, p)),
                    other => {
                        let text = other.as_str().map_or_else(|| found(&other).to_owned(), str::to_owned);
                        self.report(Problem::new(Code::InvalidValue, &format!("{at}[{i}]")).value(&text));
                    }
                }
            }
        }
    }

    /// Rules across settings: GA implies the analytics category and (unless described) the GA4
    /// service; a service of an unconfigured category is dropped with a warning.
    fn settle(&mut self) {
        let Config { analytics, categories, services, cookies, .. } = &mut self.config;
        if let Analytics::Ga4 { .. } = analytics {
            // GA's cookies go with a withdrawal, whatever else the site lists.
            for pattern in defaults::GA_COOKIES {
                if !cookies.iter().any(|(c, p)| *c == Category::Analytics && p == pattern) {
                    cookies.push((Category::Analytics, pattern.to_owned()));
                }
            }
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
                let mut problem = Problem::new(Code::ServiceCategoryOff, "categories").value(s.category.key());
                problem.subject = s.id.clone();
                problems.push(problem);
            }
            kept
        });
    }
}
