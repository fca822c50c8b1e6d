//! The browser layer: reads the page, runs the core, applies its answer. Only this module uses
//! wasm-bindgen, web-sys, js-sys, serde-wasm-bindgen and gloo-storage; each file is one surface.

pub mod analytics;
pub mod api;
mod cookies;
mod disclosure;
pub mod page;
mod render;
mod scripts;
pub mod storage;

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, HtmlElement, KeyboardEvent};

use crate::category::{Category, Choices};
use crate::config::{self, Embedded, Level, Problem};
use crate::consent::{Changes, Env, Session, State};

use page::{cast, Builtins};
use render::Banner;
use storage::Store;

pub use analytics::apply;

/// Where focus goes when the opener of the dialog is gone: the control that reopens it.
const SETTINGS: &str = "[data-action=settings]";

/// Everything the page's one banner holds between events.
struct App {
    session: Session,
    store: Store,
    /// The banner's part of the page, once it is drawn.
    banner: Option<Banner>,
    /// The dialog's switches while it is open.
    draft: Option<Choices>,
    /// `[data-consent-open]` clicks anywhere in the page; kept for the page's lifetime.
    _open_links: Option<Closure<dyn FnMut(Event)>>,
}

thread_local! {
    /// The page's one banner. Only `try_borrow_mut` is used: a re-entrant call (page code run by
    /// the banner that calls the API) is refused quietly instead of panicking.
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
}

/// Runs `f` on the app, unless there is none yet or it is busy.
fn with_app<R>(f: impl FnOnce(&mut App) -> R) -> Option<R> {
    APP.with(|cell| cell.try_borrow_mut().ok()?.as_mut().map(f))
}

fn started() -> bool {
    APP.with(|cell| cell.try_borrow().map_or(true, |app| app.is_some()))
}

pub(crate) fn log_error(message: &str) {
    log(&Problem::error(message));
}

fn log(problem: &Problem) {
    let message = JsValue::from_str(&problem.message);
    match problem.level {
        Level::Error => web_sys::console::error_1(&message),
        Level::Warn => web_sys::console::warn_1(&message),
    }
}

/// Starts the page's one banner: from the script tag's attributes (`script`, with `config`
/// undefined), or from the npm package's `mount(config)` object. A second start (a second copy
/// of the tag, `mount` after the tag) changes nothing.
#[wasm_bindgen]
pub fn start(script: Option<Element>, config: JsValue) {
    if started() {
        return;
    }
    let script = script.as_ref();
    let id = page::attr(script, "data-config");
    let source = format!("data-config=\"{}\"", id.as_deref().unwrap_or(""));
    let embedded = match (config.is_undefined(), &id) {
        (false, _) => Embedded::Parsed { parsed: page::config_of(&config), source: "mount(config)" },
        (true, None) => Embedded::Absent,
        (true, Some(id)) => match page::text_of(id) {
            Some(json) => Embedded::Parsed { parsed: js_sys::JSON::parse(&json).ok().and_then(|v| page::config_of(&v)), source: &source },
            None => Embedded::Missing(id),
        },
    };
    let (config, problems) = config::read(|name| page::attr(script, name), embedded, &Builtins);
    problems.iter().for_each(log);
    let store = Store::open();
    if !store.usable() {
        log_error("localStorage is unavailable or throws; the choice made on this page is not remembered.");
    }
    let languages = page::languages();
    let env = Env { now: page::now(), gpc_signal: page::gpc(), languages: &languages };
    let mut session = Session::new(config, store.read().as_ref(), &env, &Builtins);
    // A returning visitor's yes starts analytics before anything is drawn.
    apply(&session.start());
    let app = App { session, store, banner: None, draft: None, _open_links: listen_for_open_links() };
    APP.with(|cell| {
        if let Ok(mut slot) = cell.try_borrow_mut() {
            *slot = Some(app);
        }
    });
    when_parsed(ready);
}

/// Runs `f` in a task of its own once the page is parsed: the next task if it is (a `defer` tag;
/// usually `async` and `mount`), else at `DOMContentLoaded`. Its own task, so that starting and
/// drawing are two short tasks rather than one long one on a slow phone. The caller has already
/// applied a returning visitor's yes, so its analytics never waits for this.
fn when_parsed(f: fn()) {
    let callback = Closure::once_into_js(f);
    match page::document() {
        Some(doc) if doc.ready_state() == "loading" => {
            let _ = doc.add_event_listener_with_callback("DOMContentLoaded", callback.unchecked_ref());
        }
        _ => {
            if page::window().and_then(|w| w.set_timeout_with_callback(callback.unchecked_ref()).ok()).is_none() {
                f();
            }
        }
    }
}

/// `[data-consent-open]` links (a footer's "Cookie settings") open the dialog.
fn listen_for_open_links() -> Option<Closure<dyn FnMut(Event)>> {
    let listener = Closure::<dyn FnMut(Event)>::new(|event: Event| {
        let link = event.target().and_then(cast::<Element>).and_then(|t| t.closest("[data-consent-open]").ok().flatten());
        if let Some(link) = link {
            event.prevent_default();
            open_dialog(cast(link));
        }
    });
    page::document()?.add_event_listener_with_callback("click", listener.as_ref().unchecked_ref()).ok()?;
    Some(listener)
}

/// Once the page is parsed: the banner, gated scripts and disclosure tables.
fn ready() {
    let due = with_app(|app| {
        match Banner::mount() {
            Ok(banner) => app.banner = Some(banner),
            Err(_) => log_error("could not create the banner in this page."),
        }
        app.redraw();
        app.fill_disclosures();
        app.due_scripts()
    });
    scripts::run(due.unwrap_or_default());
}

impl App {
    fn state(&self) -> State {
        self.session.state(&Builtins)
    }

    fn fill_disclosures(&self) {
        disclosure::fill(self.session.config(), self.session.lang());
    }

    fn due_scripts(&self) -> Vec<web_sys::HtmlScriptElement> {
        scripts::due(self.session.config(), self.session.choices())
    }

    fn draw_main(&self) {
        if let Some(banner) = &self.banner {
            if banner.draw_main(&self.session).is_err() {
                log_error("could not draw the banner.");
            }
        }
    }

    fn draw_dialog(&self) {
        if let Some(banner) = &self.banner {
            if banner.draw_dialog(&self.session, self.draft).is_err() {
                log_error("could not draw the preferences dialog.");
            }
        }
    }

    fn redraw(&self) {
        self.draw_main();
        self.draw_dialog();
    }

    fn restore_focus(&mut self) {
        if let Some(banner) = &mut self.banner {
            banner.restore(SETTINGS);
        }
    }
}

/// A press on one of the banner's controls, by its `data-action`.
fn on_control(control: &Element) {
    let category = control.get_attribute("data-category");
    match control.get_attribute("data-action").as_deref() {
        Some("accept") => decide(Pick::All, true),
        Some("reject") => decide(Pick::None, true),
        Some("save") => decide(Pick::Draft, true),
        Some("settings") => open_dialog(cast(control.clone())),
        Some("close") => close_dialog(),
        Some("lang") => switch_language(),
        Some("toggle") => toggle(category.as_deref().and_then(Category::from_key)),
        _ => {}
    }
}

/// Something in the page got focus.
fn on_focus(target: &Element) {
    with_app(|app| app.banner.as_ref().map(|b| b.keep_clear(target)));
}

/// The first layer changed size (or was first laid out).
fn on_resize() {
    with_app(|app| app.banner.as_ref().map(Banner::reserve));
}

/// Escape closes the dialog; Tab wraps inside it.
fn on_key(event: KeyboardEvent) {
    match event.key().as_str() {
        "Escape" if with_app(|app| app.banner.as_ref().is_some_and(Banner::dialog_open)) == Some(true) => {
            event.prevent_default();
            close_dialog();
        }
        // WebKitGTK reports Shift+Tab (GDK's ISO_Left_Tab) as key "Unidentified", code "Tab".
        key if key == "Tab" || (key == "Unidentified" && event.code() == "Tab") => {
            with_app(|app| app.banner.as_ref().map(|b| b.wrap_tab(&event)));
        }
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
    Some(&'a Changes),
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
            Pick::Some(changes) => {
                let mut choices = app.session.choices();
                for &(c, on) in changes {
                    choices.set(c, on);
                }
                choices
            }
        };
        let (record, effects) = app.session.decide(choices, page::now(), &Builtins);
        match record {
            Some(record) => {
                if app.store.usable() && !app.store.write(&record) {
                    log_error("localStorage refused the decision (full or blocked); it holds for this page only.");
                }
            }
            None => log_error("the clock is outside 1970–9999; the decision holds for this page only."),
        }
        apply(&effects);
        app.draft = None;
        app.redraw();
        if from_ui {
            app.restore_focus();
        }
        (app.due_scripts(), app.state())
    });
    if let Some((due, state)) = done {
        scripts::run(due);
        api::emit(&state);
    }
}

/// Opens the dialog with the choices in force; focus returns to `opener` when it closes.
fn open_dialog(opener: Option<HtmlElement>) {
    with_app(|app| {
        app.draft = Some(app.session.choices());
        if let Some(banner) = &mut app.banner {
            banner.opener = opener;
        }
        app.draw_dialog();
    });
}

fn close_dialog() {
    with_app(|app| {
        if app.draft.take().is_some() {
            app.draw_dialog();
            app.restore_focus();
        }
    });
}

fn switch_language() {
    with_app(|app| {
        app.session.set_lang(app.session.lang().other());
        app.redraw();
        app.fill_disclosures();
        if let Some(banner) = &app.banner {
            banner.focus("[data-action=lang]");
        }
    });
}

fn toggle(category: Option<Category>) {
    let Some(category) = category else { return };
    with_app(|app| {
        if let Some(draft) = app.draft.as_mut() {
            let on = !draft.get(category);
            draft.set(category, on);
            if let Some(banner) = &app.banner {
                banner.check(category, on);
            }
        }
    });
}

/// `acceptAll()`.
#[wasm_bindgen(js_name = acceptAll)]
pub fn accept_all() {
    decide(Pick::All, false);
}

/// `rejectAll()`.
#[wasm_bindgen(js_name = rejectAll)]
pub fn reject_all() {
    decide(Pick::None, false);
}

/// `show()`: opens the dialog; focus returns to what had it.
#[wasm_bindgen]
pub fn show() {
    open_dialog(page::focused().and_then(cast));
}

/// `reset()`: withdraws as a reject does, forgets the decision, and asks again.
#[wasm_bindgen]
pub fn reset() {
    let state = with_app(|app| {
        apply(&app.session.reset());
        app.store.forget();
        app.draft = None;
        app.redraw();
        app.state()
    });
    if let Some(state) = state {
        api::emit(&state);
    }
}
