//! The visitor's consent on one page: the session that turns page loads and clicks into
//! decisions, views and effects, the API's state, and `set()`'s argument. Time and storage are
//! passed in; nothing here touches a page.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::Serialize;

use crate::catalogue::{self, Lang};
use crate::category::{Category, Choices};
use crate::config::{Config, Problem};
use crate::gate::{self, Effects};
use crate::record::{self, Decision, Language, Record};
use crate::timestamp::{self, Calendar};

/// What the page needs to know to show the banner: read from it, not from storage.
pub struct Env<'a> {
    pub now: i64,
    /// `navigator.globalPrivacyControl === true`.
    pub gpc_signal: bool,
    /// `<html lang>` (empty when it has none), then each of `navigator.languages`.
    pub languages: &'a [String],
}

/// Which part of the banner the page shows when the dialog is closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The first layer, asking.
    Banner,
    /// The small control that reopens the preferences.
    Reopen,
    /// Nothing (decided, and the site turned the reopen control off).
    Hidden,
}

/// What `consentBanner.get()` returns and `change` listeners receive (contract).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct State {
    pub decided: bool,
    pub categories: Granted,
    pub policy_version: String,
    pub decided_at: Option<String>,
    pub gpc: bool,
}

/// Whether each category is granted: `analytics` always, the others when configured.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Granted {
    pub analytics: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub functional: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marketing: Option<bool>,
}

/// `set()`'s argument: category names to booleans, in the order given.
#[derive(Debug, PartialEq, Eq)]
pub struct Requested(pub Vec<(String, bool)>);

impl<'de> Deserialize<'de> for Requested {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RequestedVisitor;
        impl<'de> Visitor<'de> for RequestedVisitor {
            type Value = Requested;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of category names to true or false")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Requested, A::Error> {
                let mut values = Vec::new();
                while let Some(entry) = map.next_entry::<String, bool>()? {
                    values.push(entry);
                }
                Ok(Requested(values))
            }
        }
        // Through deserialize_any, so that an array is refused by every deserializer alike.
        deserializer.deserialize_any(RequestedVisitor)
    }
}

/// Categories to switch on or off, from `set()`.
pub type Changes = Vec<(Category, bool)>;

/// Checks `set()`'s argument (`None`: it was not an object of booleans). Unknown names come back
/// as warnings; anything else is one error and no decision.
pub fn read_set(requested: Option<Requested>) -> Result<(Changes, Vec<Problem>), Problem> {
    let Requested(values) = requested
        .ok_or_else(|| Problem::error("set() takes an object of category names to true or false, such as { analytics: true }."))?;
    let mut changes = Vec::new();
    let mut problems = Vec::new();
    for (name, on) in values {
        match Category::from_key(&name) {
            Some(c) => changes.push((c, on)),
            None => problems.push(Problem::warn(&format!("set() ignores the unknown category \"{name}\"."))),
        }
    }
    Ok((changes, problems))
}

/// One page's consent: the configuration, the decision in force and what has run.
pub struct Session {
    config: Config,
    lang: Lang,
    /// The visitor switched the language on this page.
    lang_chosen: bool,
    decision: Option<Decision>,
    /// A Global Privacy Control signal that the site respects.
    gpc: bool,
    /// The analytics script was injected on this page; it cannot be taken back, only disabled.
    analytics_loaded: bool,
}

impl Session {
    /// Reads the stored record (if any) under the site's rules and picks the language.
    pub fn new(config: Config, stored: Option<&Record>, env: &Env, calendar: &impl Calendar) -> Session {
        let decision = stored.and_then(|r| record::validate(r, env.now, &config.policy_version, config.expires_days, calendar));
        // A language the visitor picked is remembered; otherwise each page speaks its own.
        let remembered = decision.as_ref().filter(|d| d.lang_chosen).and_then(|d| d.lang);
        let lang = match (config.lang, remembered) {
            (catalogue::LangChoice::Auto, Some(lang)) => lang,
            (choice, _) => catalogue::resolve(choice, env.languages),
        };
        let gpc = env.gpc_signal && config.respect_gpc;
        let lang_chosen = remembered.is_some();
        Session { config, lang, lang_chosen, decision, gpc, analytics_loaded: false }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The visitor's pick, with the banner's switch.
    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
        self.lang_chosen = true;
    }

    /// The choices in force: the decision's, or nothing granted (also under GPC).
    pub fn choices(&self) -> Choices {
        self.decision.as_ref().map(|d| d.choices).unwrap_or_default()
    }

    pub fn view(&self) -> View {
        if self.decision.is_none() && !self.gpc {
            View::Banner
        } else if self.config.reopen {
            View::Reopen
        } else {
            View::Hidden
        }
    }

    /// What runs as the page loads: a returning visitor's yes starts analytics without a click.
    pub fn start(&mut self) -> Effects {
        let effects = gate::on_load(&self.config, self.choices());
        self.analytics_loaded |= effects.load.is_some();
        effects
    }

    /// Records a decision made now; returns the record to store (none if the clock is unusable)
    /// and what to apply to the page.
    pub fn decide(&mut self, choices: Choices, now: i64, calendar: &impl Calendar) -> (Option<Record>, Effects) {
        let choices = choices.within(&self.config.categories);
        let c = &self.config;
        let language = Language { lang: self.lang, chosen: self.lang_chosen };
        let stored = record::new(choices, &c.categories, now, &c.policy_version, c.expires_days, language, calendar);
        self.decision = Some(Decision { choices, decided_at: now, lang: Some(self.lang), lang_chosen: self.lang_chosen });
        let effects = gate::on_change(&self.config, self.analytics_loaded, choices);
        self.analytics_loaded |= effects.load.is_some();
        (stored, effects)
    }

    /// Withdraws as a reject does and forgets the decision, so the banner asks again.
    pub fn reset(&mut self) -> Effects {
        let effects = gate::on_change(&self.config, self.analytics_loaded, Choices::default());
        self.decision = None;
        effects
    }

    pub fn state(&self, calendar: &impl Calendar) -> State {
        let choices = self.choices();
        let configured = |c: Category| self.config.categories.contains(&c).then(|| choices.get(c));
        State {
            decided: self.decision.is_some(),
            categories: Granted {
                analytics: choices.analytics,
                functional: configured(Category::Functional),
                marketing: configured(Category::Marketing),
            },
            policy_version: self.config.policy_version.clone(),
            decided_at: self.decision.as_ref().and_then(|d| timestamp::format(calendar, d.decided_at)),
            gpc: self.gpc,
        }
    }
}
