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

/// Hands `row` every service of the configured categories, in category order, then
/// configuration order. Two loops and a callback rather than an iterator or a `Vec`: its one
/// caller writes each row out as it comes, and `flat_map` costs the wasm its own adapter.
pub fn rows<'a>(config: &'a Config, lang: Lang, mut row: impl FnMut(Row<'a>)) {
    for &c in &config.categories {
        for s in &config.services {
            if s.category == c {
                row(Row {
                    category: c,
                    recipient: s.recipient.get(lang),
                    data: s.data.get(lang),
                    purpose: s.purpose.get(lang),
                    opt_out_url: s.opt_out_url.as_deref(),
                    policy_url: s.policy_url.as_deref(),
                });
            }
        }
    }
}
