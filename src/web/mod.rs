//! The browser layer: reads the page, runs the core, applies its answer. Only this module
//! imports wasm-bindgen, and it reaches the page only through `page` (js/page.js).

pub mod api;
pub mod page;

use alloc::string::String;
use alloc::vec::Vec;

use wasm_bindgen::prelude::*;

use crate::config::{self, Embedded, Level, Problem};
use crate::consent::{Choices, Env, Session};
use crate::gate::{self, Effects};
use crate::json::{cat, Value};
use crate::{defaults, view};

const CSS: &str = include_str!("banner.css");

/// Where focus goes when the opener of the dialog is gone: the control that reopens it.
const SETTINGS: &str = "[data-action=settings]";

// The banner allocates a few kilobytes in a page's lifetime; a free-list allocator does that in
// about a tenth of dlmalloc's code.
#[cfg(not(feature = "std"))]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());

// Without std's panic machinery (and the formatting it links), a panic is a trap: the call
// throws a RuntimeError to the loader, which reports it. No browser path is meant to panic.
#[cfg(not(feature = "std"))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

/// Everything the page's one banner holds between events.
struct App {
    session: Session,
    /// Storage was read without throwing, so decisions are written back.
    stores: bool,
    /// The banner's host element is in the page.
    mounted: bool,
    /// The dialog's switches while it is open.
    draft: Option<Choices>,
}

/// The page's one banner. A lock rather than a thread-local cell (there is no std). Only
/// `try_lock` is used: it refuses a re-entrant call (a change listener calling the API) quietly,
/// and a lock left held by a trap can never hang the page.
static APP: spin::Mutex<Option<App>> = spin::Mutex::new(None);

/// Whether the banner has started (or a start trapped with the lock held: then never again).
fn started() -> bool {
    APP.try_lock().is_none_or(|app| app.is_some())
}

/// Runs `f` on the app, unless there is none yet or it is busy.
fn with_app<R>(f: impl FnOnce(&mut App) -> R) -> Option<R> {
    APP.try_lock()?.as_mut().map(f)
}

pub(crate) fn log_error(message: &str) {
    page::log(true, &cat(&[defaults::LOG_PREFIX, message]));
}

fn log(problem: &Problem) {
    page::log(problem.level == Level::Error, &problem.message);
}

fn now() -> i64 {
    page::now() as i64
}

/// Starts the page's one banner: from the script tag's attributes (`script`, then `config` is
/// undefined), or from the npm package's `mount(config)` object. `act` is the export the page's
/// events go to. A second start (a second copy of the tag, `mount` after the tag) changes nothing.
#[wasm_bindgen]
pub fn start(script: &JsValue, config: JsValue, act: &JsValue) {
    if started() {
        return;
    }
    let id = page::attr(script, "data-config");
    let source = cat(&["data-config=\"", id.as_deref().unwrap_or(""), "\""]);
    let embedded = match id.as_deref().map(|id| (id, page::text(id))) {
        _ if !config.is_undefined() => Embedded::Parsed { value: config, source: "mount(config)" },
        None => Embedded::Absent,
        Some((_, Some(json))) => Embedded::Parsed { value: page::parse(&json), source: &source },
        Some((id, None)) => Embedded::Missing(id),
    };
    let (config, problems) = config::read(|name| page::attr(script, name), embedded, &page::Builtins);
    problems.iter().for_each(log);
    let languages = strings(&page::languages());
    let stored = page::read(defaults::STORAGE_KEY);
    let stores = !stored.is_undefined();
    if !stores {
        log_error("localStorage is unavailable or throws; the choice made on this page is not remembered.");
    }
    let record = stored.as_string().and_then(|text| crate::record::from_value(&page::parse(&text)));
    let env = Env { now: now(), gpc_signal: page::gpc(), languages: &languages };
    let mut session = Session::new(config, record.as_ref(), &env, &page::Builtins);
    // A returning visitor's yes starts analytics before anything is drawn.
    apply(&session.start());
    if let Some(mut slot) = APP.try_lock() {
        *slot = Some(App { session, stores, mounted: false, draft: None });
    }
    // The banner is drawn on "ready", in a task after this one (see js/page.js, listen), so a
    // returning visitor's analytics above does not wait for it.
    page::listen(act);
}

/// The items of a JS array, each as a string ("" for anything else).
fn strings(list: &JsValue) -> Vec<String> {
    let mut out = Vec::new();
    for i in 0..list.len() {
        out.push(list.at(i).string().unwrap_or_default());
    }
    out
}

/// Once the page is parsed: the banner (if not drawn yet), gated scripts and disclosure tables.
fn ready() {
    let due = with_app(|app| {
        if !app.mounted {
            app.mounted = page::mount(CSS);
            if !app.mounted {
                log_error("could not create the banner in this page.");
            }
            app.redraw();
        }
        app.fill_disclosures();
        app.due_scripts()
    });
    if let Some(due) = due {
        page::release(&due);
    }
}

/// Carries out the gate's effects, in the order the contract requires.
pub fn apply(effects: &Effects) {
    if effects.load.is_some() {
        page::command(&gate::consent_command("default", &gate::consent_default()));
    }
    if let Some(update) = &effects.update {
        page::command(&gate::consent_command("update", update));
    }
    if let Some((id, disabled)) = &effects.ga_disable {
        page::flag(&cat(&[defaults::GA_DISABLE_PREFIX, id]), *disabled);
    }
    if let Some(load) = &effects.load {
        page::load(&load.script_url, load.ga_id.as_deref());
    }
    if effects.clear_cookies {
        let names = page::cookies();
        let host = page::hostname();
        let domains = gate::cookie_domains(&host);
        for i in 0..names.len() {
            let name = names.at(i).string().unwrap_or_default();
            if gate::is_analytics_cookie(&name) {
                page::expire(&name, "");
                for domain in &domains {
                    page::expire(&name, domain);
                }
            }
        }
    }
}

impl App {
    fn fill_disclosures(&self) {
        let tags = strings(&page::disclosures());
        if !tags.is_empty() {
            page::fill(&view::disclosures(self.session.config(), &tags, self.session.lang()));
        }
    }

    /// Which inert gated scripts the choices release, as `page::release` wants it.
    fn due_scripts(&self) -> String {
        let (config, choices) = (self.session.config(), self.session.choices());
        let specs = page::inert();
        let mut due = String::new();
        for i in 0..specs.len() {
            let spec = specs.at(i).string().unwrap_or_default();
            due.push(if gate::released(&spec, config, choices) { '1' } else { '0' });
        }
        due
    }

    /// Draws `parts` of the banner from the session and the dialog's draft.
    fn draw(&self, parts: u8) {
        if self.mounted {
            let (config, lang) = (self.session.config(), self.session.lang());
            page::render(&view::main(self.session.view(), config, lang, self.draft), parts);
        }
    }

    fn redraw(&self) {
        self.draw(page::MAIN | page::DIALOG);
    }
}

/// A page event, from `js/page.js`: a control's `data-action` and, for a switch, its category.
#[wasm_bindgen]
pub fn act(action: &str, category: &str) {
    match action {
        "accept" => decide(Pick::All, true),
        "reject" => decide(Pick::None, true),
        "save" => decide(Pick::Draft, true),
        "settings" => open_dialog(),
        "close" => close_dialog(),
        "lang" => switch_language(),
        "toggle" => toggle(category),
        "ready" => ready(),
        // The API's members without arguments (see js/script.js and pkg-template/index.js).
        "acceptAll" => decide(Pick::All, false),
        "rejectAll" => decide(Pick::None, false),
        "show" => {
            page::remember();
            open_dialog();
        }
        "reset" => withdraw(),
        _ => {}
    }
}

/// What a decision grants.
pub(crate) enum Pick<'a> {
    All,
    None,
    /// The dialog's switches (the choices in force when it is closed).
    Draft,
    /// These categories changed, the rest as they are (`set()`).
    Some(&'a [(crate::consent::Category, bool)]),
}

/// Makes a decision with the choices `pick` names, stores it, applies its effects, then — with
/// the app released, so page code may call the API — runs the scripts it releases and tells
/// listeners.
fn decide(pick: Pick, from_ui: bool) {
    let done = with_app(|app| {
        let choices = match pick {
            Pick::All => Choices::all(&app.session.config().categories),
            Pick::None => Choices::default(),
            Pick::Draft => app.draft.unwrap_or_else(|| app.session.choices()),
            Pick::Some(values) => {
                let mut choices = app.session.choices();
                for &(c, on) in values {
                    choices.set(c, on);
                }
                choices
            }
        };
        let (record, effects) = app.session.decide(choices, now(), &page::Builtins);
        match record {
            Some(record) => {
                if app.stores && !page::write(defaults::STORAGE_KEY, Some(&crate::record::to_json(&record))) {
                    log_error("localStorage refused the decision (full or blocked); it holds for this page only.");
                }
            }
            None => log_error("the clock is outside 1970–9999; the decision holds for this page only."),
        }
        apply(&effects);
        app.draft = None;
        app.redraw();
        if from_ui {
            page::restore(SETTINGS);
        }
        (app.due_scripts(), app.session.state(&page::Builtins).to_json())
    });
    if let Some((due, state)) = done {
        page::release(&due);
        page::emit(&state);
    }
}

fn open_dialog() {
    with_app(|app| {
        app.draft = Some(app.session.choices());
        app.draw(page::DIALOG);
    });
}

fn close_dialog() {
    with_app(|app| {
        if app.draft.take().is_some() {
            app.draw(page::DIALOG);
            page::restore(SETTINGS);
        }
    });
}

fn switch_language() {
    with_app(|app| {
        app.session.set_lang(app.session.lang().other());
        app.redraw();
        app.fill_disclosures();
        page::focus("[data-action=lang]");
    });
}

fn toggle(category: &str) {
    let Some(category) = crate::consent::Category::from_key(category) else { return };
    with_app(|app| {
        if let Some(draft) = app.draft.as_mut() {
            let on = !draft.get(category);
            draft.set(category, on);
            page::check(category.key(), on);
        }
    });
}

fn withdraw() {
    let state = with_app(|app| {
        apply(&app.session.reset());
        if app.stores {
            page::write(defaults::STORAGE_KEY, None);
        }
        app.draft = None;
        app.redraw();
        app.session.state(&page::Builtins).to_json()
    });
    if let Some(state) = state {
        page::emit(&state);
    }
}
