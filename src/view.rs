//! What the visitor reads: the texts in the banner's language with the site's replacements. The
//! renderer (`web::render`) owns the markup; every string reaches the page as a text node or an
//! attribute value, never as markup.

use crate::catalogue::{Lang, Texts};
use crate::config::Config;

/// The texts of `lang`, with the site's replacements for that language.
pub fn texts(config: &Config, lang: Lang) -> Texts<'_> {
    Texts::builtin(lang).replaced(config.texts.get(lang))
}
