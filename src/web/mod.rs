//! The browser layer: reads the page into the session's messages and carries out its commands.
//! Only this module uses wasm-bindgen, web-sys, js-sys, serde-wasm-bindgen and gloo-storage; each
//! file is one surface.
//!
//! Messages go through one queue. The session is borrowed only while `update` runs, which calls
//! no page code; the commands are carried out after, and page code they reach (a focus or change
//! listener, a released script) that calls the API adds its message to the queue, handled in
//! order once the current one is done. No call is dropped, and none sees the banner half-changed.

pub mod analytics;
pub mod api;
mod console;
mod cookies;
mod disclosure;
mod events;
pub mod page;
mod render;
mod scripts;
pub mod storage;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, HtmlElement, KeyboardEvent};

use crate::category::Category;
use crate::command::{Command, Focus};
use crate::config::Embedded;
use crate::problem::{Code, Problem};
use crate::session::{Env, Found, Msg, Origin, Session};

use page::{cast, Builtins};
use render::Banner;
use storage::{Failure, Store};

/// A message waiting its turn, with the page element that had focus when a dialog was asked for
/// (focus goes back to it when the dialog closes).
struct Queued(Msg, Option<HtmlElement>);

/// A page listener the banner keeps for the page's lifetime.
type Listener = Closure<dyn FnMut(Event)>;

thread_local! {
    /// The page's one session, once started.
    static SESSION: RefCell<Option<Session>> = const { RefCell::new(None) };
    /// The banner's part of the page, once it is drawn. Shared out, never borrowed across a call.
    static BANNER: RefCell<Option<Rc<Banner>>> = const { RefCell::new(None) };
    /// `localStorage` as the banner found it when it started.
    static STORE: Cell<Option<Store>> = const { Cell::new(None) };
    /// Messages not yet handled, oldest first, and whether they are being handled now.
    static QUEUE: RefCell<Vec<Queued>> = const { RefCell::new(Vec::new()) };
    static BUSY: Cell<bool> = const { Cell::new(false) };
    /// `[data-consent-open]` clicks anywhere in the page; kept for the page's lifetime.
    static OPEN_LINKS: RefCell<Option<Listener>> = const { RefCell::new(None) };
}

/// Reads the session, if it has started.
fn with_session<R>(f: impl FnOnce(&Session) -> R) -> Option<R> {
    SESSION.with_borrow(|session| session.as_ref().map(f))
}

fn banner() -> Option<Rc<Banner>> {
    BANNER.with_borrow(Option::clone)
}

fn store() -> Option<Store> {
    STORE.get()
}

use console::log;

/// Hands a message to the session (and with it, `opener`: what gets focus back from a dialog it
/// opens). Handled now, or, when a message is being handled already, right after it.
fn send(msg: Msg, opener: Option<HtmlElement>) {
    QUEUE.with_borrow_mut(|queue| queue.push(Queued(msg, opener)));
    drain();
}

/// Handles every queued message in order, unless that is already happening further up the stack
/// (or the session has not started: `start` drains what came before it).
fn drain() {
    if with_session(|_| ()).is_none() || BUSY.replace(true) {
        return;
    }
    // What was sent meanwhile waits for the next round, after everything taken in this one.
    loop {
        let queued = QUEUE.take();
        if queued.is_empty() {
            break;
        }
        for Queued(msg, opener) in queued {
            let opening = msg == Msg::Open;
            let commands = SESSION.with_borrow_mut(|s| s.as_mut().map(|s| s.update(msg, page::now(), &Builtins))).unwrap_or_default();
            if let (true, false, Some(banner)) = (opening, commands.is_empty(), banner()) {
                banner.set_opener(opener);
            }
            carry_out(commands);
        }
    }
    BUSY.set(false);
}

/// Carries out the commands, in order.
pub fn carry_out(commands: Vec<Command>) {
    commands.into_iter().for_each(one);
}

/// Carries out one command. Drawing reads the session; nothing else does, and no page code runs
/// while it is read.
fn one(command: Command) {
    let banner = banner();
    let store = store();
    match command {
        Command::Log(problem) => log(&problem),
        Command::Store(record) => match store.map_or(Err(Failure::Unavailable), |s| s.write(&record)) {
            // Already said when the banner started.
            Ok(()) | Err(Failure::Unavailable) => {}
            Err(Failure::Refused) => log(&Problem::new(Code::StorageRefused, "localStorage")),
        },
        Command::Forget { fallback } => {
            let Some(store) = store else { return };
            // Unavailable storage holds nothing to remove, and was reported at the start.
            if store.remove() == Err(Failure::Refused) && !fallback.is_some_and(|no| store.write(&no).is_ok()) {
                log(&Problem::new(Code::StorageNotRemoved, "localStorage"));
            }
        }
        Command::Consent(kind, types) => analytics::consent(kind, &types),
        Command::GaDisable { id, disabled } => analytics::disable(&id, disabled),
        Command::LoadScript(src) => analytics::load(&src),
        Command::ConfigureGa(id) => analytics::configure(&id),
        Command::ClearCookies(patterns) => cookies::clear(&patterns),
        Command::DrawMain => {
            if let Some(Err(_)) = banner.and_then(|b| with_session(|s| b.draw_main(s))) {
                log(&Problem::new(Code::PageRefused, "banner"));
            }
        }
        Command::DrawDialog => {
            let Some(banner) = banner else { return };
            banner.close_dialog();
            match with_session(|s| banner.build_dialog(s)).flatten() {
                Some(Ok(dialog)) => {
                    if dialog.show_modal().is_err() {
                        log(&Problem::new(Code::PageRefused, "dialog"));
                    }
                }
                Some(Err(_)) => log(&Problem::new(Code::PageRefused, "dialog")),
                None => {}
            }
        }
        Command::Check(category, on) => {
            if let Some(banner) = banner {
                banner.check(category, on);
            }
        }
        Command::Focus(focus) => {
            if let Some(banner) = banner {
                match focus {
                    Focus::Opener => banner.restore(),
                    Focus::Settings => banner.focus(render::SETTINGS),
                    Focus::LanguageSwitch => banner.focus(render::LANGUAGE_SWITCH),
                }
            }
        }
        Command::FillDisclosures => {
            with_session(|s| disclosure::fill(s.config(), s.lang()));
        }
        Command::ReleaseScripts => scripts::run(with_session(|s| scripts::due(s.config(), s.choices())).unwrap_or_default()),
        Command::Emit(state) => events::emit(&state),
    }
}

/// Starts the page's one banner: from the script tag's attributes (`script`, with `config`
/// undefined), or from the npm package's `mount(config)` object. A second start (a second copy
/// of the tag, `mount` after the tag) changes nothing.
#[wasm_bindgen]
pub fn start(script: Option<Element>, config: JsValue) {
    if with_session(|_| ()).is_some() {
        return;
    }
    let script = script.as_ref();
    let id = page::attr(script, "data-config");
    let source = format!("data-config=\"{}\"", id.as_deref().unwrap_or(""));
    let embedded = match (config.is_undefined(), &id) {
        (false, _) => Embedded::Parsed { parsed: page::config_of(&config), source: "mount(config)" },
        (true, None) => Embedded::Absent,
        (true, Some(id)) => match page::text_of(id) {
            Some(json) => match js_sys::JSON::parse(&json) {
                Ok(value) => Embedded::Parsed { parsed: page::config_of(&value), source: &source },
                // Where the syntax error is, the same in every engine: serde_json's line and column.
                Err(_) => match serde_json::from_str::<serde_json::Value>(&json) {
                    Err(e) => Embedded::Syntax { source: &source, line: e.line(), column: e.column() },
                    Ok(_) => Embedded::Parsed { parsed: None, source: &source },
                },
            },
            None => Embedded::Missing(id),
        },
    };
    let (config, problems) = page::configuration(&page::Attributes::Tag(script), embedded);
    problems.iter().for_each(log);
    let store = Store::open();
    if !store.usable() {
        log(&Problem::new(Code::StorageUnavailable, "localStorage"));
    }
    let languages = page::languages();
    let env = Env { now: page::now(), gpc_signal: page::gpc(), languages: &languages };
    let session = Session::new(config, store.read().as_ref(), &env, &Builtins);
    STORE.set(Some(store));
    SESSION.with_borrow_mut(|slot| *slot = Some(session));
    OPEN_LINKS.with_borrow_mut(|slot| *slot = listen_for_open_links());
    // A returning visitor's yes starts analytics before anything is drawn; then anything the page
    // asked before the start.
    QUEUE.with_borrow_mut(|queue| queue.insert(0, Queued(Msg::Start, None)));
    drain();
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
fn listen_for_open_links() -> Option<Listener> {
    let listener = Listener::new(|event: Event| {
        let link = event.target().and_then(cast::<Element>).and_then(|t| t.closest("[data-consent-open]").ok().flatten());
        if let Some(link) = link {
            event.prevent_default();
            send(Msg::Open, cast(link));
        }
    });
    page::document()?.add_event_listener_with_callback("click", listener.as_ref().unchecked_ref()).ok()?;
    Some(listener)
}

/// Once the page is parsed: the banner's host, then the session draws into it.
fn ready() {
    let handlers = render::Handlers { control: on_control, key: on_key, resize: on_resize, focus: on_focus };
    let (theme, layout) = with_session(|s| (s.config().theme, s.config().layout)).unwrap_or_default();
    match Banner::mount(handlers, theme, layout) {
        Ok(banner) => BANNER.with_borrow_mut(|slot| *slot = Some(Rc::new(banner))),
        Err(_) => log(&Problem::new(Code::PageRefused, "banner")),
    }
    let ga_cookie = cookies::names().into_iter().find(|name| crate::gate::is_analytics_cookie(name));
    send(Msg::Ready(Found { google_tag: scripts::google_tag(), ga_cookie }), None);
}

/// A press on one of the banner's controls, by its `data-action`.
fn on_control(control: &Element) {
    let msg = match control.get_attribute("data-action").as_deref() {
        Some("accept") => Msg::Accept(Origin::Visitor),
        Some("reject") => Msg::Reject(Origin::Visitor),
        Some("save") => Msg::Save,
        Some("settings") => Msg::Open,
        Some("close") => Msg::Close,
        Some("lang") => Msg::PickLanguage(control.get_attribute("value").unwrap_or_default()),
        Some("toggle") => match control.get_attribute("data-category").as_deref().and_then(Category::from_key) {
            Some(category) => Msg::Toggle(category),
            None => return,
        },
        _ => return,
    };
    send(msg, cast(control.clone()));
}

/// Something in the page got focus.
fn on_focus(target: &Element) {
    if let Some(banner) = banner() {
        banner.keep_clear(target);
    }
}

/// The first layer changed size (or was first laid out).
fn on_resize() {
    if let Some(banner) = banner() {
        banner.reserve();
    }
}

/// Escape closes the dialog; Tab wraps inside it.
fn on_key(event: KeyboardEvent) {
    match event.key().as_str() {
        "Escape" if with_session(|s| s.dialog().is_some()) == Some(true) => {
            event.prevent_default();
            send(Msg::Close, None);
        }
        // WebKitGTK reports Shift+Tab (GDK's ISO_Left_Tab) as key "Unidentified", code "Tab".
        key if key == "Tab" || (key == "Unidentified" && event.code() == "Tab") => {
            if let Some(banner) = banner() {
                banner.wrap_tab(&event);
            }
        }
        _ => {}
    }
}

/// `acceptAll()`.
#[wasm_bindgen(js_name = acceptAll)]
pub fn accept_all() {
    send(Msg::Accept(Origin::Api), None);
}

/// `rejectAll()`.
#[wasm_bindgen(js_name = rejectAll)]
pub fn reject_all() {
    send(Msg::Reject(Origin::Api), None);
}

/// `show()`: opens the dialog; focus returns to what had it.
#[wasm_bindgen]
pub fn show() {
    send(Msg::Open, page::focused().and_then(cast));
}

/// `reset()`: withdraws as a reject does, forgets the decision, and asks again.
#[wasm_bindgen]
pub fn reset() {
    send(Msg::Reset, None);
}
