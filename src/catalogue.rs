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
        let b = tag.trim_ascii().as_bytes();
        let lang = match [b.first()?.to_ascii_lowercase(), b.get(1)?.to_ascii_lowercase()] {
            [b'e', b'n'] => Lang::En,
            [b'j', b'a'] => Lang::Ja,
            _ => return None,
        };
        matches!(b.get(2), None | Some(b'-' | b'_')).then_some(lang)
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

/// Text keys a site may replace in `texts.en` / `texts.ja` (contract). Button names are the
/// contract's and stay as they are, so a visitor always finds the same controls.
pub const REPLACEABLE: [&str; 6] = ["title", "description", "policyLink", "dialogTitle", "dialogDescription", "region"];

/// Every built-in text of a language, as the JSON object the renderer reads: the banner and the
/// dialog (`other` is the switch to the other language, in that language), the 外部送信
/// labels (`separator` joins a link's text and its recipient in the link's accessible name),
/// and each category's name and description.
pub fn texts(lang: Lang) -> &'static str {
    match lang {
        Lang::En => EN,
        Lang::Ja => JA,
    }
}

const EN: &str = concat!(
    r#"{"title":"Cookies on this site","#,
    r#""description":"We would like to use analytics cookies to understand how this site is used, so that we can improve it. We only set them if you agree, and you can change your choice at any time.","#,
    r#""policyLink":"Privacy policy","acceptAll":"Accept all","rejectAll":"Reject all","settings":"Settings","save":"Save settings","#,
    r#""other":"日本語","reopen":"Cookie settings","dialogTitle":"Cookie settings","#,
    r#""dialogDescription":"Choose which cookies this site may use. Necessary cookies are always on; the others are used only if you switch them on.","#,
    r#""close":"Close","alwaysOn":"Always on","region":"Cookie consent","#,
    r#""recipient":"Recipient","data":"Information sent","purpose":"Purpose","optOut":"Opt-out","servicePolicy":"Privacy policy","separator":": ","#,
    r#""necessary":"Necessary","necessaryText":"Needed for the site to work and to remember this choice. They cannot be switched off.","#,
    r#""analytics":"Analytics","analyticsText":"Help us understand how visitors use the site, so that we can improve it.","#,
    r#""functional":"Functional","functionalText":"Remember your preferences and enable extra features.","#,
    r#""marketing":"Marketing","marketingText":"Used to show advertising and to measure how well it works."}"#
);

const JA: &str = concat!(
    r#"{"title":"Cookieの使用について","#,
    r#""description":"当サイトでは、サイトの利用状況を分析するためにCookieを使用します。同意いただいた場合にのみ使用し、設定はいつでも変更できます。","#,
    r#""policyLink":"プライバシーポリシー","acceptAll":"すべて同意する","rejectAll":"すべて拒否する","settings":"設定","save":"設定を保存","#,
    r#""other":"English","reopen":"Cookie設定","dialogTitle":"Cookie設定","#,
    r#""dialogDescription":"当サイトで使用するCookieを選択できます。必須のCookieは常に有効です。それ以外は、有効にした場合にのみ使用します。","#,
    r#""close":"閉じる","alwaysOn":"常に有効","region":"Cookieの同意","#,
    r#""recipient":"送信先","data":"送信される情報","purpose":"利用目的","optOut":"オプトアウト","servicePolicy":"プライバシーポリシー","separator":"：","#,
    r#""necessary":"必須","necessaryText":"サイトの動作と、この設定の記録に必要なCookieです。無効にすることはできません。","#,
    r#""analytics":"分析","analyticsText":"サイトの利用状況を分析し、改善に役立てるために使用します。","#,
    r#""functional":"機能","functionalText":"利用者の設定の記憶や、追加機能の提供に使用します。","#,
    r#""marketing":"広告","marketingText":"広告の表示と、その効果の測定に使用します。"}"#
);

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
