//! What the visitor sees, as element trees: the banner, the reopen control, the preferences
//! dialog and the 外部送信 table. Each is JsonML (`["tag",{"name":"value"},child…]`, text as JSON
//! strings) that the browser layer turns into DOM nodes, setting every text as text.

use alloc::string::String;

use crate::catalogue::{self, CategoryText, Lang};
use crate::config::Config;
use crate::consent::{Choices, View, NECESSARY};
use crate::disclosure::{self, Row};
use crate::json;

/// A JSON array of nodes being written.
struct Tree(String);

type Attrs<'a> = &'a [(&'a str, &'a str)];

impl Tree {
    fn new() -> Tree {
        Tree(String::from("["))
    }

    /// A comma unless this is the first child of the array just opened.
    fn next(&mut self) {
        if !self.0.ends_with('[') {
            self.0.push(',');
        }
    }

    fn open(&mut self, tag: &str, attrs: Attrs) -> &mut Tree {
        self.next();
        self.0.push('[');
        json::write_str(&mut self.0, tag);
        self.0.push_str(",{");
        for (i, (name, value)) in attrs.iter().enumerate() {
            if i > 0 {
                self.0.push(',');
            }
            json::write_str(&mut self.0, name);
            self.0.push(':');
            json::write_str(&mut self.0, value);
        }
        self.0.push('}');
        self
    }

    fn text(&mut self, text: &str) -> &mut Tree {
        if !text.is_empty() {
            self.next();
            json::write_str(&mut self.0, text);
        }
        self
    }

    fn close(&mut self) -> &mut Tree {
        self.0.push(']');
        self
    }

    /// An element holding only text.
    fn leaf(&mut self, tag: &str, attrs: Attrs, text: &str) -> &mut Tree {
        self.open(tag, attrs).text(text).close()
    }

    fn button(&mut self, action: &str, class: &str, text: &str) -> &mut Tree {
        self.leaf("button", &[("type", "button"), ("data-action", action), ("class", class)], text)
    }

    fn finish(mut self) -> String {
        self.0.push(']');
        self.0
    }
}

/// What shows when the dialog is closed: the banner, the reopen control, or nothing.
pub fn main(view: View, config: &Config, lang: Lang) -> String {
    let mut tree = Tree::new();
    let t = config.texts(lang);
    match view {
        View::Banner => {
            tree.open("div", &[("class", "banner"), ("role", "region"), ("aria-label", t.region), ("lang", lang.tag())]);
            tree.open("div", &[("class", "text")]).leaf("h2", &[], t.title).open("p", &[]).text(t.description);
            if let Some(url) = &config.policy_url {
                tree.text(" ").leaf("a", &[("href", url)], t.policy_link);
            }
            tree.close().close();
            choices(&mut tree, config, lang).button("settings", "", t.settings);
            language_switch(&mut tree, lang).close().close();
        }
        View::Reopen => {
            tree.leaf("button", &[("type", "button"), ("data-action", "settings"), ("class", "reopen"), ("lang", lang.tag())], t.reopen);
        }
        View::Hidden => {}
    }
    tree.finish()
}

/// Accept and reject share one class and one equal-column grid, so they cannot differ in
/// prominence at any width. Leaves the action row open for the other actions.
fn choices<'a>(tree: &'a mut Tree, config: &Config, lang: Lang) -> &'a mut Tree {
    let t = config.texts(lang);
    tree.open("div", &[("class", "actions")]).open("div", &[("class", "pair")]);
    tree.button("accept", "choice", t.accept_all).button("reject", "choice", t.reject_all).close()
}

fn language_switch(tree: &mut Tree, lang: Lang) -> &mut Tree {
    let other = lang.other();
    let name = catalogue::texts(other).language_name;
    tree.leaf("button", &[("type", "button"), ("data-action", "lang"), ("class", "link"), ("lang", other.tag())], name)
}

/// The preferences dialog, its switches showing `draft`.
pub fn dialog(config: &Config, lang: Lang, draft: Choices) -> String {
    let t = config.texts(lang);
    let mut tree = Tree::new();
    tree.open("dialog", &[("aria-labelledby", "dt"), ("aria-describedby", "dd"), ("lang", lang.tag())]);
    tree.open("div", &[("class", "dialog")]).leaf("h2", &[("id", "dt")], t.dialog_title).leaf("p", &[("id", "dd")], t.dialog_description);
    tree.leaf("button", &[("type", "button"), ("data-action", "close"), ("class", "close"), ("aria-label", t.close)], "×");
    tree.open("ul", &[("class", "cats")]);
    category(&mut tree, NECESSARY, t.necessary, None, t.always_on).close();
    let rows = disclosure::rows(config, lang);
    for &c in &config.categories {
        category(&mut tree, c.key(), t.category(c), Some(draft.get(c)), t.always_on);
        for row in rows.iter().filter(|r| r.category == c) {
            tree.open("div", &[("class", "svc")]).leaf("p", &[("class", "svc-name")], row.recipient).open("dl", &[]);
            for (term, value) in [(t.data_sent, row.data), (t.purpose, row.purpose)] {
                tree.leaf("dt", &[], term).leaf("dd", &[], value);
            }
            tree.close();
            links(&mut tree, row, config, lang).close();
        }
        tree.close();
    }
    tree.close();
    choices(&mut tree, config, lang).button("save", "", t.save);
    language_switch(&mut tree, lang).close().close().close();
    tree.finish()
}

/// One category's row, left open for its services; `on` is `None` for the always-on category (a
/// disabled, checked switch).
fn category<'a>(tree: &'a mut Tree, key: &str, text: CategoryText, on: Option<bool>, always_on: &str) -> &'a mut Tree {
    let name_id = ["n-", key].concat();
    let desc_id = ["d-", key].concat();
    tree.open("li", &[]).open("div", &[("class", "row")]).leaf("span", &[("class", "name"), ("id", &name_id)], text.name);
    let (checked, last) = match on {
        None => {
            tree.leaf("span", &[("class", "state")], always_on);
            ("true", ("disabled", ""))
        }
        Some(on) => (if on { "true" } else { "false" }, ("data-action", "toggle")),
    };
    let switch = [
        ("type", "button"),
        ("role", "switch"),
        ("aria-checked", checked),
        ("aria-labelledby", &name_id),
        ("aria-describedby", &desc_id),
        ("data-category", key),
        last,
    ];
    tree.leaf("button", &switch, "").close().leaf("p", &[("class", "desc"), ("id", &desc_id)], text.description)
}

/// A service's opt-out and privacy-policy links, when it has any. Each link's accessible name
/// starts with its visible text and adds the recipient, so a list of links read out of context
/// still tells the services apart.
fn links<'a>(tree: &'a mut Tree, row: &Row, config: &Config, lang: Lang) -> &'a mut Tree {
    let t = config.texts(lang);
    let targets = [(row.opt_out_url, t.opt_out), (row.policy_url, t.service_policy)];
    if targets.iter().all(|(url, _)| url.is_none()) {
        return tree;
    }
    tree.open("p", &[("class", "links")]);
    for (url, text) in targets {
        if let Some(url) = url {
            let label = [text, t.name_separator, row.recipient].concat();
            tree.leaf("a", &[("href", url), ("aria-label", &label)], text);
        }
    }
    tree.close()
}

/// The services tables for the page's `<consent-disclosure>` elements, one per element in its
/// language: recipient, information sent, purpose and opt-out, one row per service.
pub fn disclosures(config: &Config, langs: &[Lang]) -> String {
    let mut tree = Tree::new();
    for &lang in langs {
        tree.open("table", &[("lang", lang.tag())]).open("thead", &[]).open("tr", &[]);
        for header in disclosure::headers(config, lang) {
            tree.leaf("th", &[("scope", "col")], header);
        }
        tree.close().close().open("tbody", &[]);
        for row in disclosure::rows(config, lang) {
            tree.open("tr", &[]).leaf("td", &[], row.recipient).leaf("td", &[], row.data).leaf("td", &[], row.purpose).open("td", &[]);
            links(&mut tree, &row, config, lang).close().close();
        }
        tree.close().close();
    }
    tree.finish()
}
