//! What the core asks of the page: each command is data, carried out by `web` in the order given.

use crate::category::Category;
use crate::consent::State;
use crate::gate::{self, ConsentTypes, Effects};
use crate::problem::Problem;
use crate::record::Record;

/// Which `gtag('consent', …)` command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConsentKind {
    Default,
    Update,
}

impl ConsentKind {
    pub fn name(self) -> &'static str {
        match self {
            ConsentKind::Default => "default",
            ConsentKind::Update => "update",
        }
    }
}

/// Where focus goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// Back to what opened the dialog, if it is still in the page; else as `Settings`.
    Opener,
    /// The banner's settings control: after a decision in the first layer, the reopen control
    /// that replaced it.
    Settings,
    /// The banner's language switch, which a redraw replaced.
    LanguageSwitch,
}

/// One step for the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Tell the site owner, in the console.
    Log(Problem),
    /// Store the record in `localStorage`.
    Store(Record),
    /// Remove the stored record; should storage refuse, store `fallback` (a no) over it instead.
    Forget {
        fallback: Option<Record>,
    },
    /// `gtag('consent', kind, types)`.
    Consent(ConsentKind, ConsentTypes),
    /// `window['ga-disable-<id>'] = disabled`.
    GaDisable {
        id: String,
        disabled: bool,
    },
    /// Insert `<script async src>`.
    LoadScript(String),
    /// `gtag('js', new Date())`, then `gtag('config', id)`.
    ConfigureGa(String),
    /// Delete the cookies these name patterns match, on the host and each parent domain.
    ClearCookies(Vec<String>),
    /// Draw the first layer, the reopen control or nothing, as the session's view is.
    DrawMain,
    /// Draw the dialog as the session has it: shown modal with its draft, or closed.
    DrawDialog,
    /// Show a switch of the open dialog on or off.
    Check(Category, bool),
    Focus(Focus),
    /// Fill the `<consent-disclosure>` tables in the session's language.
    FillDisclosures,
    /// Run the gated scripts the session's choices release.
    ReleaseScripts,
    /// Tell `on("change")` listeners and dispatch `consent-banner:change`.
    Emit(State),
}

/// The gate's effects as commands, in the contract's order: consent default, update, the
/// `ga-disable` flag, the script and its `config`, then the cookies.
pub fn analytics(effects: Effects) -> Vec<Command> {
    let Effects { load, update, ga_disable, clear_cookies } = effects;
    let mut commands = Vec::new();
    // Consent Mode is GA4's: a plain script gets no gtag command.
    if load.as_ref().is_some_and(|l| l.ga_id.is_some()) {
        commands.push(Command::Consent(ConsentKind::Default, gate::consent_default()));
    }
    if let Some(update) = update {
        commands.push(Command::Consent(ConsentKind::Update, update));
    }
    if let Some((id, disabled)) = ga_disable {
        commands.push(Command::GaDisable { id, disabled });
    }
    if let Some(load) = load {
        commands.push(Command::LoadScript(load.script_url));
        if let Some(id) = load.ga_id {
            commands.push(Command::ConfigureGa(id));
        }
    }
    if !clear_cookies.is_empty() {
        commands.push(Command::ClearCookies(clear_cookies));
    }
    commands
}
