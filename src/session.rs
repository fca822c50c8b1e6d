//! The banner on one page: the session (configuration, decision, language, dialog), the messages
//! the page sends it and `update`, which answers each with the commands to carry out. Pure: time
//! and the calendar are passed in, storage was read before; nothing here touches a page.

use crate::catalogue::{self, Lang};
use crate::category::{Category, Choices};
use crate::command::{self, Command, Focus};
use crate::config::Config;
use crate::consent::{self, Changes, Requested, State};
use crate::gate::{self, Effects};
use crate::problem::{Code, Problem};
use crate::record::{self, Decision, Language, Record};
use crate::timestamp::{self, Calendar};

/// Something that happened in the page, for the session to answer.
#[derive(Debug, PartialEq, Eq)]
pub enum Msg {
    /// The page has loaded the module: a stored yes starts analytics, before anything is drawn.
    Start,
    /// The page is parsed: draw the banner, fill the disclosure tables, release granted scripts;
    /// and what the page already runs or holds that the banner should have been asked about.
    Ready(Found),
    /// Accept all, from the banner or `acceptAll()`.
    Accept(Origin),
    /// Reject all, from the banner or `rejectAll()`.
    Reject(Origin),
    /// Save settings: the dialog's switches.
    Save,
    /// `set()`'s argument (`None`: it was not an object of booleans).
    Set(Option<Requested>),
    /// `reset()`.
    Reset,
    /// Open the dialog: the banner's settings or reopen control, a `data-consent-open` link, `show()`.
    Open,
    /// Close the dialog without deciding: its close button or Escape.
    Close,
    /// A switch of the dialog pressed.
    Toggle(Category),
    /// A language picked with the switch, by its tag.
    PickLanguage(String),
}

/// What the page runs and holds as the banner starts drawing.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Found {
    /// The URL of the first script from Google's tag hosts that runs (not `type="text/plain"`).
    pub google_tag: Option<String>,
    /// The first of GA's cookies the page can read.
    pub ga_cookie: Option<String>,
}

/// Who made a decision: the visitor's press moves focus, an API call does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Visitor,
    Api,
}

/// The open preferences dialog: the switches as the visitor has set them, not yet saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dialog {
    pub draft: Choices,
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
    /// The dialog, while it is open.
    dialog: Option<Dialog>,
    /// No record at all was stored: this browser has not met the banner on this site.
    first_visit: bool,
}

impl Session {
    /// Reads the stored record (if any) under the site's rules and picks the language.
    pub fn new(config: Config, stored: Option<&Record>, env: &Env, calendar: &impl Calendar) -> Session {
        let decision = stored.and_then(|r| record::validate(r, env.now, &config.policy_version, config.expires_days, calendar));
        // A language the visitor picked is remembered; otherwise each page speaks its own.
        let remembered = decision.as_ref().filter(|d| d.lang_chosen).and_then(|d| catalogue::find(&config.languages, d.lang.as_deref()?));
        let lang = match (config.lang, remembered) {
            (catalogue::LangChoice::Auto, Some(lang)) => lang,
            (choice, _) => catalogue::resolve(choice, env.languages, &config.languages),
        };
        let gpc = env.gpc_signal && config.respect_gpc;
        let lang_chosen = remembered.is_some();
        Session { config, lang, lang_chosen, decision, gpc, analytics_loaded: false, dialog: None, first_visit: stored.is_none() }
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
    /// Once: a second start loads nothing twice.
    pub fn start(&mut self) -> Effects {
        if self.analytics_loaded {
            return Effects::default();
        }
        let effects = gate::on_load(&self.config, self.choices());
        self.analytics_loaded |= effects.load.is_some();
        effects
    }

    /// Records a decision made now; returns the record to store (none if the clock is unusable)
    /// and what to apply to the page.
    pub fn decide(&mut self, choices: Choices, now: i64, calendar: &impl Calendar) -> (Option<Record>, Effects) {
        let choices = choices.within(&self.config.categories);
        let c = &self.config;
        let tag = c.tag(self.lang);
        let language = Language { tag, chosen: self.lang_chosen };
        let stored = record::new(choices, &c.categories, now, &c.policy_version, c.expires_days, language, calendar);
        self.decision = Some(Decision { choices, decided_at: now, lang: Some(tag.to_owned()), lang_chosen: self.lang_chosen });
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
        let mut categories = choices.of(&self.config.categories);
        // The contract's one category that is always there.
        categories.set(Category::Analytics, Some(choices.get(Category::Analytics)));
        State {
            decided: self.decision.is_some(),
            categories,
            policy_version: self.config.policy_version.clone(),
            decided_at: self.decision.as_ref().and_then(|d| timestamp::format(calendar, d.decided_at)),
            gpc: self.gpc,
        }
    }

    /// The open dialog, if any.
    pub fn dialog(&self) -> Option<Dialog> {
        self.dialog
    }

    /// Answers one message: the session changes, and the commands say what the page must do, in
    /// order. `now` and `calendar` date a decision.
    pub fn update(&mut self, msg: Msg, now: i64, calendar: &impl Calendar) -> Vec<Command> {
        match msg {
            Msg::Start => command::analytics(self.start()),
            Msg::Ready(found) => {
                let mut commands = vec![Command::DrawMain, Command::DrawDialog, Command::FillDisclosures, Command::ReleaseScripts];
                if let Some(problem) = self.early(&found) {
                    commands.insert(0, Command::Log(problem));
                }
                commands
            }
            Msg::Accept(origin) => self.decided(Choices::all(&self.config.categories), origin, now, calendar),
            Msg::Reject(origin) => self.decided(Choices::default(), origin, now, calendar),
            Msg::Save => match self.dialog {
                Some(Dialog { draft }) => self.decided(draft, Origin::Visitor, now, calendar),
                None => Vec::new(),
            },
            Msg::Set(requested) => match consent::read_set(requested) {
                Ok((changes, problems)) => {
                    let mut commands: Vec<Command> = problems.into_iter().map(Command::Log).collect();
                    commands.extend(self.decided(changed(self.choices(), &changes), Origin::Api, now, calendar));
                    commands
                }
                Err(problem) => vec![Command::Log(problem)],
            },
            Msg::Reset => {
                let mut commands = command::analytics(self.reset());
                // Should storage refuse the removal, a no over the yes still withdraws it.
                let c = &self.config;
                let language = Language { tag: c.tag(self.lang), chosen: self.lang_chosen };
                let fallback = record::new(Choices::default(), &c.categories, now, &c.policy_version, c.expires_days, language, calendar);
                commands.push(Command::Forget { fallback });
                commands.push(Command::DrawMain);
                if self.dialog.take().is_some() {
                    commands.push(Command::DrawDialog);
                }
                commands.push(Command::Emit(self.state(calendar)));
                commands
            }
            Msg::Open if self.dialog.is_none() => {
                self.dialog = Some(Dialog { draft: self.choices() });
                vec![Command::DrawDialog]
            }
            // Already open: the visitor's unsaved switches stay.
            Msg::Open => Vec::new(),
            Msg::Close => match self.dialog.take() {
                Some(_) => vec![Command::DrawDialog, Command::Focus(Focus::Opener)],
                None => Vec::new(),
            },
            Msg::Toggle(category) => match &mut self.dialog {
                Some(Dialog { draft }) if self.config.categories.contains(&category) => {
                    let on = !draft.get(category);
                    draft.set(category, on);
                    vec![Command::Check(category, on)]
                }
                _ => Vec::new(),
            },
            Msg::PickLanguage(tag) => {
                let Some(lang) = self.config.languages.iter().position(|l| l.tag == tag).map(Lang).filter(|&l| l != self.lang) else {
                    return Vec::new();
                };
                self.set_lang(lang);
                let mut commands = vec![Command::DrawMain];
                if self.dialog.is_some() {
                    commands.push(Command::DrawDialog);
                }
                commands.extend([Command::FillDisclosures, Command::Focus(Focus::LanguageSwitch)]);
                commands
            }
        }
    }

    /// The migration mistake that silently breaks "nothing before a yes": Google's tag already
    /// running before any consent, or GA's cookies already set on a first visit. One warning that
    /// names the tag (else the cookie) and says what to change.
    fn early(&self, found: &Found) -> Option<Problem> {
        let (key, what) = match (&found.google_tag, &found.ga_cookie) {
            (Some(src), _) if self.decision.is_none() => ("script", src),
            (_, Some(name)) if self.first_visit => ("cookie", name),
            _ => return None,
        };
        Some(Problem::new(Code::GoogleEarly, key).value(what))
    }

    /// A decision made now: stored, applied, drawn, then the scripts it releases and the news.
    fn decided(&mut self, choices: Choices, origin: Origin, now: i64, calendar: &impl Calendar) -> Vec<Command> {
        let (record, effects) = self.decide(choices, now, calendar);
        let mut commands = vec![match record {
            Some(record) => Command::Store(record),
            None => Command::Log(Problem::new(Code::ClockOutOfRange, "decidedAt")),
        }];
        commands.extend(command::analytics(effects));
        commands.push(Command::DrawMain);
        let from_dialog = self.dialog.take().is_some();
        if from_dialog {
            commands.push(Command::DrawDialog);
        }
        if origin == Origin::Visitor {
            commands.push(Command::Focus(if from_dialog { Focus::Opener } else { Focus::Settings }));
        }
        commands.extend([Command::ReleaseScripts, Command::Emit(self.state(calendar))]);
        commands
    }
}

/// The choices in force with `set()`'s changes applied.
fn changed(mut choices: Choices, changes: &Changes) -> Choices {
    for &(category, on) in changes {
        choices.set(category, on);
    }
    choices
}
