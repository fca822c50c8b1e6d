//! The built-in English and Japanese texts, the site's replacements for some of them, and which
//! language the banner speaks.
//!
//! Each language is written for its readers, not translated word for word; the Japanese follows
//! what Japanese public sites publish. Neither implies consent by continued browsing.

use serde::Serialize;

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
        let primary = tag.trim_ascii().split(['-', '_']).next()?;
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

/// `auto`: the first of the page's languages (`<html lang>`, then each of `navigator.languages`)
/// that is English or Japanese, else English. A fixed choice wins over everything.
pub fn resolve<S: AsRef<str>>(choice: LangChoice, languages: &[S]) -> Lang {
    match choice {
        LangChoice::Fixed(lang) => lang,
        LangChoice::Auto => languages.iter().find_map(|l| Lang::from_tag(l.as_ref())).unwrap_or(Lang::En),
    }
}

/// One value per language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PerLang<T> {
    pub en: T,
    pub ja: T,
}

impl<T> PerLang<T> {
    pub fn get(&self, lang: Lang) -> &T {
        match lang {
            Lang::En => &self.en,
            Lang::Ja => &self.ja,
        }
    }
}

/// A text given once per language; a missing language falls back to the other one.
pub type Localized = PerLang<Option<String>>;

impl Localized {
    pub fn both(en: &str, ja: &str) -> Localized {
        PerLang { en: Some(en.to_owned()), ja: Some(ja.to_owned()) }
    }

    /// The text in `lang`, else in the other language, else empty.
    pub fn text(&self, lang: Lang) -> &str {
        self.get(lang).as_deref().or(self.get(lang.other()).as_deref()).unwrap_or("")
    }
}

/// Every text of the banner in one language: the banner and the dialog (`other` is the switch to
/// the other language, in that language), the 外部送信 labels (`separator` joins a link's text
/// and its recipient in the link's accessible name), and each category's name and description.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Texts<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub policy_link: &'a str,
    pub accept_all: &'a str,
    pub reject_all: &'a str,
    pub settings: &'a str,
    pub save: &'a str,
    pub other: &'a str,
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

/// The texts a site may replace in `texts.en` / `texts.ja` (contract). Button names are the
/// contract's and stay as they are, so a visitor always finds the same controls.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Replacements {
    pub title: Option<String>,
    pub description: Option<String>,
    pub policy_link: Option<String>,
    pub dialog_title: Option<String>,
    pub dialog_description: Option<String>,
    pub region: Option<String>,
}

/// The keys of `Replacements`, as configuration spells them (contract).
pub const REPLACEABLE: [&str; 6] = ["title", "description", "policyLink", "dialogTitle", "dialogDescription", "region"];

impl Replacements {
    /// The replacement for the text `key` (as configuration spells it), if a site may replace it.
    pub fn slot(&mut self, key: &str) -> Option<&mut Option<String>> {
        match key {
            "title" => Some(&mut self.title),
            "description" => Some(&mut self.description),
            "policyLink" => Some(&mut self.policy_link),
            "dialogTitle" => Some(&mut self.dialog_title),
            "dialogDescription" => Some(&mut self.dialog_description),
            "region" => Some(&mut self.region),
            _ => None,
        }
    }
}

impl<'a> Texts<'a> {
    /// The built-in texts of `lang`.
    pub fn builtin(lang: Lang) -> &'static Texts<'static> {
        match lang {
            Lang::En => &EN,
            Lang::Ja => &JA,
        }
    }

    /// These texts with the site's replacements.
    pub fn replaced(&self, with: &'a Replacements) -> Texts<'a> {
        let pick = |own: &'a Option<String>, builtin: &'a str| own.as_deref().unwrap_or(builtin);
        Texts {
            title: pick(&with.title, self.title),
            description: pick(&with.description, self.description),
            policy_link: pick(&with.policy_link, self.policy_link),
            dialog_title: pick(&with.dialog_title, self.dialog_title),
            dialog_description: pick(&with.dialog_description, self.dialog_description),
            region: pick(&with.region, self.region),
            ..self.clone()
        }
    }
}

const EN: Texts<'static> = Texts {
    title: "Cookies on this site",
    description:
        "With your consent, we use analytics cookies to see how this site is used and improve it. You can change your choice at any time.",
    policy_link: "Privacy policy",
    accept_all: "Accept all",
    reject_all: "Reject all",
    settings: "Settings",
    save: "Save settings",
    other: "日本語",
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
    title: "Cookieの使用について",
    description: "サイト改善のため、同意いただいた場合にのみ分析用Cookieを使用します。設定はいつでも変更できます。",
    policy_link: "プライバシーポリシー",
    accept_all: "すべて同意する",
    reject_all: "すべて拒否する",
    settings: "設定",
    save: "設定を保存",
    other: "English",
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
