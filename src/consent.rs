//! The visitor's consent: categories, choices, and the session that turns page loads and clicks
//! into decisions, views and effects. Time and storage are passed in; nothing here touches a page.

use alloc::string::String;
use alloc::vec::Vec;

use crate::catalogue::{self, Lang};
use crate::config::{Config, Problem};
use crate::gate::{self, Effects};
use crate::json::{self, Kind, Value};
use crate::record::{self, Decision, Record};
use crate::timestamp::{self, Calendar};

/// An optional category; `necessary` is always on and never stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Category {
    Analytics,
    Functional,
    Marketing,
}

/// The category that is always granted.
pub const NECESSARY: &str = "necessary";

impl Category {
    pub const ALL: [Category; 3] = [Category::Analytics, Category::Functional, Category::Marketing];

    /// Name in configuration, storage, `data-consent` and the API.
    pub fn key(self) -> &'static str {
        match self {
            Category::Analytics => "analytics",
            Category::Functional => "functional",
            Category::Marketing => "marketing",
        }
    }

    pub fn from_key(key: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// Granted or not, per optional category.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Choices {
    pub analytics: bool,
    pub functional: bool,
    pub marketing: bool,
}

impl Choices {
    pub fn get(&self, category: Category) -> bool {
        match category {
            Category::Analytics => self.analytics,
            Category::Functional => self.functional,
            Category::Marketing => self.marketing,
        }
    }

    pub fn set(&mut self, category: Category, granted: bool) {
        match category {
            Category::Analytics => self.analytics = granted,
            Category::Functional => self.functional = granted,
            Category::Marketing => self.marketing = granted,
        }
    }

    /// Every listed category granted, the rest not.
    pub fn all(categories: &[Category]) -> Choices {
        let mut choices = Choices::default();
        for &c in categories {
            choices.set(c, true);
        }
        choices
    }

    /// The same choices with every category the site did not configure switched off.
    pub fn within(self, categories: &[Category]) -> Choices {
        let allowed = Choices::all(categories);
        Choices {
            analytics: self.analytics && allowed.analytics,
            functional: self.functional && allowed.functional,
            marketing: self.marketing && allowed.marketing,
        }
    }
}

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

/// What `consentBanner.get()` returns (contract).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    pub decided: bool,
    /// Each configured optional category and whether it is granted.
    pub categories: Vec<(&'static str, bool)>,
    pub policy_version: String,
    pub decided_at: Option<String>,
    pub gpc: bool,
}

impl State {
    /// `get()`'s object as JSON: `{"decided":…,"categories":{…},"policyVersion":…,"decidedAt":…,"gpc":…}`.
    pub fn to_json(&self) -> String {
        let flag = |b: bool| if b { "true" } else { "false" };
        let mut out = String::from("{\"decided\":");
        out.push_str(flag(self.decided));
        out.push_str(",\"categories\":{");
        for &(name, granted) in &self.categories {
            json::write_key(&mut out, name);
            out.push_str(flag(granted));
        }
        out.push_str("},\"policyVersion\":");
        json::write_str(&mut out, &self.policy_version);
        out.push_str(",\"decidedAt\":");
        match &self.decided_at {
            Some(at) => json::write_str(&mut out, at),
            None => out.push_str("null"),
        }
        out.push_str(",\"gpc\":");
        out.push_str(flag(self.gpc));
        out.push('}');
        out
    }
}

/// Categories to switch on or off, from `set()`.
pub type Requested = Vec<(Category, bool)>;

/// Reads `set()`'s argument: category names to booleans. Unknown names come back as warnings;
/// anything else is one error and no decision.
pub fn read_set<V: Value>(value: &V) -> Result<(Requested, Vec<Problem>), Problem> {
    let usage = || Problem::error(&["set() takes an object of category names to true or false, such as { analytics: true }."]);
    if value.kind() != Kind::Object {
        return Err(usage());
    }
    let mut values = Vec::new();
    let mut problems = Vec::new();
    for i in 0..value.len() {
        let name = value.key(i);
        let on = value.at(i).boolean().ok_or_else(usage)?;
        match Category::from_key(&name) {
            Some(c) => values.push((c, on)),
            None => problems.push(Problem::warn(&["set() ignores the unknown category \"", &name, "\"."])),
        }
    }
    Ok((values, problems))
}

/// One page's consent: the configuration, the decision in force and what has run.
pub struct Session {
    config: Config,
    lang: Lang,
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
        let remembered = decision.as_ref().and_then(|d| d.lang);
        let lang = match (config.lang, remembered) {
            (catalogue::LangChoice::Auto, Some(lang)) => lang,
            (choice, _) => catalogue::resolve(choice, env.languages),
        };
        let gpc = env.gpc_signal && config.respect_gpc;
        Session { config, lang, decision, gpc, analytics_loaded: false }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
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
        let stored = record::new(choices, &c.categories, now, &c.policy_version, c.expires_days, self.lang, calendar);
        self.decision = Some(Decision { choices, decided_at: now, lang: Some(self.lang) });
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
        let mut categories = Vec::new();
        for &c in &self.config.categories {
            categories.push((c.key(), choices.get(c)));
        }
        State {
            decided: self.decision.is_some(),
            categories,
            policy_version: self.config.policy_version.clone(),
            decided_at: self.decision.as_ref().and_then(|d| timestamp::format(calendar, d.decided_at)),
            gpc: self.gpc,
        }
    }
}
