//! Draws the banner, the reopen control and the preferences dialog into `<consent-banner>`'s
//! open shadow root. Text is always set as text; styles come from a constructed stylesheet, so a
//! strict `style-src` sees neither `<style>` nor `style=`.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlDialogElement, HtmlElement, Node, ShadowRoot};

use crate::catalogue::{self, CategoryText, Lang};
use crate::config::Config;
use crate::consent::{Choices, View};
use crate::{defaults, disclosure};

const CSS: &str = include_str!("banner.css");

/// What to draw: the core's view plus the dialog's draft choices while it is open.
pub struct Model<'a> {
    pub view: View,
    pub lang: Lang,
    pub config: &'a Config,
    pub dialog: Option<Choices>,
}

/// The host element and its shadow root, which own every node and listener of the banner.
pub struct Ui {
    document: Document,
    root: ShadowRoot,
}

impl Ui {
    /// Appends `<consent-banner>` to `<body>` with its shadow root and stylesheet, and routes the
    /// root's clicks and key presses to `handler`.
    pub fn mount(document: &Document, handler: &js_sys::Function) -> Option<Ui> {
        let body = document.body()?;
        let host = document.create_element(defaults::HOST_TAG).ok()?;
        let root = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).ok()?;
        let sheet = web_sys::CssStyleSheet::new().ok()?;
        sheet.replace_sync(CSS).ok()?;
        root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        root.add_event_listener_with_callback("click", handler).ok()?;
        root.add_event_listener_with_callback("keydown", handler).ok()?;
        body.append_child(&host).ok()?;
        Some(Ui { document: document.clone(), root })
    }

    /// Replaces everything in the shadow root with the model's view.
    pub fn draw(&self, model: &Model) {
        self.root.set_text_content(None);
        let _ = match model.view {
            View::Banner => self.banner(model),
            View::Reopen => self.reopen(model.config, model.lang),
            View::Hidden => Some(()),
        };
        self.open_dialog(model);
    }

    /// Shows the dialog if the model has one, replacing any open one; the banner is left alone.
    pub fn open_dialog(&self, model: &Model) {
        self.close_dialog();
        if let Some(draft) = model.dialog {
            let _ = self.dialog(model, draft);
        }
    }

    /// Focuses the first element matching `selector`, if there is one.
    pub fn focus(&self, selector: &str) -> bool {
        match self.root.query_selector(selector).ok().flatten().and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
            Some(e) => e.focus().is_ok(),
            None => false,
        }
    }

    fn el(&self, parent: &Node, tag: &str, attrs: &[(&str, &str)], text: &str) -> Option<Element> {
        let e = self.document.create_element(tag).ok()?;
        for (name, value) in attrs {
            e.set_attribute(name, value).ok()?;
        }
        if !text.is_empty() {
            e.set_text_content(Some(text));
        }
        parent.append_child(&e).ok()?;
        Some(e)
    }

    fn button(&self, parent: &Node, action: &str, class: &str, text: &str) -> Option<Element> {
        self.el(parent, "button", &[("type", "button"), ("data-action", action), ("class", class)], text)
    }

    /// Accept and reject share one class and one equal-column grid, so they cannot differ in
    /// prominence at any width. Returns the row the other actions join.
    fn choices(&self, parent: &Node, config: &Config, lang: Lang) -> Option<Element> {
        let t = config.texts(lang);
        let actions = self.el(parent, "div", &[("class", "actions")], "")?;
        let pair = self.el(&actions, "div", &[("class", "pair")], "")?;
        self.button(&pair, "accept", "choice", t.accept_all)?;
        self.button(&pair, "reject", "choice", t.reject_all)?;
        Some(actions)
    }

    fn language_switch(&self, parent: &Node, lang: Lang) -> Option<()> {
        let other = lang.other();
        let b = self.button(parent, "lang", "link", catalogue::texts(other).language_name)?;
        b.set_attribute("lang", other.tag()).ok()
    }

    fn banner(&self, model: &Model) -> Option<()> {
        let t = model.config.texts(model.lang);
        let root: &Node = &self.root;
        let banner =
            self.el(root, "div", &[("class", "banner"), ("role", "region"), ("aria-label", t.region), ("lang", model.lang.tag())], "")?;
        let text = self.el(&banner, "div", &[("class", "text")], "")?;
        self.el(&text, "h2", &[], t.title)?;
        let p = self.el(&text, "p", &[], t.description)?;
        if let Some(url) = &model.config.policy_url {
            p.append_with_str_1(" ").ok()?;
            self.el(&p, "a", &[("href", url)], t.policy_link)?;
        }
        let actions = self.choices(&banner, model.config, model.lang)?;
        self.button(&actions, "settings", "", t.settings)?;
        self.language_switch(&actions, model.lang)
    }

    fn reopen(&self, config: &Config, lang: Lang) -> Option<()> {
        let b = self.button(&self.root, "settings", "reopen", config.texts(lang).reopen)?;
        b.set_attribute("lang", lang.tag()).ok()
    }

    fn dialog(&self, model: &Model, draft: Choices) -> Option<()> {
        let t = model.config.texts(model.lang);
        let dialog =
            self.el(&self.root, "dialog", &[("aria-labelledby", "dt"), ("aria-describedby", "dd"), ("lang", model.lang.tag())], "")?;
        let panel = self.el(&dialog, "div", &[("class", "dialog")], "")?;
        self.el(&panel, "h2", &[("id", "dt")], t.dialog_title)?;
        self.el(&panel, "p", &[("id", "dd")], t.dialog_description)?;
        let close = self.button(&panel, "close", "close", "×")?;
        close.set_attribute("aria-label", t.close).ok()?;
        let list = self.el(&panel, "ul", &[("class", "cats")], "")?;
        self.category(&list, "necessary", t.necessary, None, t.always_on)?;
        let rows = disclosure::rows(model.config, model.lang);
        for &c in &model.config.categories {
            let li = self.category(&list, c.key(), t.category(c), Some(draft.get(c)), t.always_on)?;
            for row in rows.iter().filter(|r| r.category == c) {
                self.service(&li, row, model.config, model.lang)?;
            }
        }
        let actions = self.choices(&panel, model.config, model.lang)?;
        self.button(&actions, "save", "", t.save)?;
        self.language_switch(&actions, model.lang)?;
        dialog.dyn_into::<HtmlDialogElement>().ok()?.show_modal().ok()
    }

    /// One category row; `on` is `None` for the always-on category (a disabled, checked switch).
    fn category(&self, list: &Node, key: &str, text: CategoryText, on: Option<bool>, always_on: &str) -> Option<Element> {
        let li = self.el(list, "li", &[], "")?;
        let row = self.el(&li, "div", &[("class", "row")], "")?;
        let name_id = ["n-", key].concat();
        let desc_id = ["d-", key].concat();
        self.el(&row, "span", &[("class", "name"), ("id", &name_id)], text.name)?;
        if on.is_none() {
            self.el(&row, "span", &[("class", "state")], always_on)?;
        }
        let checked = if on.unwrap_or(true) { "true" } else { "false" };
        let switch = self.el(
            &row,
            "button",
            &[
                ("type", "button"),
                ("role", "switch"),
                ("aria-checked", checked),
                ("aria-labelledby", &name_id),
                ("aria-describedby", &desc_id),
                ("data-category", key),
            ],
            "",
        )?;
        if on.is_none() {
            switch.set_attribute("disabled", "").ok()?;
        } else {
            switch.set_attribute("data-action", "toggle").ok()?;
        }
        self.el(&li, "p", &[("class", "desc"), ("id", &desc_id)], text.description)?;
        Some(li)
    }

    /// A service under its category: who receives what, why, and where to opt out (外部送信).
    fn service(&self, parent: &Node, row: &disclosure::Row, config: &Config, lang: Lang) -> Option<()> {
        let t = config.texts(lang);
        let block = self.el(parent, "div", &[("class", "svc")], "")?;
        self.el(&block, "p", &[("class", "svc-name")], row.recipient)?;
        let dl = self.el(&block, "dl", &[], "")?;
        for (term, value) in [(t.data_sent, row.data), (t.purpose, row.purpose)] {
            self.el(&dl, "dt", &[], term)?;
            self.el(&dl, "dd", &[], value)?;
        }
        links(&self.document, &block, row, config, lang)
    }

    /// Closes the open dialog, if any.
    pub fn close_dialog(&self) {
        if let Some(d) = self.root.query_selector("dialog").ok().flatten().and_then(|d| d.dyn_into::<HtmlDialogElement>().ok()) {
            d.close();
            d.remove();
        }
    }

    /// Keeps Tab and Shift+Tab inside the open dialog: from the last control to the first and back.
    pub fn wrap_tab(&self, event: &web_sys::KeyboardEvent) {
        let Ok(Some(list)) = self.root.query_selector_all("dialog button:not([disabled]), dialog a[href]").map(Some) else { return };
        let (Some(first), Some(last)) = (list.item(0), list.item(list.length().saturating_sub(1))) else { return };
        let active: Option<Node> = self.root.active_element().map(Into::into);
        let target = match (event.shift_key(), active) {
            (true, Some(a)) if a == first => last,
            (false, Some(a)) if a == last => first,
            (_, None) => first,
            _ => return,
        };
        if let Ok(target) = target.dyn_into::<HtmlElement>() {
            event.prevent_default();
            let _ = target.focus();
        }
    }
}

/// The opt-out and privacy-policy links of a service, as a paragraph (empty when it has none).
/// Each link's accessible name starts with its visible text and adds the recipient, so a list of
/// links read out of context still tells the services apart.
fn links(document: &Document, parent: &Node, row: &disclosure::Row, config: &Config, lang: Lang) -> Option<()> {
    let t = config.texts(lang);
    let p = document.create_element("p").ok()?;
    p.set_attribute("class", "links").ok()?;
    for (url, text) in [(row.opt_out_url, t.opt_out), (row.policy_url, t.service_policy)] {
        if let Some(url) = url {
            let a = document.create_element("a").ok()?;
            let label = [text, t.name_separator, row.recipient].concat();
            for (name, value) in [("href", url), ("aria-label", &label)] {
                a.set_attribute(name, value).ok()?;
            }
            a.set_text_content(Some(text));
            p.append_child(&a).ok()?;
        }
    }
    if p.child_element_count() > 0 {
        parent.append_child(&p).ok()?;
    }
    Some(())
}

/// Fills every `<consent-disclosure>` in the page with the services table, in the element's own
/// `lang` when it has one, else in `lang`. Light DOM: the site's styles apply to the table.
pub fn fill_disclosures(document: &Document, config: &Config, lang: Lang) {
    let Ok(list) = document.query_selector_all(defaults::DISCLOSURE_TAG) else { return };
    for i in 0..list.length() {
        let Some(host) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
        let lang = host.get_attribute("lang").as_deref().and_then(Lang::from_tag).unwrap_or(lang);
        host.set_text_content(None);
        let _ = table(document, &host, config, lang);
    }
}

fn table(document: &Document, host: &Element, config: &Config, lang: Lang) -> Option<()> {
    let cell = |parent: &Element, tag: &str, text: &str| -> Option<Element> {
        let e = document.create_element(tag).ok()?;
        e.set_text_content(Some(text));
        parent.append_child(&e).ok()?;
        Some(e)
    };
    let table = cell(host, "table", "")?;
    table.set_attribute("lang", lang.tag()).ok()?;
    let head_row = cell(&cell(&table, "thead", "")?, "tr", "")?;
    for header in disclosure::headers(config, lang) {
        cell(&head_row, "th", header)?.set_attribute("scope", "col").ok()?;
    }
    let body = cell(&table, "tbody", "")?;
    for row in disclosure::rows(config, lang) {
        let tr = cell(&body, "tr", "")?;
        cell(&tr, "td", row.recipient)?;
        cell(&tr, "td", row.data)?;
        cell(&tr, "td", row.purpose)?;
        let last = cell(&tr, "td", "")?;
        links(document, &last, &row, config, lang)?;
    }
    Some(())
}
