//! The built-in English and Japanese texts, and which language the banner speaks.
//!
//! Each language is written for its readers, not translated word for word; the Japanese follows
//! what Japanese public sites publish. Neither implies consent by continued browsing.

use alloc::borrow::ToOwned;
use alloc::string::String;

/// A language the banner can speak.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Ja,
}

impl Lang {
    /// BCP 47 tag, as written into `lang` attributes and the stored record.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    /// The other language, for the switch button.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Ja,
            Lang::Ja => Lang::En,
        }
    }

    /// Reads a language tag (`ja`, `ja-JP`, `EN-us`…) by its primary subtag; other languages are `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else if primary.eq_ignore_ascii_case("ja") {
            Some(Lang::Ja)
        } else {
            None
        }
    }
}

/// What the site asked for with `data-lang` / `lang`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LangChoice {
    Auto,
    Fixed(Lang),
}

/// `auto`: the first of `<html lang>`, then each of `navigator.languages`, that is English or
/// Japanese, else English. A fixed choice wins over everything.
pub fn resolve(choice: LangChoice, html_lang: Option<&str>, navigator_languages: &[&str]) -> Lang {
    match choice {
        LangChoice::Fixed(lang) => lang,
        LangChoice::Auto => html_lang.into_iter().chain(navigator_languages.iter().copied()).find_map(Lang::from_tag).unwrap_or(Lang::En),
    }
}

/// The name and one-line description of a category in the preferences dialog.
#[derive(Clone, Copy)]
pub struct CategoryText<'a> {
    pub name: &'a str,
    pub description: &'a str,
}

/// Every string of one language: the built-in ones, or a site's replacements (`texts` in the
/// configuration) over them.
#[derive(Clone, Copy)]
pub struct Texts<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub policy_link: &'a str,
    pub accept_all: &'a str,
    pub reject_all: &'a str,
    pub settings: &'a str,
    pub save: &'a str,
    /// Label of the switch to this language, shown in the other language's banner.
    pub language_name: &'a str,
    pub reopen: &'a str,
    pub dialog_title: &'a str,
    pub dialog_description: &'a str,
    pub close: &'a str,
    pub always_on: &'a str,
    /// Accessible name of the banner region.
    pub region: &'a str,
    /// Labels of the external-transmission disclosure (table headers and the dialog's lines).
    pub recipient: &'a str,
    pub data_sent: &'a str,
    pub purpose: &'a str,
    pub opt_out: &'a str,
    pub service_policy: &'a str,
    /// Joins a link's text and its service in the link's accessible name ("Opt-out: Google LLC").
    pub name_separator: &'a str,
    pub necessary: CategoryText<'a>,
    pub analytics: CategoryText<'a>,
    pub functional: CategoryText<'a>,
    pub marketing: CategoryText<'a>,
}

impl<'a> Texts<'a> {
    /// The name and description of an optional category.
    pub fn category(&self, category: crate::consent::Category) -> CategoryText<'a> {
        match category {
            crate::consent::Category::Analytics => self.analytics,
            crate::consent::Category::Functional => self.functional,
            crate::consent::Category::Marketing => self.marketing,
        }
    }
}

const EN: Texts<'static> = Texts {
    title: "Cookies on this site",
    description: "We would like to use analytics cookies to understand how this site is used, so that we can improve it. We only set them if you agree, and you can change your choice at any time.",
    policy_link: "Privacy policy",
    accept_all: "Accept all",
    reject_all: "Reject all",
    settings: "Settings",
    save: "Save settings",
    language_name: "English",
    reopen: "Cookie settings",
    dialog_title: "Cookie settings",
    dialog_description: "Choose which cookies this site may use. Necessary cookies are always on; the others are used only if you switch them on.",
    close: "Close",
    always_on: "Always on",
    region: "Cookie consent",
    recipient: "Recipient",
    data_sent: "Information sent",
    purpose: "Purpose",
    opt_out: "Opt-out",
    service_policy: "Privacy policy",
    name_separator: ": ",
    necessary: CategoryText {
        name: "Necessary",
        description: "Needed for the site to work and to remember this choice. They cannot be switched off.",
    },
    analytics: CategoryText {
        name: "Analytics",
        description: "Help us understand how visitors use the site, so that we can improve it.",
    },
    functional: CategoryText {
        name: "Functional",
        description: "Remember your preferences and enable extra features.",
    },
    marketing: CategoryText {
        name: "Marketing",
        description: "Used to show advertising and to measure how well it works.",
    },
};

const JA: Texts<'static> = Texts {
    title: "Cookieの使用について",
    description:
        "当サイトでは、サイトの利用状況を分析するためにCookieを使用します。同意いただいた場合にのみ使用し、設定はいつでも変更できます。",
    policy_link: "プライバシーポリシー",
    accept_all: "すべて同意する",
    reject_all: "すべて拒否する",
    settings: "設定",
    save: "設定を保存",
    language_name: "日本語",
    reopen: "Cookie設定",
    dialog_title: "Cookie設定",
    dialog_description: "当サイトで使用するCookieを選択できます。必須のCookieは常に有効です。それ以外は、有効にした場合にのみ使用します。",
    close: "閉じる",
    always_on: "常に有効",
    region: "Cookieの同意",
    recipient: "送信先",
    data_sent: "送信される情報",
    purpose: "利用目的",
    opt_out: "オプトアウト",
    service_policy: "プライバシーポリシー",
    name_separator: "：",
    necessary: CategoryText {
        name: "必須", description: "サイトの動作と、この設定の記録に必要なCookieです。無効にすることはできません。"
    },
    analytics: CategoryText {
        name: "分析", description: "サイトの利用状況を分析し、改善に役立てるために使用します。"
    },
    functional: CategoryText { name: "機能", description: "利用者の設定の記憶や、追加機能の提供に使用します。" },
    marketing: CategoryText { name: "広告", description: "広告の表示と、その効果の測定に使用します。" },
};

/// The built-in texts of a language.
pub fn texts(lang: Lang) -> Texts<'static> {
    match lang {
        Lang::En => EN,
        Lang::Ja => JA,
    }
}

/// A text given once per language; a missing language falls back to the other one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Localized {
    pub en: Option<String>,
    pub ja: Option<String>,
}

impl Localized {
    pub fn both(en: &str, ja: &str) -> Localized {
        Localized { en: Some(en.to_owned()), ja: Some(ja.to_owned()) }
    }

    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::En => (&self.en, &self.ja),
            Lang::Ja => (&self.ja, &self.en),
        };
        first.as_deref().or(second.as_deref()).unwrap_or("")
    }
}
