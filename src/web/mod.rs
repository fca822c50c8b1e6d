//! The browser layer: reads the page, runs the core, applies its answer. The only module that
//! imports wasm-bindgen, web-sys or js-sys.

pub mod analytics;
mod api;
pub mod render;
pub mod scripts;
pub mod storage;

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement};

pub use api::ConsentBanner;

use crate::config::{self, Config, Embedded, Level, Problem};
use crate::consent::{Category, Choices, Env, Session, State};
use crate::defaults;

/// Everything one page's banner holds between events.
struct App {
    session: Session,
    store: storage::Store,
    ui: Option<render::Ui>,
    /// The dialog's switches while it is open.
    draft: Option<Choices>,
    /// Where focus returns when the dialog closes.
    opener: Option<HtmlElement>,
}

// The banner allocates a few kilobytes in a page's lifetime; a free-list allocator does that in
// about a tenth of dlmalloc's code (measured: the .wasm shrinks by ~6 KB raw).
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());

thread_local! {
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
}

/// Runs `f` on the app, unless there is none yet or a callback re-entered while it is busy:
/// never a panic on the page's path.
fn with_app<R>(f: impl FnOnce(&mut App) -> R) -> Option<R> {
    APP.with(|app| app.try_borrow_mut().ok().and_then(|mut app| app.as_mut().map(f)))
}

pub(crate) fn log_error(message: &str) {
    web_sys::console::error_1(&[defaults::LOG_PREFIX, message].concat().into());
}

fn log(problem: &Problem) {
    let text = JsValue::from_str(&problem.message);
    match problem.level {
        Level::Error => web_sys::console::error_1(&text),
        Level::Warn => web_sys::console::warn_1(&text),
    }
}

fn now() -> i64 {
    js_sys::Date::now() as i64
}

/// Entry for the script tag: reads the settings from `script`'s attributes. A second call (a
/// second copy of the tag) returns the same banner.
#[wasm_bindgen]
pub fn start(script: &Element) -> ConsentBanner {
    if with_app(|_| ()).is_none() {
        let id = script.get_attribute("data-config");
        let text = id.as_deref().and_then(|id| web_sys::window()?.document()?.get_element_by_id(id)).and_then(|e| e.text_content());
        let source = ["data-config=\"", id.as_deref().unwrap_or(""), "\""].concat();
        let embedded = match (&id, &text) {
            (None, _) => Embedded::Absent,
            (Some(_), Some(json)) => Embedded::Text { json, source: &source },
            (Some(id), None) => Embedded::Missing(id),
        };
        let (config, problems) = config::read(|name| script.get_attribute(name), embedded);
        boot(config, &problems);
    }
    ConsentBanner::new()
}

/// Entry for the npm package: `mount(config)`'s object as JSON text, the same settings the
/// script tag's `data-config` holds. A second call, or one after the script tag, is the same banner.
#[wasm_bindgen]
pub fn mount(config_json: &str) -> ConsentBanner {
    if with_app(|_| ()).is_none() {
        let (config, problems) = config::read(|_| None, Embedded::Text { json: config_json, source: "mount(config)" });
        boot(config, &problems);
    }
    ConsentBanner::new()
}

fn boot(config: Config, problems: &[Problem]) {
    problems.iter().for_each(log);
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    let navigator = window.navigator();
    let languages: Vec<String> = navigator.languages().iter().filter_map(|v| v.as_string()).collect();
    let html_lang = document.document_element().and_then(|e| e.get_attribute("lang"));
    let gpc_signal = js_sys::Reflect::get(&navigator, &"globalPrivacyControl".into()).is_ok_and(|v| v == JsValue::TRUE);
    let (store, stored) = storage::open();
    let env = Env { now: now(), gpc_signal, html_lang: html_lang.as_deref(), navigator_languages: &languages };
    let mut session = Session::new(config, stored.as_ref(), &env);
    // A returning visitor's yes starts analytics before anything is drawn.
    analytics::apply(&session.start());
    APP.with(|app| *app.borrow_mut() = Some(App { session, store, ui: None, draft: None, opener: None }));

    let handler = Closure::<dyn Fn(Event)>::new(on_event).into_js_value().unchecked_into::<js_sys::Function>();
    // Links with data-consent-open anywhere in the page open the dialog.
    let _ = document.add_event_listener_with_callback("click", &handler);
    if document.body().is_some() {
        attach_ui(&handler);
    }
    if document.ready_state() == "loading" {
        // Gated scripts further down are not parsed yet; a plain script in <head> has no <body>.
        let later = Closure::once_into_js(move || {
            with_app(|app| app.ui.is_none()).unwrap_or(false).then(|| attach_ui(&handler));
            with_app(|app| app.page_ready());
        });
        let _ = document.add_event_listener_with_callback("DOMContentLoaded", later.unchecked_ref());
    } else {
        with_app(|app| app.page_ready());
    }
}

fn attach_ui(handler: &js_sys::Function) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let ui = render::Ui::mount(&document, handler);
    if ui.is_none() {
        log_error("could not create the banner in this page.");
    }
    with_app(|app| {
        app.ui = ui;
        app.redraw();
    });
}

impl App {
    /// Once the page is parsed: gated scripts and disclosure tables are all there.
    fn page_ready(&self) {
        self.release_scripts();
        self.fill_disclosures();
    }

    fn fill_disclosures(&self) {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            render::fill_disclosures(&document, self.session.config(), self.session.lang());
        }
    }

    fn release_scripts(&self) {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            scripts::release(&document, self.session.config(), self.session.choices());
        }
    }

    fn model(&self) -> render::Model<'_> {
        render::Model { view: self.session.view(), lang: self.session.lang(), config: self.session.config(), dialog: self.draft }
    }

    fn redraw(&self) {
        if let Some(ui) = &self.ui {
            ui.draw(&self.model());
        }
    }

    /// After the dialog closes or the banner gives way: back to the opener if it is still in the
    /// page, else to the control that reopens the banner.
    fn settle_focus(&mut self) {
        let opener = self.opener.take().filter(|o| o.is_connected());
        let focused = opener.is_some_and(|o| o.focus().is_ok());
        if !focused {
            if let Some(ui) = &self.ui {
                let _ = ui.focus("[data-action=settings]");
            }
        }
    }
}

fn on_event(event: Event) {
    match event.type_().as_str() {
        "click" => on_click(&event),
        "keydown" => on_key(&event),
        _ => {}
    }
}

fn on_click(event: &Event) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    if let Ok(Some(open)) = target.closest("[data-consent-open]") {
        event.prevent_default();
        show(open.dyn_into::<HtmlElement>().ok());
        return;
    }
    let Ok(Some(control)) = target.closest("[data-action]") else { return };
    let action = control.get_attribute("data-action").unwrap_or_default();
    match action.as_str() {
        "accept" => decide(|session, _| Choices::all(&session.config().categories), true),
        "reject" => decide(|_, _| Choices::default(), true),
        "save" => decide(|session, draft| draft.unwrap_or_else(|| session.choices()), true),
        "settings" => show(control.dyn_into::<HtmlElement>().ok()),
        "close" => close_dialog(),
        "lang" => switch_language(),
        "toggle" => toggle(&control),
        _ => {}
    }
}

fn on_key(event: &Event) {
    let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
    let open = with_app(|app| app.draft.is_some()).unwrap_or(false);
    match key.key().as_str() {
        "Escape" if open => {
            event.prevent_default();
            close_dialog();
        }
        "Tab" if open => {
            with_app(|app| app.ui.as_ref().map(|ui| ui.wrap_tab(key)));
        }
        _ => {}
    }
}

/// Makes a decision with the choices `pick` derives from the session and the dialog's draft,
/// stores it, applies its effects and tells listeners: once the app is released, so a listener
/// may call the API again.
fn decide(pick: impl FnOnce(&Session, Option<Choices>) -> Choices, from_ui: bool) {
    let state = with_app(|app| {
        let choices = pick(&app.session, app.draft);
        let (record, effects) = app.session.decide(choices, now());
        match record {
            Some(record) => app.store.write(&record),
            None => log_error("the clock is outside 1970–9999; the decision holds for this page only."),
        }
        analytics::apply(&effects);
        app.release_scripts();
        app.draft = None;
        app.redraw();
        if from_ui {
            app.settle_focus();
        }
        app.session.state()
    });
    if let Some(state) = state {
        api::emit(&state);
    }
}

fn decide_categories(values: &[(Category, bool)]) {
    decide(
        |session, _| {
            let mut choices = session.choices();
            for &(c, on) in values {
                choices.set(c, on);
            }
            choices
        },
        false,
    );
}

fn show(opener: Option<HtmlElement>) {
    with_app(|app| {
        app.draft = Some(app.session.choices());
        app.opener = opener;
        if let Some(ui) = &app.ui {
            ui.open_dialog(&app.model());
        }
    });
}

fn close_dialog() {
    with_app(|app| {
        if app.draft.take().is_some() {
            if let Some(ui) = &app.ui {
                ui.close_dialog();
            }
            app.settle_focus();
        }
    });
}

fn switch_language() {
    with_app(|app| {
        app.session.set_lang(app.session.lang().other());
        app.redraw();
        app.fill_disclosures();
        if let Some(ui) = &app.ui {
            let _ = ui.focus("[data-action=lang]");
        }
    });
}

fn toggle(control: &Element) {
    let Some(category) = control.get_attribute("data-category").as_deref().and_then(Category::from_key) else { return };
    with_app(|app| {
        if let Some(draft) = app.draft.as_mut() {
            let on = !draft.get(category);
            draft.set(category, on);
            let _ = control.set_attribute("aria-checked", if on { "true" } else { "false" });
        }
    });
}

fn reset() {
    let state = with_app(|app| {
        let effects = app.session.reset();
        analytics::apply(&effects);
        app.store.forget();
        app.draft = None;
        app.redraw();
        app.session.state()
    });
    if let Some(state) = state {
        api::emit(&state);
    }
}

fn state() -> Option<State> {
    with_app(|app| app.session.state())
}
