//! Native tests of the pure core: configuration, stored record, catalogue, gate and session.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;

mod common;
use common::{parse_config, stored, Native, CASES, NOT_ISO, OTHER_URLS, WEB_URLS};

use consent_banner::catalogue::{self, Lang, LangChoice, Texts};
use consent_banner::category::{Category, Choices};
use consent_banner::config::{self, Config};
use consent_banner::consent::{self, Requested};
use consent_banner::disclosure;
use consent_banner::gate;
use consent_banner::problem::{Code, Level, Problem};
use consent_banner::record::{self, Language};
use consent_banner::session::{Env, Session, View};
use consent_banner::timestamp::{self, Calendar};
use consent_banner::view;

const DAY: i64 = 86_400_000;
/// 2026-11-23T08:00:00.000Z
const NOW: i64 = 1_795_420_800_000;

/// The configuration a page with these script-tag attributes (and embedded JSON) gets.
fn read(pairs: &[(&str, &str)], embedded: config::Embedded) -> (Config, Vec<Problem>) {
    let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    config::read(|name| map.get(name).cloned(), embedded, &Native)
}

fn attrs(pairs: &[(&str, &str)]) -> (Config, Vec<Problem>) {
    read(pairs, config::Embedded::Absent)
}

// ---------------------------------------------------------------- timestamp

#[test]
fn timestamps_are_to_iso_string_in_years_1970_to_9999() {
    for (ms, text) in CASES {
        // The stand-in for Date (the browser tests hold the page's Date to the same cases).
        assert_eq!(Native.format(ms).as_deref(), Some(text), "Date formats {ms}");
        assert_eq!(Native.parse(text), Some(ms), "Date parses {text}");
        // The record's own range.
        let held = (0..=253_402_300_799_999).contains(&ms);
        assert_eq!(timestamp::format(&Native, ms).as_deref(), held.then_some(text), "format {ms}");
        assert_eq!(timestamp::parse(&Native, text), held.then_some(ms), "parse {text}");
    }
}

#[test]
fn timestamps_reject_anything_else() {
    for bad in NOT_ISO {
        assert_eq!(Native.parse(bad), None, "Date: {bad:?}");
        assert_eq!(timestamp::parse(&Native, bad), None, "{bad:?}");
    }
}

// ---------------------------------------------------------------- config

#[test]
fn no_attributes_give_the_defaults_and_no_message() {
    let (config, problems) = attrs(&[]);
    assert_eq!(config, Config::default());
    assert!(problems.is_empty());
    assert_eq!(config.policy_version, "1");
    assert_eq!(config.expires_days, 180);
    assert_eq!(config.lang, LangChoice::Auto);
    assert!(config.respect_gpc && config.reopen);
    assert_eq!(config.categories, vec![Category::Analytics]);
}

#[test]
fn valid_attributes_are_read() {
    let (config, problems) = attrs(&[
        ("data-ga-id", "G-ABC123XYZ"),
        ("data-policy-url", "/privacy/"),
        ("data-lang", "JA"),
        ("data-policy-version", "2026-11"),
        ("data-analytics-src", "/stub/gtag.js"),
        ("data-expires-days", "395"),
        ("data-gpc", "ignore"),
        ("data-reopen", "false"),
        ("data-theme", "DARK"),
        ("data-layout", "box"),
    ]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!((config.theme, config.layout), (config::Theme::Dark, config::Layout::Box));
    assert_eq!(config.ga_id(), Some("G-ABC123XYZ"));
    assert_eq!(config.policy_url.get("en"), Some("/privacy/"));
    assert_eq!(config.lang, LangChoice::Fixed(Lang::JA));
    assert_eq!(config.policy_version, "2026-11");
    assert_eq!(config.analytics_src(), Some("/stub/gtag.js"));
    assert_eq!(config.expires_days, 395);
    assert!(!config.respect_gpc && !config.reopen);
    assert!(!config.analytics_refused());
}

#[test]
fn each_invalid_attribute_is_one_error_naming_it_and_its_value() {
    let cases: &[(&str, &str)] = &[
        ("data-ga-id", "UA-12345-1"),
        ("data-ga-id", "G-"),
        ("data-ga-id", "G-ABC 123"),
        ("data-ga-id", "g-abc123"),
        ("data-ga-id", "G-<img>"),
        ("data-policy-url", "javascript:alert(1)"),
        ("data-policy-url", " JavaScript:alert(1)"),
        ("data-policy-url", "java\tscript:alert(1)"),
        ("data-policy-url", "data:text/html,x"),
        ("data-policy-url", ""),
        ("data-lang", "fr"),
        ("data-analytics-src", "javascript:void(0)"),
        ("data-expires-days", "0"),
        ("data-expires-days", "396"),
        ("data-expires-days", "30.5"),
        ("data-expires-days", "ten"),
        ("data-gpc", "maybe"),
        ("data-reopen", "yes"),
        ("data-theme", "sepia"),
        ("data-layout", "card"),
    ];
    for &(name, value) in cases {
        let (config, problems) = attrs(&[(name, value)]);
        assert_eq!(problems.len(), 1, "{name}={value:?}: {problems:?}");
        assert_eq!(problems[0].level, Level::Error);
        let message = &problems[0].message();
        assert!(message.starts_with("consent-banner: "), "{message}");
        assert!(message.contains(name) && message.contains(value), "{message}");
        // The setting is treated as absent, except that a broken GA id switches analytics off altogether.
        let expected = Config {
            analytics: if name == "data-ga-id" { config::Analytics::Refused { src: None } } else { config::Analytics::None },
            ..Config::default()
        };
        assert_eq!(config, expected, "{name}={value:?}");
    }
}

#[test]
fn invalid_ga_id_refuses_analytics_even_after_a_yes() {
    let (config, _) = attrs(&[("data-ga-id", "UA-1"), ("data-analytics-src", "/a.js")]);
    assert_eq!(gate::analytics(&config, Choices::all(&config.categories)), None);
}

#[test]
fn safe_urls() {
    for ok in WEB_URLS {
        assert!(config::is_safe_url(&Native, ok), "{ok:?}");
    }
    for bad in OTHER_URLS {
        assert!(!config::is_safe_url(&Native, bad), "{bad:?}");
    }
}

#[test]
fn ga_ids() {
    for ok in ["G-A", "G-ABCDEF1234", "G-abc123"] {
        assert!(config::is_ga_id(ok), "{ok}");
    }
    for bad in ["", "G-", "G", "UA-123-1", "GT-ABC", "G-ABC-1", "G-ÄBC", " G-ABC", "G-123456789012345678901234567890123"] {
        assert!(!config::is_ga_id(bad), "{bad:?}");
    }
}

// ---------------------------------------------------------------- catalogue

#[test]
fn language_resolution() {
    // <html lang> ("" when it has none), then navigator.languages.
    let cases: &[(LangChoice, &[&str], Lang)] = &[
        (LangChoice::Auto, &[""], Lang::EN),
        (LangChoice::Auto, &["ja", "en-US"], Lang::JA),
        (LangChoice::Auto, &["ja-JP"], Lang::JA),
        (LangChoice::Auto, &["fr", "de", "ja-JP", "en"], Lang::JA),
        (LangChoice::Auto, &["", "en-GB", "ja"], Lang::EN),
        (LangChoice::Auto, &["", "zh-CN", "ko"], Lang::EN),
        (LangChoice::Auto, &["EN", "ja"], Lang::EN),
        (LangChoice::Auto, &[" ja_JP ", "en"], Lang::JA),
        (LangChoice::Auto, &["jav", "japanese", "en"], Lang::EN),
        (LangChoice::Fixed(Lang::JA), &["en", "en"], Lang::JA),
        (LangChoice::Fixed(Lang::EN), &["ja", "ja"], Lang::EN),
    ];
    for (choice, languages, expected) in cases {
        assert_eq!(catalogue::resolve(*choice, languages, &catalogue::Language::builtin()), *expected, "{choice:?} {languages:?}");
    }
}

/// A built-in text, by its name in camelCase.
fn text(lang: Lang, key: &str) -> String {
    let texts = serde_json::to_value(Texts::builtin(lang)).unwrap();
    texts[key].as_str().unwrap_or_else(|| panic!("no text {key:?}")).to_owned()
}

#[test]
fn button_names_are_the_contract_s() {
    let names = |lang| ["acceptAll", "rejectAll", "settings", "save", "reopen"].map(|k| text(lang, k));
    assert_eq!(names(Lang::EN), ["Accept all", "Reject all", "Settings", "Save settings", "Cookie settings"]);
    assert_eq!(names(Lang::JA), ["すべて同意する", "すべて拒否する", "設定", "設定を保存", "Cookie設定"]);
    // The switch shows the other language's own name.
    let switch =
        |lang| view::switches(&Config::default(), lang).map(|(tag, t)| (tag.to_owned(), t.language.to_owned())).collect::<Vec<_>>();
    assert_eq!(switch(Lang::EN), [("ja".to_owned(), "日本語".to_owned())]);
    assert_eq!(switch(Lang::JA), [("en".to_owned(), "English".to_owned())]);
    assert_eq!(["necessary", "analytics", "functional", "marketing"].map(|k| text(Lang::JA, k)), ["必須", "分析", "機能", "広告"]);
}

#[test]
fn both_catalogues_have_every_text() {
    let keys = |lang| {
        let texts = serde_json::to_value(Texts::builtin(lang)).unwrap();
        texts.as_object().unwrap().iter().map(|(k, v)| (k.clone(), v.is_string() && !v.as_str().unwrap().is_empty())).collect::<Vec<_>>()
    };
    let en = keys(Lang::EN);
    assert_eq!(en.iter().map(|(k, _)| k).collect::<Vec<_>>(), keys(Lang::JA).iter().map(|(k, _)| k).collect::<Vec<_>>());
    assert!(en.iter().chain(&keys(Lang::JA)).all(|(_, filled)| *filled));
    for key in catalogue::REPLACEABLE {
        assert!(en.iter().any(|(k, _)| k == key), "{key}");
    }
}

#[test]
fn no_text_implies_consent_by_browsing() {
    for lang in [Lang::EN, Lang::JA] {
        for text in ["title", "description", "dialogDescription"].map(|k| text(lang, k)) {
            for implied in ["continu", "みなし", "みなす", "閲覧を続け"] {
                assert!(!text.contains(implied), "{text}");
            }
        }
    }
}

// ---------------------------------------------------------------- record

fn valid_json(categories: &str, decided: &str, expires: &str) -> String {
    format!(r#"{{"schema":1,"policyVersion":"1","categories":{categories},"decidedAt":"{decided}","expiresAt":"{expires}","lang":"ja"}}"#)
}

#[test]
fn a_good_record_is_a_decision() {
    let json = valid_json(r#"{"analytics":true}"#, "2026-11-20T08:00:00.000Z", "2027-05-19T08:00:00.000Z");
    let decision = record::validate(&stored(&json).unwrap(), NOW, "1", 180, &Native).unwrap();
    assert!(decision.choices.get(Category::Analytics));
    assert_eq!(decision.lang.as_deref(), Some("ja"));
}

#[test]
fn anything_doubtful_is_no_decision() {
    let good = valid_json(r#"{"analytics":true}"#, "2026-11-20T08:00:00.000Z", "2027-05-19T08:00:00.000Z");
    let unreadable = [
        "",
        "not json",
        "null",
        "true",
        "42",
        r#""text""#,
        "[]",
        r#"[1,"1",{"analytics":true},"2026-11-20T08:00:00.000Z","2027-05-19T08:00:00.000Z"]"#,
        "{}",
        r#"{"schema":"1","policyVersion":"1","categories":{},"decidedAt":"2026-11-20T08:00:00.000Z","expiresAt":"2027-05-19T08:00:00.000Z"}"#,
        r#"{"schema":1,"policyVersion":1,"categories":{},"decidedAt":"2026-11-20T08:00:00.000Z","expiresAt":"2027-05-19T08:00:00.000Z"}"#,
        r#"{"schema":1,"policyVersion":"1","categories":{"analytics":"yes"},"decidedAt":"2026-11-20T08:00:00.000Z","expiresAt":"2027-05-19T08:00:00.000Z"}"#,
        r#"{"schema":1,"policyVersion":"1","categories":[true],"decidedAt":"2026-11-20T08:00:00.000Z","expiresAt":"2027-05-19T08:00:00.000Z"}"#,
        r#"{"schema":1,"policyVersion":"1","categories":null,"decidedAt":"2026-11-20T08:00:00.000Z","expiresAt":"2027-05-19T08:00:00.000Z"}"#,
        r#"{"schema":1,"policyVersion":"1","categories":{},"decidedAt":null,"expiresAt":"2027-05-19T08:00:00.000Z"}"#,
        r#"{"schema":1,"policyVersion":"1","categories":{},"expiresAt":"2027-05-19T08:00:00.000Z"}"#,
        &good[..good.len() - 1],
    ];
    for json in unreadable {
        assert_eq!(stored(json), None, "{json}");
    }
    let invalid = [
        // unknown schema
        good.replace(r#""schema":1"#, r#""schema":2"#),
        good.replace(r#""schema":1"#, r#""schema":1.5"#),
        // other policy version
        good.replace(r#""policyVersion":"1""#, r#""policyVersion":"0""#),
        // expired
        valid_json("{}", "2026-05-01T08:00:00.000Z", "2026-10-28T08:00:00.000Z"),
        // expires exactly now
        valid_json("{}", "2026-05-27T08:00:00.000Z", "2026-11-23T08:00:00.000Z"),
        // timestamps that do not parse
        valid_json("{}", "yesterday", "2027-05-19T08:00:00.000Z"),
        valid_json("{}", "2026-11-20T08:00:00.000Z", "2027-05-19"),
        // decided more than a day in the future
        valid_json("{}", "2026-11-25T08:00:00.000Z", "2027-05-24T08:00:00.000Z"),
    ];
    for json in &invalid {
        let record = stored(json).unwrap_or_else(|| panic!("parses: {json}"));
        assert_eq!(record::validate(&record, NOW, "1", 180, &Native), None, "{json}");
    }
}

#[test]
fn a_lower_expiry_ends_a_decision_early() {
    let json = valid_json(r#"{"analytics":true}"#, "2026-10-01T08:00:00.000Z", "2027-03-30T08:00:00.000Z");
    let record = stored(&json).unwrap();
    assert!(record::validate(&record, NOW, "1", 180, &Native).is_some());
    // 2026-10-01T08:00 + 54 days is tomorrow; + 53 days is exactly now, so it has ended.
    assert!(record::validate(&record, NOW, "1", 54, &Native).is_some());
    assert!(record::validate(&record, NOW, "1", 53, &Native).is_none());
    assert!(record::validate(&record, NOW - 1, "1", 53, &Native).is_some());
}

#[test]
fn unknown_keys_and_categories_are_ignored() {
    let json = r#"{"schema":1,"policyVersion":"1","categories":{"analytics":false,"social":true},"decidedAt":"2026-11-20T08:00:00.000Z","expiresAt":"2027-05-19T08:00:00.000Z","future":{"x":1}}"#;
    let decision = record::validate(&stored(json).unwrap(), NOW, "1", 180, &Native).unwrap();
    assert_eq!(decision.choices, Choices::default());
    assert_eq!(decision.lang, None);
    // Schema 1 in another JSON spelling is still schema 1.
    let spelled = json.replace(r#""schema":1"#, r#""schema":1.0e0"#);
    assert!(record::validate(&stored(&spelled).unwrap(), NOW, "1", 180, &Native).is_some());
}

#[test]
fn a_new_record_has_the_contract_s_shape() {
    let record = record::new(
        Choices::all(&[Category::Analytics]),
        &[Category::Analytics],
        NOW,
        "1",
        180,
        Language { tag: "ja", chosen: false },
        &Native,
    )
    .unwrap();
    let json = serde_json::to_string(&record).unwrap();
    assert_eq!(
        json,
        r#"{"schema":1,"policyVersion":"1","categories":{"analytics":true},"decidedAt":"2026-11-23T08:00:00.000Z","expiresAt":"2027-05-22T08:00:00.000Z","lang":"ja"}"#
    );
    assert_eq!(stored(&json), Some(record));
}

// ---------------------------------------------------------------- gate

fn ga_config() -> Config {
    attrs(&[("data-ga-id", "G-TEST1")]).0
}

#[test]
fn consent_default_denies_everything_but_security() {
    let default = gate::consent_default();
    assert_eq!(default.0.len(), 7);
    for (name, granted) in default.0 {
        assert_eq!(granted, name == "security_storage", "{name}");
    }
}

#[test]
fn categories_map_onto_consent_mode_types() {
    let mut config = ga_config();
    config.categories = vec![Category::Analytics, Category::Functional, Category::Marketing];
    let cases = [
        (Choices::all(&[Category::Analytics]), &["analytics_storage"][..]),
        (Choices::all(&[Category::Functional]), &["functionality_storage", "personalization_storage"][..]),
        (Choices::all(&[Category::Marketing]), &["ad_storage", "ad_user_data", "ad_personalization"][..]),
        (Choices::default(), &[][..]),
    ];
    for (choices, granted) in cases {
        let update = gate::consent_update(&config, choices);
        assert_eq!(update.0.len(), 6);
        for (name, on) in update.0 {
            assert_eq!(on, granted.contains(&name), "{choices:?} {name}");
        }
    }
    // An unconfigured category is never granted, whatever the choices say.
    let update = gate::consent_update(&ga_config(), Choices::all(&[Category::Marketing]));
    assert!(update.0.iter().all(|&(_, on)| !on));
}

#[test]
fn what_loads() {
    let config = ga_config();
    let yes = Choices::all(&[Category::Analytics]);
    assert_eq!(gate::analytics(&config, Choices::default()), None);
    let load = gate::analytics(&config, yes).unwrap();
    assert_eq!(load.script_url, "https://www.googletagmanager.com/gtag/js?id=G-TEST1");
    assert_eq!(load.ga_id.as_deref(), Some("G-TEST1"));
    let own = attrs(&[("data-ga-id", "G-TEST1"), ("data-analytics-src", "/stub.js")]).0;
    assert_eq!(gate::analytics(&own, yes).unwrap().script_url, "/stub.js");
    let bare = attrs(&[("data-analytics-src", "/stub.js")]).0;
    assert_eq!(gate::analytics(&bare, yes), Some(gate::AnalyticsLoad { script_url: "/stub.js".into(), ga_id: None }));
    assert_eq!(gate::analytics(&Config::default(), yes), None);
}

#[test]
fn changes_load_once_then_update_and_withdraw() {
    let config = ga_config();
    let yes = Choices::all(&[Category::Analytics]);
    let no = Choices::default();
    // First yes on the page: load, with ga-disable cleared.
    let first = gate::on_change(&config, false, yes);
    assert!(first.load.is_some() && first.update.is_some() && first.clear_cookies.is_empty());
    assert_eq!(first.ga_disable, Some(("G-TEST1".into(), false)));
    // Withdrawal after loading: update denied, disable, delete cookies; nothing loads again.
    let withdraw = gate::on_change(&config, true, no);
    assert!(withdraw.load.is_none() && !withdraw.clear_cookies.is_empty());
    assert_eq!(withdraw.ga_disable, Some(("G-TEST1".into(), true)));
    assert!(withdraw.update.unwrap().0.iter().all(|&(_, on)| !on));
    // Yes again on the same page: an update, not a second script.
    let again = gate::on_change(&config, true, yes);
    assert!(again.load.is_none() && again.update.is_some());
    // A no before anything loaded sends no gtag command at all.
    let reject = gate::on_change(&config, false, no);
    assert!(reject.load.is_none() && reject.update.is_none() && !reject.clear_cookies.is_empty());
    // Page load: only a stored yes does anything.
    assert_eq!(gate::on_load(&config, no), gate::Effects::default());
    assert!(gate::on_load(&config, yes).load.is_some());
}

#[test]
fn analytics_cookies() {
    for name in ["_ga", "_ga_ABC123", "_gid", "_gat", "_gat_UA-1", "_gat_gtag_G_X"] {
        assert!(gate::is_analytics_cookie(name), "{name}");
    }
    for name in ["ga", "_gab", "_gcl_au", "session", "_g", ""] {
        assert!(!gate::is_analytics_cookie(name), "{name}");
    }
}

#[test]
fn cookie_domains_climb_to_the_registrable_parent() {
    assert_eq!(gate::cookie_domains("www.example.test"), ["www.example.test", "example.test"]);
    assert_eq!(gate::cookie_domains("a.b.example.co.jp"), ["a.b.example.co.jp", "b.example.co.jp", "example.co.jp", "co.jp"]);
    assert_eq!(gate::cookie_domains("example.test."), ["example.test"]);
    assert!(gate::cookie_domains("localhost").is_empty());
    assert!(gate::cookie_domains("127.0.0.1").is_empty());
    assert!(gate::cookie_domains("[::1]").is_empty());
}

#[test]
fn gated_scripts_need_every_category() {
    let mut config = ga_config();
    config.categories = vec![Category::Analytics, Category::Marketing];
    let analytics = Choices::all(&[Category::Analytics]);
    let cases = [
        ("necessary", Choices::default(), true),
        ("analytics", Choices::default(), false),
        ("analytics", analytics, true),
        ("  analytics\tnecessary ", analytics, true),
        ("analytics marketing", analytics, false),
        ("analytics marketing", Choices::all(&[Category::Analytics, Category::Marketing]), true),
        ("functional", Choices::all(&Category::ALL), false),
        ("Analytics", analytics, false),
        ("", Choices::all(&Category::ALL), false),
    ];
    for (spec, choices, released) in cases {
        assert_eq!(gate::released(spec, &config, choices), released, "{spec:?} {choices:?}");
    }
}

// ---------------------------------------------------------------- session

static LANGUAGES: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| vec!["ja".to_string()]);

fn env(gpc: bool) -> Env<'static> {
    Env { now: NOW, gpc_signal: gpc, languages: &LANGUAGES }
}

#[test]
fn a_first_visit_asks_and_loads_nothing() {
    let mut session = Session::new(ga_config(), None, &env(false), &Native);
    assert_eq!(session.view(), View::Banner);
    assert_eq!(session.start(), gate::Effects::default());
    let state = session.state(&Native);
    assert!(!state.decided && !state.gpc && state.decided_at.is_none());
    assert_eq!(serde_json::to_string(&state.categories).unwrap(), r#"{"analytics":false}"#);
    assert_eq!(session.lang(), Lang::JA);
}

#[test]
fn a_decision_is_stored_and_a_returning_yes_loads_without_a_click() {
    let mut session = Session::new(ga_config(), None, &env(false), &Native);
    let (record, effects) = session.decide(Choices::all(&Category::ALL), NOW, &Native);
    let record = record.unwrap();
    assert!(effects.load.is_some());
    assert_eq!(record.categories.0.len(), 1, "only configured categories are stored");
    assert_eq!(session.view(), View::Reopen);
    assert_eq!(session.state(&Native).decided_at.as_deref(), Some("2026-11-23T08:00:00.000Z"));

    let later = Env { now: NOW + DAY, ..env(false) };
    let mut next = Session::new(ga_config(), Some(&record), &later, &Native);
    assert_eq!(next.view(), View::Reopen);
    assert!(next.start().load.is_some());
    // A new policy version asks again and loads nothing.
    let mut changed = ga_config();
    changed.policy_version = "2".into();
    let mut asked = Session::new(changed, Some(&record), &later, &Native);
    assert_eq!(asked.view(), View::Banner);
    assert!(asked.start().load.is_none());
}

#[test]
fn a_language_the_visitor_switched_to_is_remembered_and_otherwise_each_page_speaks_its_own() {
    static EN: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| vec!["en".to_string()]);
    let english_page = Env { now: NOW, gpc_signal: false, languages: &EN };
    // Decided on a Japanese page without switching: the English page stays English.
    let mut session = Session::new(ga_config(), None, &env(false), &Native);
    let (record, _) = session.decide(Choices::default(), NOW, &Native);
    let record = record.unwrap();
    assert_eq!((record.lang.as_deref(), record.lang_chosen), (Some("ja"), false));
    assert_eq!(Session::new(ga_config(), Some(&record), &english_page, &Native).lang(), Lang::EN);
    // Switched to English on a Japanese page: English everywhere after.
    let mut session = Session::new(ga_config(), None, &env(false), &Native);
    session.set_lang(Lang::EN);
    let (record, _) = session.decide(Choices::default(), NOW, &Native);
    let record = record.unwrap();
    assert!(record.lang_chosen);
    assert_eq!(Session::new(ga_config(), Some(&record), &env(false), &Native).lang(), Lang::EN);
    // A fixed data-lang still wins over the visitor's pick.
    let mut fixed = ga_config();
    fixed.lang = LangChoice::Fixed(Lang::JA);
    assert_eq!(Session::new(fixed, Some(&record), &english_page, &Native).lang(), Lang::JA);
}

#[test]
fn a_stored_no_loads_nothing() {
    let mut session = Session::new(ga_config(), None, &env(false), &Native);
    let (record, effects) = session.decide(Choices::default(), NOW, &Native);
    assert!(effects.load.is_none());
    let mut next = Session::new(ga_config(), record.as_ref(), &env(false), &Native);
    assert_eq!(next.view(), View::Reopen);
    assert_eq!(next.start(), gate::Effects::default());
}

#[test]
fn reset_withdraws_and_asks_again() {
    let mut session = Session::new(ga_config(), None, &env(false), &Native);
    session.start();
    session.decide(Choices::all(&Category::ALL), NOW, &Native);
    let effects = session.reset();
    assert!(!effects.clear_cookies.is_empty() && effects.load.is_none());
    assert_eq!(effects.ga_disable, Some(("G-TEST1".into(), true)));
    assert_eq!(session.view(), View::Banner);
    assert!(!session.state(&Native).decided);
}

#[test]
fn gpc_is_a_no_without_interrupting_and_a_later_choice_wins() {
    let mut session = Session::new(ga_config(), None, &env(true), &Native);
    assert_eq!(session.view(), View::Reopen);
    assert!(session.start().load.is_none());
    let state = session.state(&Native);
    assert!(state.gpc && !state.decided && !state.categories.get(Category::Analytics).unwrap());
    let (_, effects) = session.decide(Choices::all(&Category::ALL), NOW, &Native);
    assert!(effects.load.is_some());
    assert!(session.state(&Native).decided && session.state(&Native).gpc);

    let mut ignored = ga_config();
    ignored.respect_gpc = false;
    let session = Session::new(ignored, None, &env(true), &Native);
    assert_eq!(session.view(), View::Banner);
    assert!(!session.state(&Native).gpc);

    let mut hidden = ga_config();
    hidden.reopen = false;
    assert_eq!(Session::new(hidden, None, &env(true), &Native).view(), View::Hidden);
}

#[test]
fn the_remembered_language_applies_when_the_site_says_auto() {
    let mut session = Session::new(ga_config(), None, &env(false), &Native);
    session.set_lang(Lang::EN);
    let (record, _) = session.decide(Choices::default(), NOW, &Native);
    assert_eq!(Session::new(ga_config(), record.as_ref(), &env(false), &Native).lang(), Lang::EN);
    let mut fixed = ga_config();
    fixed.lang = LangChoice::Fixed(Lang::JA);
    assert_eq!(Session::new(fixed, record.as_ref(), &env(false), &Native).lang(), Lang::JA);
}

// ---------------------------------------------------------------- configuration JSON

fn with_json(json: &str, pairs: &[(&str, &str)]) -> (Config, Vec<Problem>) {
    read(pairs, config::Embedded::Parsed { parsed: parse_config(json), source: "data-config=\"cfg\"" })
}

/// A text as the renderer shows it: built in, or the site's replacement.
fn shown(config: &Config, lang: Lang, key: &str) -> String {
    let texts = serde_json::to_value(view::texts(config, lang)).unwrap();
    texts[key].as_str().unwrap_or_else(|| panic!("no text {key:?}")).to_owned()
}

/// The disclosure rows in `lang`, as the renderer draws them.
fn rows(config: &Config, lang: Lang) -> serde_json::Value {
    let rows: Vec<_> = disclosure::rows(config, lang)
        .map(|r| {
            let mut row =
                serde_json::json!({ "category": r.category.key(), "recipient": r.recipient, "data": r.data, "purpose": r.purpose });
            if let Some(url) = r.opt_out_url {
                row["optOut"] = url.into();
            }
            if let Some(url) = r.policy_url {
                row["policy"] = url.into();
            }
            row
        })
        .collect();
    serde_json::Value::Array(rows)
}

const FULL: &str = r#"{
  "gaId": "G-JSON1", "policyUrl": "/privacy/", "lang": "ja", "policyVersion": "7",
  "analyticsSrc": "/proxy/gtag.js", "expiresDays": 90, "gpc": "ignore", "reopen": false,
  "categories": ["analytics", "functional", "marketing", "necessary"],
  "services": [
    { "id": "ga4", "category": "analytics", "recipient": { "en": "Google LLC", "ja": "Google LLC（日本）" },
      "data": "Pages viewed", "purpose": { "ja": "分析" }, "optOutUrl": "https://tools.google.com/dlpage/gaoptout" },
    { "id": "ads", "category": "marketing", "recipient": "Ad Co.", "policyUrl": "https://ads.example/privacy" }
  ],
  "texts": { "en": { "title": "Our cookies" }, "ja": { "title": "<img src=x onerror=alert(1)>" } }
}"#;

#[test]
fn a_full_configuration_is_read() {
    let (config, problems) = with_json(FULL, &[]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(config.ga_id(), Some("G-JSON1"));
    assert_eq!(config.policy_url.get("en"), Some("/privacy/"));
    assert_eq!(config.lang, LangChoice::Fixed(Lang::JA));
    assert_eq!(config.policy_version, "7");
    assert_eq!(config.analytics_src(), Some("/proxy/gtag.js"));
    assert_eq!(config.expires_days, 90);
    assert!(!config.respect_gpc && !config.reopen);
    assert_eq!(config.categories, vec![Category::Analytics, Category::Functional, Category::Marketing]);
    assert_eq!(config.services.len(), 2, "the site's ga4 replaces the built-in one");
    assert_eq!(config.services[0].recipient.text("ja"), "Google LLC（日本）");
    assert_eq!(config.services[0].data.text("ja"), "Pages viewed", "one string serves both languages");
    assert_eq!(config.services[0].purpose.text("en"), "分析", "a missing language falls back to the other");
    assert_eq!(shown(&config, Lang::EN, "title"), "Our cookies");
    assert_eq!(shown(&config, Lang::EN, "description"), text(Lang::EN, "description"), "missing texts fall back");
    assert_eq!(shown(&config, Lang::JA, "title"), "<img src=x onerror=alert(1)>", "kept as text, rendered as text");
}

#[test]
fn an_attribute_wins_over_the_json() {
    let (config, problems) = with_json(FULL, &[("data-lang", "en"), ("data-expires-days", "30"), ("data-ga-id", "G-ATTR")]);
    assert!(problems.is_empty());
    assert_eq!(config.lang, LangChoice::Fixed(Lang::EN));
    assert_eq!(config.expires_days, 30);
    assert_eq!(config.ga_id(), Some("G-ATTR"));
    // An invalid attribute is treated as absent: the JSON's value applies.
    let (config, problems) = with_json(FULL, &[("data-expires-days", "0")]);
    assert_eq!(problems.len(), 1);
    assert_eq!(config.expires_days, 90);
}

#[test]
fn each_wrong_type_is_one_error_naming_the_key_and_that_setting_defaults() {
    let cases: &[(&str, &str)] = &[
        (r#"{"gaId": 123}"#, "gaId"),
        (r#"{"policyUrl": ["/p"]}"#, "policyUrl"),
        (r#"{"lang": true}"#, "lang"),
        (r#"{"policyVersion": 2}"#, "policyVersion"),
        (r#"{"analyticsSrc": null}"#, "analyticsSrc"),
        (r#"{"expiresDays": "90"}"#, "expiresDays"),
        (r#"{"expiresDays": 30.5}"#, "expiresDays"),
        (r#"{"gpc": false}"#, "gpc"),
        (r#"{"reopen": "false"}"#, "reopen"),
        (r#"{"categories": "analytics"}"#, "categories"),
        (r#"{"categories": [1]}"#, "categories"),
        (r#"{"services": {}}"#, "services"),
        (r#"{"texts": []}"#, "texts"),
        (r#"{"texts": {"en": {"title": 1}}}"#, "title"),
    ];
    for &(json, key) in cases {
        let (config, problems) = with_json(json, &[]);
        assert_eq!(problems.len(), 1, "{json}: {problems:?}");
        assert_eq!(problems[0].level, Level::Error, "{json}");
        assert!(problems[0].message().contains(&format!("\"{key}\"")), "{json}: {}", problems[0].message());
        assert!(problems[0].message().contains("data-config"), "{}", problems[0].message());
        assert_eq!(config, Config::default(), "{json}");
    }
}

#[test]
fn invalid_values_in_json_are_errors_too() {
    for (json, key) in [
        (r#"{"gaId": "UA-1"}"#, "gaId"),
        (r#"{"expiresDays": 0}"#, "expiresDays"),
        (r#"{"expiresDays": -5}"#, "expiresDays"),
        (r#"{"policyUrl": "javascript:x"}"#, "policyUrl"),
    ] {
        let (config, problems) = with_json(json, &[]);
        assert_eq!(problems.len(), 1, "{json}");
        assert!(problems[0].message().contains(key), "{}", problems[0].message());
        assert_eq!(config.expires_days, 180);
        assert_eq!(config.policy_url.get("en"), None);
    }
    assert!(with_json(r#"{"gaId": "UA-1"}"#, &[]).0.analytics_refused());
    // A number is quoted as the platform writes it, and any JSON spelling of a whole number counts.
    let (_, problems) = with_json(r#"{"expiresDays": 400}"#, &[]);
    assert!(problems[0].message().contains(r#""expiresDays": "400" is not a whole number of days"#), "{}", problems[0].message());
    let (_, problems) = with_json(r#"{"expiresDays": 30.5}"#, &[]);
    assert!(problems[0].message().contains(r#""30.5""#), "{}", problems[0].message());
    assert_eq!(with_json(r#"{"expiresDays": 1e2}"#, &[]).0.expires_days, 100);
}

#[test]
fn a_valid_attribute_wins_over_an_invalid_json_value_of_the_same_setting() {
    for bad in [r#""UA-12345-1""#, r#""""#, r#""G-""#, "42"] {
        let json = format!(r#"{{"gaId": {bad}}}"#);
        let (config, problems) = with_json(&json, &[("data-ga-id", "G-TEST123")]);
        assert_eq!(config.ga_id(), Some("G-TEST123"), "{json}");
        assert!(!config.analytics_refused(), "{json}");
        assert_eq!(problems.len(), 1, "{json}: {problems:?}");
        assert!(problems[0].message().contains("gaId"), "{}", problems[0].message());
        assert!(gate::analytics(&config, Choices::all(&config.categories)).is_some(), "{json}");
    }
    // An invalid attribute still means no analytics, whatever the JSON says.
    let (config, _) = with_json(r#"{"gaId": "G-JSON1"}"#, &[("data-ga-id", "UA-1")]);
    assert_eq!(gate::analytics(&config, Choices::all(&config.categories)), None);
}

#[test]
fn unknown_keys_warn_and_are_ignored() {
    let (config, problems) = with_json(
        r#"{"gaid": "G-X", "categories": ["analytics", "social"], "texts": {"fr": {}, "en": {"acceptAll": "OK"}},
            "services": [{"id": "s", "category": "analytics", "cookie": "_s"}]}"#,
        &[],
    );
    assert_eq!(problems.iter().filter(|p| p.level == Level::Warn).count(), 5, "{problems:?}");
    assert!(problems.iter().all(|p| p.level == Level::Warn));
    for word in ["gaid", "social", "fr", "acceptAll", "cookie"] {
        assert!(problems.iter().any(|p| p.message().contains(word)), "{word}");
    }
    assert_eq!(config.ga_id(), None);
    assert_eq!(shown(&config, Lang::EN, "acceptAll"), "Accept all", "button names are not replaceable");
    assert_eq!(config.services.len(), 1);
}

#[test]
fn broken_json_is_one_error_naming_data_config_and_the_built_in_configuration() {
    for json in ["{", "not json", "[]", "null", r#""gaId""#, ""] {
        let (config, problems) = with_json(json, &[]);
        assert_eq!(problems.len(), 1, "{json}");
        assert!(problems[0].message().contains("data-config=\"cfg\""), "{}", problems[0].message());
        assert_eq!(config, Config::default());
    }
    let (config, problems) = read(&[], config::Embedded::Missing("nowhere"));
    assert_eq!(problems.len(), 1);
    assert!(problems[0].message().contains("nowhere"));
    assert_eq!(config, Config::default());
}

#[test]
fn a_service_with_an_empty_id_is_a_problem() {
    for id in [r#""""#, r#""  ""#] {
        let (config, problems) = with_json(&format!(r#"{{"services": [{{"id": {id}, "category": "analytics"}}]}}"#), &[]);
        assert!(config.services.is_empty());
        assert_eq!(problems.iter().map(|p| (p.code, p.key.as_str())).collect::<Vec<_>>(), [(Code::InvalidService, "services[0].id")]);
    }
}

#[test]
fn services_need_a_configured_category_and_the_built_in_ga4_fills_in() {
    let (config, problems) =
        with_json(r#"{"services": [{"id": "ads", "category": "marketing", "recipient": "Ad Co."}]}"#, &[("data-ga-id", "G-X1")]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].level, Level::Warn);
    assert!(problems[0].message().contains("ads"));
    assert_eq!(config.services, vec![config::ga4_service()]);
    let ga4 = config::ga4_service();
    assert_eq!(ga4.recipient.text("ja"), "Google LLC（Google アナリティクス 4）");
    assert_eq!(ga4.opt_out_url.as_deref(), Some("https://tools.google.com/dlpage/gaoptout"));
    assert_eq!(ga4.policy_url.as_deref(), Some("https://policies.google.com/privacy"));
    // With gaId, analytics is always a category, even when the list leaves it out.
    let (config, _) = with_json(r#"{"categories": ["marketing"]}"#, &[("data-ga-id", "G-X1")]);
    assert_eq!(config.categories, vec![Category::Analytics, Category::Marketing]);
    // Bad services are left out with an error each.
    let (config, problems) = with_json(
        r#"{"categories": ["analytics"], "services": [1, {"category": "analytics"}, {"id": "x", "category": "ads"}, {"id": "y", "category": "analytics", "optOutUrl": "javascript:1"},
            {"id": "z", "category": "analytics", "recipient": {"en": 1}}, {"id": "w", "category": "analytics", "data": ["x"]}]}"#,
        &[],
    );
    assert_eq!(problems.len(), 6, "{problems:?}");
    assert!(config.services.is_empty());
}

#[test]
fn disclosure_rows_follow_categories_then_configuration_order() {
    let (config, _) = with_json(FULL, &[]);
    let rows: Vec<_> = disclosure::rows(&config, Lang::JA).collect();
    assert_eq!(rows.iter().map(|r| r.recipient).collect::<Vec<_>>(), ["Google LLC（日本）", "Ad Co."]);
    assert_eq!(rows[1].policy_url, Some("https://ads.example/privacy"));
    assert_eq!(rows[1].opt_out_url, None);
}

// ---------------------------------------------------------------- view

#[test]
fn the_dialog_lists_configured_categories_and_their_services() {
    let (config, _) = with_json(FULL, &[]);
    assert_eq!(config.policy_url.get("en"), Some("/privacy/"));
    // The dialog's switches, in the configured order.
    assert_eq!(config.categories, [Category::Analytics, Category::Functional, Category::Marketing]);
    assert_eq!(
        rows(&config, Lang::JA),
        serde_json::json!([
            { "category": "analytics", "recipient": "Google LLC（日本）", "data": "Pages viewed", "purpose": "分析", "optOut": "https://tools.google.com/dlpage/gaoptout" },
            { "category": "marketing", "recipient": "Ad Co.", "data": "", "purpose": "", "policy": "https://ads.example/privacy" }
        ])
    );
    // Which part shows: the banner until a decision, then the reopen control, or nothing.
    let mut session = Session::new(ga_config(), None, &env(false), &Native);
    assert_eq!(session.view(), View::Banner);
    session.decide(Choices::default(), NOW, &Native);
    assert_eq!(session.view(), View::Reopen);
    let hidden = Config { reopen: false, ..ga_config() };
    let mut session = Session::new(hidden, None, &env(false), &Native);
    session.decide(Choices::default(), NOW, &Native);
    assert_eq!(session.view(), View::Hidden);
}

#[test]
fn configuration_text_reaches_the_model_as_the_same_string() {
    let tricky = "</script><img src=x onerror=alert(1)> \"q\" \\ \u{1}\n 日本";
    let (config, problems) = with_json(
        &serde_json::json!({ "texts": { "en": { "title": tricky } }, "services": [{ "id": "s", "category": "analytics", "recipient": tricky }] }).to_string(),
        &[],
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(shown(&config, Lang::EN, "title"), tricky);
    assert_eq!(rows(&config, Lang::EN)[0]["recipient"], tricky);
}

#[test]
fn disclosure_tables_have_each_element_s_language_and_the_contract_s_headers() {
    let (config, _) = with_json(FULL, &[]);
    let headers = |lang| {
        let t = view::texts(&config, lang);
        [t.recipient, t.data, t.purpose, t.opt_out].map(str::to_owned)
    };
    assert_eq!(disclosure::table_lang(&config, Some("ja-JP"), Lang::EN), Lang::JA);
    assert_eq!(headers(Lang::JA), ["送信先", "送信される情報", "利用目的", "オプトアウト"]);
    assert_eq!(disclosure::table_lang(&config, None, Lang::EN), Lang::EN);
    assert_eq!(headers(Lang::EN), ["Recipient", "Information sent", "Purpose", "Opt-out"]);
    // The table's last column holds the opt-out and the policy links, and is named for both,
    // the contract's name first.
    assert_eq!([Lang::JA, Lang::EN].map(|l| view::texts(&config, l).links), ["オプトアウト・ポリシー", "Opt-out and policy"]);
    assert_eq!(rows(&config, Lang::EN)[0]["recipient"], "Google LLC");
    assert_eq!(
        disclosure::table_lang(&config, Some("fr"), Lang::EN),
        Lang::EN,
        "a language the banner does not speak falls back to the banner's"
    );
    assert_eq!(disclosure::table_lang(&config, Some(""), Lang::JA), Lang::JA);
}

// ---------------------------------------------------------------- what the page is told

#[test]
fn consent_commands_are_gtag_argument_lists() {
    let command = serde_json::to_string(&("consent", "default", gate::consent_default())).unwrap();
    assert_eq!(
        command,
        r#"["consent","default",{"ad_storage":"denied","ad_user_data":"denied","ad_personalization":"denied","analytics_storage":"denied","functionality_storage":"denied","personalization_storage":"denied","security_storage":"granted"}]"#
    );
}

#[test]
fn the_api_state_is_get_s_object() {
    let mut session = Session::new(ga_config(), None, &env(true), &Native);
    assert_eq!(
        serde_json::to_string(&session.state(&Native)).unwrap(),
        r#"{"decided":false,"categories":{"analytics":false},"policyVersion":"1","decidedAt":null,"gpc":true}"#
    );
    session.decide(Choices::all(&Category::ALL), NOW, &Native);
    assert_eq!(
        serde_json::to_string(&session.state(&Native)).unwrap(),
        r#"{"decided":true,"categories":{"analytics":true},"policyVersion":"1","decidedAt":"2026-11-23T08:00:00.000Z","gpc":true}"#
    );
}

#[test]
fn set_takes_category_names_to_booleans() {
    let (values, problems) = consent::read_set(Requested::parse(r#"{"analytics":true,"marketing":false,"social":true}"#)).unwrap();
    assert_eq!(values, [(Category::Analytics, true), (Category::Marketing, false)]);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].level, Level::Warn);
    assert!(problems[0].message().contains("\"social\""));
    for bad in ["", "null", "[]", r#""analytics""#, r#"{"analytics":"yes"}"#, r#"{"analytics":null}"#] {
        let problem = consent::read_set(Requested::parse(bad)).unwrap_err();
        assert_eq!(problem.level, Level::Error, "{bad:?}");
        assert!(problem.message().starts_with("consent-banner: set() takes"), "{bad:?}");
    }
}

// ---------------------------------------------------------------- languages as data

/// The site's configuration with a Korean catalogue added (the recipe in ARCHITECTURE.md).
fn with_korean(extra: &str, pairs: &[(&str, &str)]) -> (Config, Vec<Problem>) {
    with_json(&format!(r#"{{ "texts": {{ "ko": {} }}{extra} }}"#, common::KO), pairs)
}

#[test]
fn a_site_adds_a_language_with_a_complete_catalogue() {
    let (config, problems) = with_korean(
        r#", "policyUrl": { "ja": "/privacy/", "en": "/en/privacy/" },
            "services": [{ "id": "s", "category": "analytics", "recipient": { "en": "Co.", "ja": "社", "ko": "회사" } }]"#,
        &[],
    );
    assert!(problems.is_empty(), "{problems:?}");
    let tags: Vec<_> = config.languages.iter().map(|l| l.tag.as_str()).collect();
    assert_eq!(tags, ["en", "ja", "ko"]);
    let ko = Lang(2);
    // Reached by auto, by data-lang and by the switch.
    assert_eq!(catalogue::resolve(LangChoice::Auto, &["ko-KR"], &config.languages), ko);
    let (fixed, problems) = with_korean("", &[("data-lang", "ko")]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(fixed.lang, LangChoice::Fixed(ko));
    let names: Vec<_> = view::switches(&config, Lang::EN).map(|(tag, t)| (tag, t.language)).collect();
    assert_eq!(names, [("ja", "日本語"), ("ko", "한국어")]);
    // Its texts, its services' texts, and the first policy URL given.
    assert_eq!(view::texts(&config, ko).accept_all, "모두 동의");
    assert_eq!(disclosure::rows(&config, ko).next().unwrap().recipient, "회사");
    assert_eq!(config.policy_url.get("ko"), Some("/privacy/"));
    assert_eq!(config.policy_url.get("en"), Some("/en/privacy/"));
    // The built-in languages keep their contract names.
    assert_eq!(view::texts(&config, Lang::JA).accept_all, "すべて同意する");
}

#[test]
fn a_missing_text_in_an_added_language_is_an_error_each_and_falls_back_to_english() {
    let json = common::KO.replace(r#""acceptAll": "모두 동의", "#, "").replace(r#""close": "닫기", "#, "");
    let (config, problems) = with_json(&format!(r#"{{ "texts": {{ "ko": {json} }} }}"#), &[]);
    let keys: Vec<_> = problems.iter().map(|p| (p.level, p.code, p.key.as_str())).collect();
    assert_eq!(keys, [(Level::Error, Code::MissingText, "texts.ko.acceptAll"), (Level::Error, Code::MissingText, "texts.ko.close")]);
    assert!(problems[0].message().contains("\"acceptAll\" in texts.ko") && problems[0].message().contains("English"));
    let t = view::texts(&config, Lang(2));
    assert_eq!((t.accept_all, t.close, t.reject_all), ("Accept all", "Close", "모두 거부"));
}

#[test]
fn what_is_not_a_language_is_ignored_with_a_warning() {
    for tag in ["k o", "korean-language-tag-x", "1a", ""] {
        let (config, problems) = with_json(&format!(r#"{{ "texts": {{ "{tag}": {} }} }}"#, common::KO), &[]);
        assert_eq!(config.languages.len(), 2, "{tag:?}");
        assert_eq!(problems.iter().map(|p| p.code).collect::<Vec<_>>(), [Code::UnknownKey], "{tag:?}");
    }
    // A language the banner does not have, named by data-lang or a service's text.
    let (config, problems) =
        with_json(r#"{ "lang": "ko", "services": [{ "id": "s", "category": "analytics", "recipient": { "ko": "회사" } }] }"#, &[]);
    assert_eq!(config.lang, LangChoice::Auto);
    let codes: Vec<_> = problems.iter().map(|p| (p.code, p.key.as_str())).collect();
    assert_eq!(codes, [(Code::InvalidValue, "lang"), (Code::UnknownKey, "services[0].recipient.ko")]);
}

#[test]
fn a_language_picked_on_one_page_is_the_next_page_s() {
    let (config, _) = with_korean("", &[("data-ga-id", "G-TEST1")]);
    let mut session = Session::new(config.clone(), None, &env(false), &Native);
    session.update(consent_banner::session::Msg::PickLanguage("ko".into()), NOW, &Native);
    let (record, _) = session.decide(Choices::default(), NOW, &Native);
    let record = record.unwrap();
    assert_eq!((record.lang.as_deref(), record.lang_chosen), (Some("ko"), true));
    assert_eq!(Session::new(config, Some(&record), &env(false), &Native).lang(), Lang(2));
}

// ---------------------------------------------------------------- analytics as a kind

#[test]
fn analytics_is_ga4_a_plain_script_or_none() {
    use config::Analytics;
    use consent_banner::command::{self as command, Command};
    let yes = Choices::all(&[Category::Analytics]);
    let kind = |pairs: &[(&str, &str)]| attrs(pairs).0.analytics;
    assert_eq!(kind(&[]), Analytics::None);
    assert_eq!(kind(&[("data-ga-id", "G-A1")]), Analytics::Ga4 { id: "G-A1".into(), src: None });
    assert_eq!(
        kind(&[("data-analytics-src", "/a.js"), ("data-ga-id", "G-A1")]),
        Analytics::Ga4 { id: "G-A1".into(), src: Some("/a.js".into()) }
    );
    assert_eq!(kind(&[("data-analytics-src", "/a.js")]), Analytics::Script { src: "/a.js".into() });
    assert_eq!(kind(&[("data-analytics-src", "/a.js"), ("data-ga-id", "UA-1")]), Analytics::Refused { src: Some("/a.js".into()) });
    // The JSON's script and the attribute's id make one GA4.
    let (config, _) = with_json(r#"{"analyticsSrc": "/proxy.js"}"#, &[("data-ga-id", "G-A1")]);
    assert_eq!(config.analytics, Analytics::Ga4 { id: "G-A1".into(), src: Some("/proxy.js".into()) });
    // A plain script: loaded after a yes, with no Consent Mode command, no ga-disable, no cookies.
    let plain = attrs(&[("data-analytics-src", "/a.js")]).0;
    let commands = command::analytics(gate::on_change(&plain, false, yes));
    assert_eq!(commands, [Command::LoadScript("/a.js".into())]);
    assert_eq!(command::analytics(gate::on_load(&plain, yes)), [Command::LoadScript("/a.js".into())]);
    assert!(command::analytics(gate::on_change(&plain, true, Choices::default())).is_empty());
}

#[test]
fn withdrawal_deletes_each_withdrawn_category_s_cookies() {
    let (config, problems) = with_json(
        r#"{"categories": ["analytics", "functional"],
            "cookies": {"analytics": ["_pk_*"], "functional": ["yt_pref", "a b", "", "*", 5], "social": ["x"]}}"#,
        &[("data-ga-id", "G-A1")],
    );
    let codes: Vec<_> = problems.iter().map(|p| (p.code, p.key.as_str())).collect();
    assert_eq!(
        codes,
        [
            (Code::InvalidValue, "cookies.functional[1]"),
            (Code::InvalidValue, "cookies.functional[2]"),
            (Code::InvalidValue, "cookies.functional[3]"),
            (Code::InvalidValue, "cookies.functional[4]"),
            (Code::UnknownCategory, "cookies.social"),
        ]
    );
    assert!(problems[0].message().contains("cookie name"), "{}", problems[0].message());
    let analytics_only = Choices::all(&[Category::Analytics]);
    assert_eq!(gate::on_change(&config, true, analytics_only).clear_cookies, ["yt_pref"]);
    // GA's cookies come with gaId, whatever the site lists.
    assert_eq!(gate::on_change(&config, true, Choices::default()).clear_cookies, ["_pk_*", "yt_pref", "_ga", "_ga_*", "_gid", "_gat*"]);
    assert!(
        gate::cookie_matches("_pk_*", "_pk_id.1.abc")
            && !gate::cookie_matches("_pk_*", "_pk")
            && gate::cookie_matches("yt_pref", "yt_pref")
    );
}

#[test]
fn json_that_does_not_parse_says_where() {
    let text = "{\n  \"gaId\": \"G-X1\"\n  \"lang\": \"ja\"\n}";
    let error = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
    let (config, problems) =
        read(&[], config::Embedded::Syntax { source: "data-config=\"cfg\"", line: error.line(), column: error.column() });
    assert_eq!(config, Config::default());
    assert_eq!(problems.len(), 1);
    assert_eq!(
        (problems[0].code, problems[0].key.as_str(), problems[0].value.as_str()),
        (Code::ConfigSyntax, "data-config", "line 3, column 3")
    );
    assert_eq!(
        problems[0].message(),
        "consent-banner: data-config=\"cfg\" is not a JSON object: a syntax error at line 3, column 3; using the built-in configuration."
    );
}

// ---------------------------------------------------------------- the colour rule

#[test]
fn an_accent_colour_must_keep_aa_contrast_in_the_theme_it_is_for() {
    use config::Theme;
    use consent_banner::contrast;
    assert_eq!(contrast::parse("#0b57d0"), Some([0x0b, 0x57, 0xd0]));
    assert_eq!(contrast::parse("#FFFFFF"), Some([255, 255, 255]));
    assert_eq!(contrast::parse("#+12345"), None);
    assert_eq!(contrast::parse("blue"), None);
    // WCAG's own figures: black on white is 21:1, #777 on white about 4.48:1.
    assert!((contrast::ratio([0, 0, 0], [255, 255, 255], f64::powf) - 21.0).abs() < 1e-9);
    assert!((contrast::ratio([0x77, 0x77, 0x77], [255, 255, 255], f64::powf) - 4.48).abs() < 0.01);
    // The built-in accents pass in their own themes.
    assert_eq!(contrast::check_accent("#0b57d0", None, Theme::Light, f64::powf), None);
    assert_eq!(contrast::check_accent("#8ab4f8", None, Theme::Dark, f64::powf), None);
    // A light accent fails against white, and `auto` checks both themes.
    let problem = contrast::check_accent("#f4c542", None, Theme::Light, f64::powf).unwrap();
    assert_eq!((problem.code, problem.key.as_str(), problem.level), (Code::LowContrast, "--consent-banner-accent", Level::Warn));
    assert!(problem.message().contains("4.5:1") && problem.message().contains(&problem.value), "{}", problem.message());
    assert!(contrast::check_accent("#0b57d0", None, Theme::Auto, f64::powf).is_some(), "too dark for the dark theme");
    assert_eq!(contrast::check_accent("#7a1f5c", Some("#fdf6e3"), Theme::Light, f64::powf), None);
    assert_eq!(contrast::check_accent("red-ish", None, Theme::Light, f64::powf).map(|p| p.code), Some(Code::InvalidValue));
}
