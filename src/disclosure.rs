//! The external-transmission (外部送信) disclosure: the configured services as rows of the table
//! that Japan's Telecommunications Business Act (Art. 27-12) asks sites to publish.

use crate::catalogue::{self, Lang};
use crate::category::Category;
use crate::config::Config;

/// One service, in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row<'a> {
    pub category: Category,
    pub recipient: &'a str,
    pub data: &'a str,
    pub purpose: &'a str,
    pub opt_out_url: Option<&'a str>,
    pub policy_url: Option<&'a str>,
}

/// Every service of the configured categories, in category order, then configuration order.
pub fn rows(config: &Config, lang: Lang) -> impl Iterator<Item = Row<'_>> {
    let tag = config.tag(lang);
    config.categories.iter().flat_map(move |&c| {
        config.services.iter().filter(move |s| s.category == c).map(move |s| Row {
            category: c,
            recipient: s.recipient.text(tag),
            data: s.data.text(tag),
            purpose: s.purpose.text(tag),
            opt_out_url: s.opt_out_url.as_deref(),
            policy_url: s.policy_url.as_deref(),
        })
    })
}

/// The language of a `<consent-disclosure>` table: its own `lang` when the banner speaks it,
/// else the banner's.
pub fn table_lang(config: &Config, tag: Option<&str>, banner: Lang) -> Lang {
    tag.and_then(|tag| catalogue::find(&config.languages, tag)).unwrap_or(banner)
}
