//! What the visitor reads: the texts in the banner's language with the site's replacements. The
//! renderer (`web::render`) owns the markup; every string reaches the page as a text node or an
//! attribute value, never as markup.

use crate::catalogue::{Lang, Texts};
use crate::config::Config;

/// The texts of `lang`, with the site's for that language.
pub fn texts(config: &Config, lang: Lang) -> Texts<'_> {
    config.languages.get(lang.0).map_or_else(|| Texts::builtin(lang).clone(), |language| language.texts())
}

/// The language switch: every other language of the banner, each named in itself (with two
/// languages, the one button of the contract).
pub fn switches(config: &Config, lang: Lang) -> impl Iterator<Item = (&str, Texts<'_>)> {
    config.languages.iter().enumerate().filter(move |&(i, _)| i != lang.0).map(|(_, l)| (l.tag.as_str(), l.texts()))
}
