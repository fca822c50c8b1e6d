//! The banner in the page: the `<consent-banner>` host with its shadow root and stylesheet, the
//! first layer or the reopen control, and the preferences dialog. Every text is set as text.
//! The banner owns its listeners; they hand each control's action to `web`.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CssStyleSheet, Document, Element, Event, HtmlDialogElement, HtmlElement, KeyboardEvent, ResizeObserver, ShadowRoot, ShadowRootInit,
    ShadowRootMode,
};

use crate::catalogue::{Lang, Texts};
use crate::category::Category;
use crate::config::{Config, Layout, Theme};
use crate::defaults::{self, HOST_TAG};
use crate::disclosure::{self, Row};
use crate::session::{Session, View};
use crate::view;

use super::page::{self, cast, document};

/// The banner's styles, shipped as written (so without comments). The first layer takes at most
/// 60% of the viewport whatever the texts: its text scrolls inside, its buttons stay in view.
const CSS: &str = include_str!("banner.css");

/// The control that opens the dialog: the first layer's Settings, or the reopen control.
pub const SETTINGS: &str = "[data-action=settings]";
/// The language switch.
pub const LANGUAGE_SWITCH: &str = "[data-action=lang]";

/// The focusable controls of the dialog, in order, for Tab to wrap around.
const FOCUSABLE: &str = "button:not([disabled]),a[href]";

/// The page root's properties that make room for the first layer while it shows: scroll
/// padding keeps a focused field clear of it, padding lets the page's end scroll above it.
const RESERVED: [&str; 2] = ["scroll-padding-bottom", "padding-bottom"];

/// What the banner hands the page's events to (`web`'s handlers), given when it is mounted.
#[derive(Clone, Copy)]
pub struct Handlers {
    /// A press on one of its controls (the element with `data-action`).
    pub control: fn(&Element),
    pub key: fn(KeyboardEvent),
    /// The first layer's size changed.
    pub resize: fn(),
    /// Something in the page got focus.
    pub focus: fn(&Element),
}

/// The banner's part of the page. It lives as long as the page (in the app's `thread_local!`),
/// so the closures it owns outlive every listener and observer that calls them.
pub struct Banner {
    root: ShadowRoot,
    /// Holds the first layer or the reopen control.
    main: Element,
    /// Holds the dialog while it is open.
    modal: Element,
    /// Where focus returns when the dialog closes: what had it when the dialog was asked for.
    opener: RefCell<Option<HtmlElement>>,
    /// The page root's own inline values of `RESERVED`, put back when the first layer goes.
    page_style: [String; 2],
    /// The page root's computed bottom padding, which the first layer's height is added to.
    page_padding: String,
    _click: Closure<dyn FnMut(Event)>,
    _keydown: Closure<dyn FnMut(KeyboardEvent)>,
    /// Watches the first layer's size (drawn, its fonts loaded, a phone turned) without forcing a
    /// layout of its own.
    sizes: ResizeObserver,
    _resized: Closure<dyn FnMut()>,
    _focusin: Closure<dyn FnMut(Event)>,
}

impl Banner {
    /// Puts `<consent-banner>` first in `<body>`, its styles adopted by an open shadow root.
    pub fn mount(handlers: Handlers, theme: Theme, layout: Layout) -> Result<Banner, JsValue> {
        let doc = document().ok_or(JsValue::NULL)?;
        let host = el(&doc, HOST_TAG, &[("data-theme", theme.name()), ("data-layout", layout.name())])?;
        let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(CSS)?;
        root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        let main = doc.create_element("div")?;
        let modal = doc.create_element("div")?;
        root.append_child(&main)?;
        root.append_child(&modal)?;
        let click = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            let control = event.target().and_then(cast::<Element>).and_then(|t| t.closest("[data-action]").ok().flatten());
            if let Some(control) = control {
                (handlers.control)(&control);
            }
        });
        let keydown = Closure::<dyn FnMut(KeyboardEvent)>::new(handlers.key);
        root.add_event_listener_with_callback("click", click.as_ref().unchecked_ref())?;
        root.add_event_listener_with_callback("keydown", keydown.as_ref().unchecked_ref())?;
        let resized = Closure::<dyn FnMut()>::new(handlers.resize);
        let sizes = ResizeObserver::new(resized.as_ref().unchecked_ref())?;
        // WebKit scrolls a focused field into view without the scroll padding: see keep_clear.
        let focusin = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            if let Some(target) = event.target().and_then(cast::<Element>) {
                (handlers.focus)(&target);
            }
        });
        doc.add_event_listener_with_callback("focusin", focusin.as_ref().unchecked_ref())?;
        // First in <body> (contract): a keyboard user reaches the banner before the page's controls.
        // Its content is fixed, so the host takes no room and nothing moves.
        doc.body().ok_or(JsValue::NULL)?.prepend_with_node_1(&host)?;
        let page = page_root();
        let page_style = RESERVED.map(|name| page.as_ref().and_then(|r| r.style().get_property_value(name).ok()).unwrap_or_default());
        // Read before the first layer is drawn, so it is the page's own; a style read, not a layout.
        let page_padding = page
            .and_then(|r| doc.default_view()?.get_computed_style(&r).ok().flatten())
            .and_then(|s| s.get_property_value("padding-bottom").ok())
            .filter(|v| !v.is_empty())
            .unwrap_or_else(|| "0px".into());
        Ok(Banner {
            root,
            main,
            modal,
            opener: RefCell::new(None),
            page_style,
            page_padding,
            _click: click,
            _keydown: keydown,
            sizes,
            _resized: resized,
            _focusin: focusin,
        })
    }

    /// A page element that gets focus while the first layer shows is scrolled clear of it when
    /// it would sit entirely beneath it. Only its position is read.
    pub fn keep_clear(&self, target: &Element) {
        // Focus inside the banner reaches the page as its host element.
        if target.local_name() == HOST_TAG {
            return;
        }
        let Some(banner) = self.main.query_selector(".banner").ok().flatten() else { return };
        let (top, at) = (banner.get_bounding_client_rect().top(), target.get_bounding_client_rect());
        if at.top() >= top {
            if let Some(window) = page::window() {
                window.scroll_by_with_x_and_y(0.0, at.bottom() - top + defaults::FOCUS_MARGIN_PX);
            }
        }
    }

    /// While the first layer or the reopen control shows (its size as the observer reports it),
    /// the page reserves what it covers: as scroll padding, so a field focused under it is scrolled above it rather than
    /// hidden (WCAG 2.4.11), and as padding below the page's end, so every part of the page can
    /// be scrolled above it. Room added at the end moves nothing already laid out. Then the
    /// page's own values are put back.
    pub fn reserve(&self) {
        let Some(style) = page_root().map(|r| r.style()) else { return };
        // What the first layer or the reopen control covers, from its top to the viewport's bottom.
        let covered = |shown: Element| {
            let viewport = page::window().and_then(|w| w.inner_height().ok()?.as_f64()).unwrap_or(0.0);
            (viewport - shown.get_bounding_client_rect().top()).max(0.0).ceil() as u32
        };
        let height = self.main.first_element_child().map(covered);
        let values = match height {
            Some(h) => [format!("{h}px"), format!("calc({} + {h}px)", self.page_padding)],
            None => self.page_style.clone(),
        };
        for (name, value) in RESERVED.iter().zip(values) {
            let _ = if value.is_empty() { style.remove_property(name).map(drop) } else { style.set_property(name, &value) };
        }
    }

    fn dialog(&self) -> Option<HtmlDialogElement> {
        self.modal.first_element_child().and_then(cast).filter(|d: &HtmlDialogElement| d.open())
    }

    /// Remembers what gets focus back when the dialog closes.
    pub fn set_opener(&self, opener: Option<HtmlElement>) {
        self.opener.replace(opener);
    }

    /// Draws the first layer or the reopen control for the session's view.
    pub fn draw_main(&self, session: &Session) -> Result<(), JsValue> {
        let doc = document().ok_or(JsValue::NULL)?;
        let (config, lang) = (session.config(), session.lang());
        let t = view::texts(config, lang);
        let node = match session.view() {
            View::Hidden => {
                self.main.replace_children_with_node_0();
                self.sizes.disconnect();
                self.reserve();
                return Ok(());
            }
            View::Reopen => {
                self.main.replace_children_with_node_0();
                let reopen = button(&doc, &self.main, "settings", Some("reopen"), t.reopen, &[("lang", config.tag(lang))])?;
                // Room for it too, so that it never sits on the end of the page.
                self.sizes.disconnect();
                self.sizes.observe(&reopen);
                return Ok(());
            }
            View::Banner => {
                let banner =
                    el(&doc, "div", &[("class", "banner"), ("role", "region"), ("aria-label", t.region), ("lang", config.tag(lang))])?;
                let text = child(&doc, &banner, "div", &[("class", "text")])?;
                child(&doc, &text, "h2", &[])?.set_text_content(Some(t.title));
                let p = child(&doc, &text, "p", &[])?;
                p.append_with_str_1(t.description)?;
                if let Some(url) = config.policy_url.get(config.tag(lang)) {
                    p.append_with_str_1(" ")?;
                    child(&doc, &p, "a", &[("href", url)])?.set_text_content(Some(t.policy_link));
                }
                let actions = child(&doc, &banner, "div", &[("class", "actions")])?;
                choices(&doc, &actions, &t)?;
                button(&doc, &actions, "settings", None, t.settings, &[])?;
                switch_language(&doc, &actions, config, lang)?;
                banner
            }
        };
        self.main.replace_children_with_node_1(&node);
        // Reserved once laid out: the observer reports its first size before the next paint.
        self.sizes.disconnect();
        self.sizes.observe(&node);
        Ok(())
    }

    /// Closes the dialog, if it is open, and removes it. Closing may move focus, which runs the
    /// page's focus listeners: the session is not read meanwhile.
    pub fn close_dialog(&self) {
        if let Some(open) = self.dialog() {
            open.close();
        }
        self.modal.replace_children_with_node_0();
    }

    /// Builds the session's dialog with its draft switches, in the page but not yet shown; `None`
    /// when the dialog is closed.
    pub fn build_dialog(&self, session: &Session) -> Option<Result<HtmlDialogElement, JsValue>> {
        let draft = session.dialog()?.draft;
        let build = || {
            let doc = document().ok_or(JsValue::NULL)?;
            let (config, lang) = (session.config(), session.lang());
            let t = view::texts(config, lang);
            let dialog: HtmlDialogElement =
                el(&doc, "dialog", &[("aria-labelledby", "dt"), ("aria-describedby", "dd"), ("lang", config.tag(lang))])?.unchecked_into();
            let body = child(&doc, &dialog, "div", &[("class", "dialog")])?;
            child(&doc, &body, "h2", &[("id", "dt")])?.set_text_content(Some(t.dialog_title));
            child(&doc, &body, "p", &[("id", "dd")])?.set_text_content(Some(t.dialog_description));
            button(&doc, &body, "close", Some("close"), "×", &[("aria-label", t.close)])?;
            let list = child(&doc, &body, "ul", &[("class", "cats")])?;
            let rows: Vec<Row> = disclosure::rows(config, lang).collect();
            category(&doc, &list, &t, None, None, &rows)?;
            for &c in &config.categories {
                category(&doc, &list, &t, Some(c), Some(draft.get(c)), &rows)?;
            }
            let actions = child(&doc, &body, "div", &[("class", "actions")])?;
            choices(&doc, &actions, &t)?;
            button(&doc, &actions, "save", None, t.save, &[])?;
            switch_language(&doc, &actions, config, lang)?;
            self.modal.append_child(&dialog)?;
            Ok(dialog)
        };
        Some(build())
    }

    /// Shows a switch's state.
    pub fn check(&self, category: Category, on: bool) {
        let selector = format!("[data-category={}]", category.key());
        if let Ok(Some(switch)) = self.modal.query_selector(&selector) {
            let _ = switch.set_attribute("aria-checked", if on { "true" } else { "false" });
        }
    }

    /// Focuses the first `selector` in the open dialog, else in the first layer.
    pub fn focus(&self, selector: &str) {
        let scope = if self.dialog().is_some() { &self.modal } else { &self.main };
        if let Some(el) = scope.query_selector(selector).ok().flatten().and_then(cast::<HtmlElement>) {
            let _ = el.focus();
        }
    }

    /// Focuses the dialog's opener if it is still in the page, else the settings control.
    pub fn restore(&self) {
        match self.opener.take() {
            Some(opener) if opener.is_connected() => {
                let _ = opener.focus();
            }
            _ => self.focus(SETTINGS),
        }
    }

    /// Tab and Shift+Tab wrap inside the open dialog: from the last control to the first and back.
    pub fn wrap_tab(&self, event: &KeyboardEvent) {
        let Some(dialog) = self.dialog() else { return };
        let Ok(all) = dialog.query_selector_all(FOCUSABLE) else { return };
        let (Some(first), Some(last)) = (all.get(0), all.get(all.length().saturating_sub(1))) else { return };
        let active = self.root.active_element().map(web_sys::Node::from);
        let to = match active {
            None => Some(first),
            Some(active) if event.shift_key() => (active == first).then_some(last),
            Some(active) => (active == last).then_some(first),
        };
        if let Some(to) = to.and_then(cast::<HtmlElement>) {
            event.prevent_default();
            let _ = to.focus();
        }
    }
}

/// The page's `<html>` element.
fn page_root() -> Option<HtmlElement> {
    document()?.document_element().and_then(cast)
}

/// An element with attributes.
pub(super) fn el(doc: &Document, tag: &str, attrs: &[(&str, &str)]) -> Result<Element, JsValue> {
    let el = doc.create_element(tag)?;
    for (name, value) in attrs {
        el.set_attribute(name, value)?;
    }
    Ok(el)
}

/// An element with attributes, appended to `parent`.
pub(super) fn child(doc: &Document, parent: &Element, tag: &str, attrs: &[(&str, &str)]) -> Result<Element, JsValue> {
    let el = el(doc, tag, attrs)?;
    parent.append_child(&el)?;
    Ok(el)
}

/// A button that hands `action` to `web` when pressed.
fn button(
    doc: &Document,
    parent: &Element,
    action: &str,
    class: Option<&str>,
    text: &str,
    attrs: &[(&str, &str)],
) -> Result<Element, JsValue> {
    let b = el(doc, "button", &[("type", "button"), ("data-action", action)])?;
    if let Some(class) = class {
        b.set_attribute("class", class)?;
    }
    for (name, value) in attrs {
        b.set_attribute(name, value)?;
    }
    b.set_text_content(Some(text));
    parent.append_child(&b)?;
    Ok(b)
}

/// Accept and reject share one class and one equal-column grid, so they cannot differ in
/// prominence at any width.
fn choices(doc: &Document, parent: &Element, t: &Texts) -> Result<Element, JsValue> {
    let pair = child(doc, parent, "div", &[("class", "pair")])?;
    button(doc, &pair, "accept", Some("choice"), t.accept_all, &[])?;
    button(doc, &pair, "reject", Some("choice"), t.reject_all, &[])?;
    Ok(pair)
}

/// The language switch: a button for each other language, named in that language.
fn switch_language(doc: &Document, parent: &Element, config: &Config, lang: Lang) -> Result<(), JsValue> {
    for (tag, t) in view::switches(config, lang) {
        button(doc, parent, "lang", Some("link"), t.language, &[("lang", tag), ("value", tag)])?;
    }
    Ok(())
}

/// One category of the dialog with its switch and services; `on` is `None` for necessary (a
/// checked, disabled switch).
fn category(
    doc: &Document,
    parent: &Element,
    t: &Texts,
    category: Option<Category>,
    on: Option<bool>,
    rows: &[Row],
) -> Result<Element, JsValue> {
    let key = category.map_or(crate::category::NECESSARY, Category::key);
    let (name, description) = t.category(category);
    let (name_id, text_id) = (format!("n-{key}"), format!("d-{key}"));
    let item = child(doc, parent, "li", &[])?;
    let row = child(doc, &item, "div", &[("class", "row")])?;
    child(doc, &row, "span", &[("class", "name"), ("id", &name_id)])?.set_text_content(Some(name));
    if on.is_none() {
        child(doc, &row, "span", &[("class", "state")])?.set_text_content(Some(t.always_on));
    }
    let checked = if on.unwrap_or(true) { "true" } else { "false" };
    let switch = child(
        doc,
        &row,
        "button",
        &[
            ("type", "button"),
            ("role", "switch"),
            ("aria-checked", checked),
            ("aria-labelledby", &name_id),
            ("aria-describedby", &text_id),
            ("data-category", key),
        ],
    )?;
    match on {
        Some(_) => switch.set_attribute("data-action", "toggle")?,
        None => switch.set_attribute("disabled", "")?,
    }
    child(doc, &item, "p", &[("class", "desc"), ("id", &text_id)])?.set_text_content(Some(description));
    for r in rows.iter().filter(|r| Some(r.category) == category) {
        let service = child(doc, &item, "div", &[("class", "svc")])?;
        child(doc, &service, "p", &[("class", "svc-name")])?.set_text_content(Some(r.recipient));
        let list = child(doc, &service, "dl", &[])?;
        for (term, value) in [(t.data, r.data), (t.purpose, r.purpose)] {
            child(doc, &list, "dt", &[])?.set_text_content(Some(term));
            child(doc, &list, "dd", &[])?.set_text_content(Some(value));
        }
        if let Some(links) = links(doc, r, t)? {
            service.append_child(&links)?;
        }
    }
    Ok(item)
}

/// A service's opt-out and privacy-policy links, when it has any. Each link's accessible name
/// starts with its visible text and adds the recipient, so a list of links read out of context
/// still tells the services apart.
pub(super) fn links(doc: &Document, row: &Row, t: &Texts) -> Result<Option<Element>, JsValue> {
    if row.opt_out_url.is_none() && row.policy_url.is_none() {
        return Ok(None);
    }
    // A list, so that on a page with no styles of its own each link is still a line of its own.
    let list = el(doc, "ul", &[("class", "links")])?;
    for (href, text) in [(row.opt_out_url, t.opt_out), (row.policy_url, t.service_policy)] {
        if let Some(href) = href {
            let label = format!("{text}{}{}", t.separator, row.recipient);
            let item = child(doc, &list, "li", &[])?;
            child(doc, &item, "a", &[("href", href), ("aria-label", &label)])?.set_text_content(Some(text));
        }
    }
    Ok(Some(list))
}
