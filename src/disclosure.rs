//! The external-transmission (外部送信) disclosure: the configured services as rows of the table
//! that Japan's Telecommunications Business Act (Art. 27-12) asks sites to publish.

use crate::catalogue::Lang;
use crate::config::Config;
use crate::consent::Category;

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
/// An iterator rather than a `Vec`: its one caller writes each row out as it comes.
pub fn rows(config: &Config, lang: Lang) -> impl Iterator<Item = Row<'_>> {
    config.categories.iter().flat_map(move |&c| {
        config.services.iter().filter(move |s| s.category == c).map(move |s| Row {
            category: c,
            recipient: s.recipient.get(lang),
            data: s.data.get(lang),
            purpose: s.purpose.get(lang),
            opt_out_url: s.opt_out_url.as_deref(),
            policy_url: s.policy_url.as_deref(),
        })
    })
}
