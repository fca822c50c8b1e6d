//! The `<consent-disclosure>` elements of the page, each filled with the 外部送信 table in its own
//! language (or the banner's). Light DOM, so the site's styles apply to the table.

use wasm_bindgen::JsValue;
use web_sys::Element;

use crate::catalogue::Lang;
use crate::config::Config;
use crate::disclosure::{rows, table_lang};
use crate::view;

use super::page::{cast, document};
use super::render::{child, el, links};

/// Fills every `<consent-disclosure>` with a table of the configured services.
pub fn fill(config: &Config, banner: Lang) {
    let Some(list) = document().and_then(|d| d.query_selector_all(crate::defaults::DISCLOSURE_TAG).ok()) else { return };
    for i in 0..list.length() {
        if let Some(host) = list.get(i).and_then(cast::<Element>) {
            let lang = table_lang(config, host.get_attribute("lang").as_deref(), banner);
            if let Ok(table) = table(config, lang) {
                host.replace_children_with_node_1(&table);
            }
        }
    }
}

fn table(config: &Config, lang: Lang) -> Result<Element, JsValue> {
    let doc = document().ok_or(JsValue::NULL)?;
    let t = view::texts(config, lang);
    let table = el(&doc, "table", &[("lang", config.tag(lang))])?;
    let head = child(&doc, &child(&doc, &table, "thead", &[])?, "tr", &[])?;
    for text in [t.recipient, t.data, t.purpose, t.links] {
        child(&doc, &head, "th", &[("scope", "col")])?.set_text_content(Some(text));
    }
    let body = child(&doc, &table, "tbody", &[])?;
    for row in rows(config, lang) {
        let tr = child(&doc, &body, "tr", &[])?;
        for text in [row.recipient, row.data, row.purpose] {
            child(&doc, &tr, "td", &[])?.set_text_content(Some(text));
        }
        let cell = child(&doc, &tr, "td", &[])?;
        if let Some(links) = links(&doc, &row, &t)? {
            cell.append_child(&links)?;
        }
    }
    Ok(table)
}
