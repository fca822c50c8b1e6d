//! The banner's texts, one catalogue per language: English and Japanese built in, any other
//! language added by the site in its configuration; the site's replacements; and which language
//! the banner speaks.
//!
//! Each language is written for its readers, not translated word for word; the Japanese follows
//! what Japanese public sites publish. Neither implies consent by continued browsing.

use serde::Serialize;

/// A language of the banner on this page: its place in the configuration's languages, the
/// built-in ones first (in `BUILTIN`'s order), then the site's in the order it gave them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lang(pub usize);

impl Lang {
    pub const EN: Lang = Lang(0);
    pub const JA: Lang = Lang(1);
}

/// The built-in catalogues by tag; `Lang(i)` is the i-th. A language for every site is one
/// `Texts` constant and its line here.
pub const BUILTIN: [(&str, &Texts<'static>); 2] = [("en", &EN), ("ja", &JA)];

/// The catalogue every missing text falls back to.
const FALLBACK: &Texts<'static> = &EN;

/// One language of the banner: its BCP 47 tag, and the site's texts for it by key (replacements
/// for a built-in language, every text of a language the site adds).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Language {
    pub tag: String,
    pub texts: Vec<(&'static str, String)>,
}

impl Language {
    /// The built-in languages, with none of the site's texts.
    pub fn builtin() -> Vec<Language> {
        BUILTIN.iter().map(|&(tag, _)| Language { tag: tag.to_owned(), texts: Vec::new() }).collect()
    }

    /// Its texts: the built-in catalogue of its tag (else the fallback), with the site's.
    pub fn texts(&self) -> Texts<'_> {
        let base = BUILTIN.iter().find(|&&(tag, _)| tag == self.tag).map_or(FALLBACK, |&(_, texts)| texts);
        let mut texts = base.clone();
        for (key, text) in &self.texts {
            if let Some(slot) = texts.slot(key) {
                *slot = text;
            }
        }
        texts
    }
}

/// Whether a page's language tag names a banner language: the same tag, or a more specific one
/// (`ja-JP` is `ja`, `zh-Hant-TW` is `zh-Hant`), ignoring case, `_` read as `-`.
pub fn matches(page: &str, ours: &str) -> bool {
    let page = page.trim_ascii();
    page.get(..ours.len()).is_some_and(|head| head.eq_ignore_ascii_case(ours))
        && matches!(page.as_bytes().get(ours.len()), None | Some(b'-' | b'_'))
}

/// The banner's language a page's tag names, if any.
pub fn find(languages: &[Language], tag: &str) -> Option<Lang> {
    languages.iter().position(|l| matches(tag, &l.tag)).map(Lang)
}

/// What the site asked for with `data-lang` / `lang`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LangChoice {
    Auto,
    Fixed(Lang),
}

/// `auto`: the first of the page's languages (`<html lang>`, then each of `navigator.languages`)
/// that the banner has, else English. A fixed choice wins over everything.
pub fn resolve<S: AsRef<str>>(choice: LangChoice, page: &[S], languages: &[Language]) -> Lang {
    match choice {
        LangChoice::Fixed(lang) => lang,
        LangChoice::Auto => page.iter().find_map(|tag| find(languages, tag.as_ref())).unwrap_or(Lang::EN),
    }
}

/// A text (or URL) per language tag, in the order the site gave them; the tag `""` is one text
/// for every language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Localized(pub Vec<(String, String)>);

impl Localized {
    /// One text for every language.
    pub fn all(text: String) -> Localized {
        Localized(vec![(String::new(), text)])
    }

    /// The built-in languages' texts.
    pub fn both(en: &str, ja: &str) -> Localized {
        Localized(vec![("en".to_owned(), en.to_owned()), ("ja".to_owned(), ja.to_owned())])
    }

    /// The text for the language tagged `tag`: its own, else the first given.
    pub fn get(&self, tag: &str) -> Option<&str> {
        let own = self.0.iter().find(|(t, _)| t == tag);
        own.or(self.0.first()).map(|(_, text)| text.as_str())
    }

    /// As `get`, empty when there is none.
    pub fn text(&self, tag: &str) -> &str {
        self.get(tag).unwrap_or("")
    }
}

/// Every text of the banner in one language: its own name (`language`, what the language switch
/// shows), the banner and the dialog, the 外部送信 labels (`separator` joins a link's text
/// and its recipient in the link's accessible name), and each category's name and description.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Texts<'a> {
    pub language: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    pub policy_link: &'a str,
    pub accept_all: &'a str,
    pub reject_all: &'a str,
    pub settings: &'a str,
    pub save: &'a str,
    pub reopen: &'a str,
    pub dialog_title: &'a str,
    pub dialog_description: &'a str,
    pub close: &'a str,
    pub always_on: &'a str,
    pub region: &'a str,
    pub recipient: &'a str,
    pub data: &'a str,
    pub purpose: &'a str,
    pub opt_out: &'a str,
    /// The 外部送信 table's column that holds a service's opt-out and privacy links.
    pub links: &'a str,
    pub service_policy: &'a str,
    pub separator: &'a str,
    pub necessary: &'a str,
    pub necessary_text: &'a str,
    pub analytics: &'a str,
    pub analytics_text: &'a str,
    pub functional: &'a str,
    pub functional_text: &'a str,
    pub marketing: &'a str,
    pub marketing_text: &'a str,
}

/// Every key of a catalogue, as configuration spells it (contract: a language the site adds gives
/// a text for each).
pub const KEYS: [&str; 29] = [
    "language",
    "title",
    "description",
    "policyLink",
    "acceptAll",
    "rejectAll",
    "settings",
    "save",
    "reopen",
    "dialogTitle",
    "dialogDescription",
    "close",
    "alwaysOn",
    "region",
    "recipient",
    "data",
    "purpose",
    "optOut",
    "links",
    "servicePolicy",
    "separator",
    "necessary",
    "necessaryText",
    "analytics",
    "analyticsText",
    "functional",
    "functionalText",
    "marketing",
    "marketingText",
];

/// The texts a site may replace in a built-in language (contract). Button names are the
/// contract's and stay as they are, so a visitor always finds the same controls.
pub const REPLACEABLE: [&str; 6] = ["title", "description", "policyLink", "dialogTitle", "dialogDescription", "region"];

impl<'a> Texts<'a> {
    /// The built-in texts of `lang`.
    pub fn builtin(lang: Lang) -> &'static Texts<'static> {
        BUILTIN.get(lang.0).map_or(FALLBACK, |&(_, texts)| texts)
    }

    /// The text of `key` (one of `KEYS`), to set.
    pub fn slot(&mut self, key: &str) -> Option<&mut &'a str> {
        Some(match key {
            "language" => &mut self.language,
            "title" => &mut self.title,
            "description" => &mut self.description,
            "policyLink" => &mut self.policy_link,
            "acceptAll" => &mut self.accept_all,
            "rejectAll" => &mut self.reject_all,
            "settings" => &mut self.settings,
            "save" => &mut self.save,
            "reopen" => &mut self.reopen,
            "dialogTitle" => &mut self.dialog_title,
            "dialogDescription" => &mut self.dialog_description,
            "close" => &mut self.close,
            "alwaysOn" => &mut self.always_on,
            "region" => &mut self.region,
            "recipient" => &mut self.recipient,
            "data" => &mut self.data,
            "purpose" => &mut self.purpose,
            "optOut" => &mut self.opt_out,
            "links" => &mut self.links,
            "servicePolicy" => &mut self.service_policy,
            "separator" => &mut self.separator,
            "necessary" => &mut self.necessary,
            "necessaryText" => &mut self.necessary_text,
            "analytics" => &mut self.analytics,
            "analyticsText" => &mut self.analytics_text,
            "functional" => &mut self.functional,
            "functionalText" => &mut self.functional_text,
            "marketing" => &mut self.marketing,
            "marketingText" => &mut self.marketing_text,
            _ => return None,
        })
    }
}

const EN: Texts<'static> = Texts {
    language: "English",
    title: "Cookies on this site",
    description:
        "With your consent, we use analytics cookies to see how this site is used and improve it. You can change your choice at any time.",
    policy_link: "Privacy policy",
    accept_all: "Accept all",
    reject_all: "Reject all",
    settings: "Settings",
    save: "Save settings",
    reopen: "Cookie settings",
    dialog_title: "Cookie settings",
    dialog_description:
        "Choose which cookies this site may use. Necessary cookies are always on; the others are used only if you switch them on.",
    close: "Close",
    always_on: "Always on",
    region: "Cookie consent",
    recipient: "Recipient",
    data: "Information sent",
    purpose: "Purpose",
    opt_out: "Opt-out",
    links: "Opt-out and policy",
    service_policy: "Privacy policy",
    separator: ": ",
    necessary: "Necessary",
    necessary_text: "Needed for the site to work and to remember this choice. They cannot be switched off.",
    analytics: "Analytics",
    analytics_text: "Help us understand how visitors use the site, so that we can improve it.",
    functional: "Functional",
    functional_text: "Remember your preferences and enable extra features.",
    marketing: "Marketing",
    marketing_text: "Used to show advertising and to measure how well it works.",
};

const JA: Texts<'static> = Texts {
    language: "日本語",
    title: "Cookieの使用について",
    description: "サイト改善のため、同意いただいた場合にのみ分析用Cookieを使用します。設定はいつでも変更できます。",
    policy_link: "プライバシーポリシー",
    accept_all: "すべて同意する",
    reject_all: "すべて拒否する",
    settings: "設定",
    save: "設定を保存",
    reopen: "Cookie設定",
    dialog_title: "Cookie設定",
    dialog_description: "当サイトで使用するCookieを選択できます。必須のCookieは常に有効です。それ以外は、有効にした場合にのみ使用します。",
    close: "閉じる",
    always_on: "常に有効",
    region: "Cookieの同意",
    recipient: "送信先",
    data: "送信される情報",
    purpose: "利用目的",
    opt_out: "オプトアウト",
    links: "オプトアウト・ポリシー",
    service_policy: "プライバシーポリシー",
    separator: "：",
    necessary: "必須",
    necessary_text: "サイトの動作と、この設定の記録に必要なCookieです。無効にすることはできません。",
    analytics: "分析",
    analytics_text: "サイトの利用状況を分析し、改善に役立てるために使用します。",
    functional: "機能",
    functional_text: "利用者の設定の記憶や、追加機能の提供に使用します。",
    marketing: "広告",
    marketing_text: "広告の表示と、その効果の測定に使用します。",
};

impl Texts<'_> {
    /// A category's name and description; `None` is `necessary`.
    pub fn category(&self, category: Option<crate::category::Category>) -> (&str, &str) {
        use crate::category::Category;
        match category {
            None => (self.necessary, self.necessary_text),
            Some(Category::Analytics) => (self.analytics, self.analytics_text),
            Some(Category::Functional) => (self.functional, self.functional_text),
            Some(Category::Marketing) => (self.marketing, self.marketing_text),
        }
    }
}
