//! What the visitor sees, as data for the renderer in js/page.js: which view shows, the texts
//! in the banner's language with the site's replacements, the dialog's switches, and the
//! services of the 外部送信 disclosure. The renderer owns the markup; each string here reaches
//! the page as a text node or an attribute value, never as markup.

use alloc::string::String;

use crate::catalogue::{self, Lang};
use crate::config::Config;
use crate::consent::{Choices, View};
use crate::disclosure;
use crate::json::{comma, push, write_key, write_str};

/// The banner (or reopen control) and, while it is open, the dialog with the `draft` switches:
/// `{"view","lang","policyUrl","dialog":{category:on…},"t":{…},"services":[…]}`.
pub fn main(view: View, config: &Config, lang: Lang, draft: Option<Choices>) -> String {
    let mut out = String::from("{");
    write_key(&mut out, "view");
    write_str(
        &mut out,
        match view {
            View::Banner => "banner",
            View::Reopen => "reopen",
            View::Hidden => "",
        },
    );
    if let Some(url) = &config.policy_url {
        write_key(&mut out, "policyUrl");
        write_str(&mut out, url);
    }
    if let Some(draft) = draft {
        write_key(&mut out, "dialog");
        out.push('{');
        for &c in &config.categories {
            write_key(&mut out, c.key());
            push(&mut out, if draft.get(c) { "true" } else { "false" });
        }
        out.push('}');
    }
    language(&mut out, config, lang);
    out.push('}');
    out
}

/// One `{"lang","t","services"}` per `<consent-disclosure>` element, in the language of its `lang`
/// attribute (`tags`; "" when it has none), else in `fallback`, the banner's.
pub fn disclosures(config: &Config, tags: &[String], fallback: Lang) -> String {
    let mut out = String::from("[");
    for tag in tags {
        let lang = Lang::from_tag(tag).unwrap_or(fallback);
        comma(&mut out);
        out.push('{');
        language(&mut out, config, lang);
        out.push('}');
    }
    out.push(']');
    out
}

fn pair(out: &mut String, key: &str, value: &str) {
    write_key(out, key);
    write_str(out, value);
}

/// `"lang"`, the texts (the built-in object, then the site's replacements, which JSON.parse lets
/// win as later duplicates) and the services, all in `lang`.
fn language(out: &mut String, config: &Config, lang: Lang) {
    write_key(out, "lang");
    write_str(out, lang.tag());
    write_key(out, "t");
    let texts = catalogue::texts(lang);
    push(out, texts.strip_suffix('}').unwrap_or(texts));
    for (l, key, text) in &config.texts {
        if *l == lang {
            pair(out, key, text);
        }
    }
    out.push('}');
    write_key(out, "services");
    out.push('[');
    disclosure::rows(config, lang, |row| {
        comma(out);
        out.push('{');
        pair(out, "category", row.category.key());
        pair(out, "recipient", row.recipient);
        pair(out, "data", row.data);
        pair(out, "purpose", row.purpose);
        if let Some(url) = row.opt_out_url {
            pair(out, "optOut", url);
        }
        if let Some(url) = row.policy_url {
            pair(out, "policy", url);
        }
        out.push('}');
    });
    out.push(']');
}
