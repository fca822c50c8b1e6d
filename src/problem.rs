//! What can be wrong, as values: a stable code, the setting or JSON path it is about, and its
//! details. The English console text is made here and nowhere else; `validate()` returns the
//! same values, so a configurator can place each beside its field and word it in its own language.

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::config;
use crate::defaults;

/// How loudly a problem is logged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Error,
    Warn,
}

/// What is wrong (contract: `validate()`'s `code`, kebab-case; only ever added to).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Code {
    /// `data-config` names no element in the page.
    ConfigMissing,
    /// The JSON configuration is not an object.
    ConfigNotObject,
    /// The JSON configuration does not parse (`value`: where, `line 3, column 5`).
    ConfigSyntax,
    /// A JSON key this version does not know; ignored.
    UnknownKey,
    /// A JSON value of the wrong type (`value` names what was found); the setting defaults.
    WrongType,
    /// A value the setting does not take; treated as absent.
    InvalidValue,
    /// A category name that is not one of the optional categories; ignored.
    UnknownCategory,
    /// A language the site adds lacks a text (`key`: `texts.ko.acceptAll`); English is used.
    MissingText,
    /// A service that cannot be used (`key` is the field at fault); left out.
    InvalidService,
    /// A service whose category is not configured; ignored.
    ServiceCategoryOff,
    /// `set()`'s argument is not an object of category names to booleans; nothing decided.
    SetNotObject,
    /// `set()` names a category that is not one; ignored.
    SetUnknownCategory,
    /// `on()` with an event other than `change`.
    UnknownEvent,
    /// The clock is outside the years the record holds; the decision holds for this page.
    ClockOutOfRange,
    /// `localStorage` is missing or throws; choices hold for this page only.
    StorageUnavailable,
    /// `localStorage` refused to store a decision.
    StorageRefused,
    /// `localStorage` would neither remove a withdrawn decision nor overwrite it.
    StorageNotRemoved,
    /// Google's tag runs, or GA's cookies are set, before any consent (`key`: `script` or
    /// `cookie`; `value`: the URLs and names).
    GoogleEarly,
    /// A site's colour falls short of WCAG AA contrast with what it meets (`value`: the ratio).
    LowContrast,
    /// A page's `on("change")` listener threw; the others are still told.
    ListenerThrew,
    /// The page refused an element the banner adds (`key`: `banner`, `dialog`, `script`).
    PageRefused,
}

impl Code {
    /// The stable identifier.
    pub fn id(self) -> &'static str {
        match self {
            Code::ConfigMissing => "config-missing",
            Code::ConfigNotObject => "config-not-object",
            Code::ConfigSyntax => "config-syntax",
            Code::UnknownKey => "unknown-key",
            Code::WrongType => "wrong-type",
            Code::InvalidValue => "invalid-value",
            Code::UnknownCategory => "unknown-category",
            Code::InvalidService => "invalid-service",
            Code::MissingText => "missing-text",
            Code::ServiceCategoryOff => "service-category-off",
            Code::SetNotObject => "set-not-object",
            Code::SetUnknownCategory => "set-unknown-category",
            Code::UnknownEvent => "unknown-event",
            Code::ClockOutOfRange => "clock-out-of-range",
            Code::StorageUnavailable => "storage-unavailable",
            Code::StorageRefused => "storage-refused",
            Code::StorageNotRemoved => "storage-not-removed",
            Code::PageRefused => "page-refused",
            Code::ListenerThrew => "listener-threw",
            Code::GoogleEarly => "google-early",
            Code::LowContrast => "low-contrast",
        }
    }

    fn level(self) -> Level {
        match self {
            Code::UnknownKey
            | Code::UnknownCategory
            | Code::ServiceCategoryOff
            | Code::SetUnknownCategory
            | Code::GoogleEarly
            | Code::LowContrast => Level::Warn,
            _ => Level::Error,
        }
    }
}

/// One problem. `key` is the attribute (`data-ga-id`), the JSON path (`gaId`,
/// `services[1].category`, `texts.en.title`) or the API member (`set()`) it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub level: Level,
    pub code: Code,
    pub key: String,
    /// The value as given, or the type found instead (`a number`); empty when there is none.
    pub value: String,
    /// What the JSON configuration is called (`data-config="cfg"`, `mount(config)`), for its problems.
    pub source: String,
    /// What a wrong type should have been (`a string`).
    pub expected: &'static str,
    /// What the problem concerns beside the key (a service's id).
    pub subject: String,
}

impl Problem {
    pub fn new(code: Code, key: &str) -> Problem {
        Problem {
            level: code.level(),
            code,
            key: key.to_owned(),
            value: String::new(),
            source: String::new(),
            expected: "",
            subject: String::new(),
        }
    }

    /// With the value given (or found).
    pub fn value(mut self, value: &str) -> Problem {
        self.value = value.to_owned();
        self
    }

    /// In the JSON configuration called `source`.
    pub fn within(mut self, source: &str) -> Problem {
        self.source = source.to_owned();
        self
    }

    /// The console text, in English.
    pub fn message(&self) -> String {
        let Problem { key, value, source, expected, subject, .. } = self;
        // A path is quoted by its last key, after what holds it: `"title" in texts.en`.
        let quoted = match key.rsplit_once('.') {
            Some((parent, last)) => format!("\"{last}\" in {parent}"),
            None => format!("\"{key}\""),
        };
        let text = match self.code {
            Code::ConfigMissing => format!("data-config=\"{value}\" names no element in the page; using the built-in configuration."),
            Code::ConfigNotObject => format!("{source} is not a JSON object; using the built-in configuration."),
            Code::ConfigSyntax => {
                format!("{source} is not a JSON object: a syntax error at {value}; using the built-in configuration.")
            }
            Code::UnknownKey => format!("unknown key \"{key}\" is ignored."),
            Code::WrongType => format!("{quoted} should be {expected}, not {value}; using the default."),
            Code::InvalidValue if source.is_empty() => format!("{key}=\"{value}\" {}", config::refusal(key)),
            Code::InvalidValue => format!("\"{key}\": \"{value}\" {}", config::refusal(key)),
            Code::MissingText => format!("{quoted} is missing; using the English text."),
            Code::UnknownCategory => format!("unknown category \"{value}\" ({}) is ignored.", config::CATEGORY_NAMES),
            Code::InvalidService => format!("{}; it is left out.", config::service_refusal(key)),
            Code::ServiceCategoryOff => {
                format!("service \"{subject}\" is in the category \"{value}\", which is not configured; it is ignored (add \"{value}\" to \"{key}\" to show it).")
            }
            Code::SetNotObject => "set() takes an object of category names to true or false, such as { analytics: true }.".to_owned(),
            Code::SetUnknownCategory => format!("set() ignores the unknown category \"{value}\"."),
            Code::UnknownEvent => format!("on() knows only the \"change\" event, not \"{value}\"."),
            Code::ClockOutOfRange => "the clock is outside 1970–9999; the decision holds for this page only.".to_owned(),
            Code::StorageUnavailable => "localStorage is unavailable or throws; the choice made on this page is not remembered.".to_owned(),
            Code::StorageRefused => "localStorage refused the decision (full or blocked); it holds for this page only.".to_owned(),
            Code::StorageNotRemoved => {
                "could not remove the stored decision from localStorage, nor overwrite it; it may apply again on the next page.".to_owned()
            }
            Code::ListenerThrew => "a change listener threw:".to_owned(),
            Code::LowContrast => format!(
                "{key} has a contrast of {value} with the banner's background or its button text; WCAG AA needs 4.5:1: pick a darker colour for a light theme, a lighter one for a dark theme."
            ),
            Code::GoogleEarly => format!(
                "Google Analytics is already {} before any consent ({value}): remove Google's own gtag snippet (the banner loads GA itself after a yes), or write the tag as <script type=\"text/plain\" data-consent=\"analytics\" …>.",
                if key == "script" { "loading" } else { "setting cookies" }
            ),
            Code::PageRefused => format!("the page refused the {key}; nothing optional loads without a choice."),
        };
        match (self.code, source.as_str()) {
            (Code::ConfigNotObject | Code::ConfigSyntax, _) | (_, "") => format!("{}{text}", defaults::LOG_PREFIX),
            _ => format!("{}{source}: {text}", defaults::LOG_PREFIX),
        }
    }
}

/// `{ level, code, key, message }` as `validate()` returns it (contract), with the details a
/// configurator words its own messages from: `value` (as given) and `subject` (a service's id).
impl Serialize for Problem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Problem", 6)?;
        s.serialize_field("level", if self.level == Level::Error { "error" } else { "warn" })?;
        s.serialize_field("code", self.code.id())?;
        s.serialize_field("key", &self.key)?;
        s.serialize_field("message", &self.message())?;
        s.serialize_field("value", &self.value)?;
        s.serialize_field("subject", &self.subject)?;
        s.end()
    }
}
