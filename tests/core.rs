//! Native tests of the pure core: configuration, stored record, catalogue, gate and session.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;

use consent_banner::catalogue::{self, Lang, LangChoice};
use consent_banner::config::{self, Config, Level};
use consent_banner::consent::{self, Category, Choices, Env, Session, View};
use consent_banner::gate;
use consent_banner::json::{self, Json};
use consent_banner::record::{self, Record};
use consent_banner::timestamp;
use consent_banner::view;

const DAY: i64 = 86_400_000;
/// 2026-11-23T08:00:00.000Z
const NOW: i64 = 1_795_420_800_000;

/// The configuration a page with these script-tag attributes (and embedded JSON) gets.
fn read(pairs: &[(&str, &str)], embedded: config::Embedded) -> (Config, Vec<config::Problem>) {
    let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    config::read(|name| map.get(name).cloned(), embedded)
}

fn attrs(pairs: &[(&str, &str)]) -> (Config, Vec<config::Problem>) {
    read(pairs, config::Embedded::Absent)
}

// ---------------------------------------------------------------- timestamp

#[test]
fn timestamps_format_like_to_iso_string() {
    let cases = [
        (0, "1970-01-01T00:00:00.000Z"),
        (NOW, "2026-11-23T08:00:00.000Z"),
        (951_782_400_000, "2000-02-29T00:00:00.000Z"),
        (1_709_251_199_999, "2024-02-29T23:59:59.999Z"),
        (253_402_300_799_999, "9999-12-31T23:59:59.999Z"),
    ];
    for (ms, text) in cases {
        assert_eq!(timestamp::format(ms).as_deref(), Some(text), "format {ms}");
        assert_eq!(timestamp::parse(text), Some(ms), "parse {text}");
    }
    assert_eq!(timestamp::format(-1), None);
    assert_eq!(timestamp::format(253_402_300_800_000), None);
}

#[test]
fn timestamps_reject_anything_else() {
    for bad in [
        "",
        "2026-11-23",
        "2026-11-23T08:00:00Z",
        "2026-11-23T08:00:00.000+09:00",
        "2026-13-01T00:00:00.000Z",
        "2026-02-29T00:00:00.000Z",
        "2026-11-31T00:00:00.000Z",
        "2026-11-23T24:00:00.000Z",
        "2026-11-23T08:60:00.000Z",
        "1969-12-31T23:59:59.999Z",
        "2026-11-23T08:00:00.00xZ",
        "２０２６-11-23T08:00:00.000Z",
    ] {
        assert_eq!(timestamp::parse(bad), None, "{bad:?}");
    }
}

// ---------------------------------------------------------------- json

#[test]
fn json_reads_what_json_parse_reads() {
    let s = |v: &str| Json::String(v.into());
    let cases: &[(&str, Json)] = &[
        ("null", Json::Null),
        (" true ", Json::Bool(true)),
        ("false", Json::Bool(false)),
        ("0", Json::Number(Some(0))),
        ("-0", Json::Number(Some(0))),
        ("180", Json::Number(Some(180))),
        ("-42", Json::Number(Some(-42))),
        ("1.5", Json::Number(None)),
        ("1e3", Json::Number(None)),
        ("-2.5E-3", Json::Number(None)),
        ("99999999999999999999", Json::Number(None)),
        (r#""""#, s("")),
        (r#""a\"b\\c\/d\n\t""#, s("a\"b\\c/d\n\t")),
        (r#""\u65e5\u672c""#, s("日本")),
        (r#""\ud83c\udf6a""#, s("🍪")),
        (r#""\ud83c""#, s("\u{FFFD}")),
        (r#""日本語 ok""#, s("日本語 ok")),
        ("[]", Json::Array(vec![])),
        ("[1, [true], {}]", Json::Array(vec![Json::Number(Some(1)), Json::Array(vec![Json::Bool(true)]), Json::Object(vec![])])),
        (r#"{"a":1,"a":2}"#, Json::Object(vec![("a".into(), Json::Number(Some(1))), ("a".into(), Json::Number(Some(2)))])),
    ];
    for (text, expected) in cases {
        assert_eq!(json::parse(text).as_ref(), Some(expected), "{text}");
    }
    // The last of duplicate keys wins, as in JSON.parse.
    assert_eq!(json::parse(r#"{"a":1,"a":2}"#).unwrap().get("a"), Some(&Json::Number(Some(2))));
}

#[test]
fn json_refuses_what_json_parse_refuses() {
    let deep_ok = format!("{}{}", "[".repeat(64), "]".repeat(64));
    assert!(json::parse(&deep_ok).is_some());
    let too_deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    for bad in [
        "",
        " ",
        "nul",
        "True",
        "01",
        "-",
        "1.",
        ".5",
        "1e",
        "+1",
        "0x10",
        "NaN",
        "Infinity",
        "'a'",
        r#""a"#,
        r#""\x""#,
        r#""\u12""#,
        "\"tab\there\"",
        "[1,]",
        "[,1]",
        "[1 2]",
        r#"{"a"}"#,
        r#"{"a":}"#,
        r#"{a:1}"#,
        r#"{"a":1,}"#,
        r#"{"a":1"#,
        "[]]",
        "{} {}",
        "\u{feff}{}",
        too_deep.as_str(),
    ] {
        assert_eq!(json::parse(bad), None, "{bad:?}");
    }
}

#[test]
fn json_strings_round_trip() {
    for text in ["", "plain", "quote \" backslash \\ slash /", "ctl \u{1}\u{1f}\n\r\t", "日本語🍪", "</script>"] {
        let mut out = String::new();
        json::write_str(&mut out, text);
        assert_eq!(json::parse(&out), Some(Json::String(text.into())), "{out}");
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
    ]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(config.ga_id.as_deref(), Some("G-ABC123XYZ"));
    assert_eq!(config.policy_url.as_deref(), Some("/privacy/"));
    assert_eq!(config.lang, LangChoice::Fixed(Lang::Ja));
    assert_eq!(config.policy_version, "2026-11");
    assert_eq!(config.analytics_src.as_deref(), Some("/stub/gtag.js"));
    assert_eq!(config.expires_days, 395);
    assert!(!config.respect_gpc && !config.reopen);
    assert!(!config.analytics_refused);
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
    ];
    for &(name, value) in cases {
        let (config, problems) = attrs(&[(name, value)]);
        assert_eq!(problems.len(), 1, "{name}={value:?}: {problems:?}");
        assert_eq!(problems[0].level, Level::Error);
        let message = &problems[0].message;
        assert!(message.starts_with("consent-banner: "), "{message}");
        assert!(message.contains(name) && message.contains(value), "{message}");
        // The setting is treated as absent, except that a broken GA id switches analytics off altogether.
        let expected = Config { analytics_refused: name == "data-ga-id", ..Config::default() };
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
    for ok in [
        "/privacy/",
        "privacy.html",
        "https://example.jp/p",
        "HTTP://example.jp",
        "//cdn.example/x.js",
        "?q=1",
        "#top",
        "/a:b",
        "p?x=javascript:1",
    ] {
        assert!(config::is_safe_url(ok), "{ok}");
    }
    for bad in [
        "javascript:alert(1)",
        "\u{0}javascript:x",
        "vbscript:x",
        "data:,x",
        "file:///etc/passwd",
        "  ",
        "\n\tjava\nscript:x",
        "mailto:a@b",
    ] {
        assert!(!config::is_safe_url(bad), "{bad:?}");
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
    let cases: &[(LangChoice, Option<&str>, &[&str], Lang)] = &[
        (LangChoice::Auto, None, &[], Lang::En),
        (LangChoice::Auto, Some("ja"), &["en-US"], Lang::Ja),
        (LangChoice::Auto, Some("ja-JP"), &[], Lang::Ja),
        (LangChoice::Auto, Some("fr"), &["de", "ja-JP", "en"], Lang::Ja),
        (LangChoice::Auto, Some(""), &["en-GB", "ja"], Lang::En),
        (LangChoice::Auto, None, &["zh-CN", "ko"], Lang::En),
        (LangChoice::Auto, Some("EN"), &["ja"], Lang::En),
        (LangChoice::Fixed(Lang::Ja), Some("en"), &["en"], Lang::Ja),
        (LangChoice::Fixed(Lang::En), Some("ja"), &["ja"], Lang::En),
    ];
    for (choice, html, nav, expected) in cases {
        assert_eq!(catalogue::resolve(*choice, *html, nav), *expected, "{choice:?} {html:?} {nav:?}");
    }
}

#[test]
fn button_names_are_the_contract_s() {
    let en = catalogue::texts(Lang::En);
    let ja = catalogue::texts(Lang::Ja);
    assert_eq!(
        [en.accept_all, en.reject_all, en.settings, en.save, en.reopen],
        ["Accept all", "Reject all", "Settings", "Save settings", "Cookie settings"]
    );
    assert_eq!(
        [ja.accept_all, ja.reject_all, ja.settings, ja.save, ja.reopen],
        ["すべて同意する", "すべて拒否する", "設定", "設定を保存", "Cookie設定"]
    );
    // The switch shows the other language's own name.
    assert_eq!(catalogue::texts(Lang::En.other()).language_name, "日本語");
    assert_eq!(catalogue::texts(Lang::Ja.other()).language_name, "English");
    assert_eq!([ja.necessary.name, ja.analytics.name, ja.functional.name, ja.marketing.name], ["必須", "分析", "機能", "広告"]);
}

#[test]
fn no_text_implies_consent_by_browsing() {
    for lang in [Lang::En, Lang::Ja] {
        let t = catalogue::texts(lang);
        for text in [t.title, t.description, t.dialog_description] {
            for implied in ["continu", "みなし", "みなす", "閲覧を続け"] {
                assert!(!text.contains(implied), "{text}");
            }
        }
    }
}

// ---------------------------------------------------------------- record

fn stored(json: &str) -> Option<Record> {
    record::parse(json)
}

fn valid_json(categories: &str, decided: &str, expires: &str) -> String {
    format!(r#"{{"schema":1,"policyVersion":"1","categories":{categories},"decidedAt":"{decided}","expiresAt":"{expires}","lang":"ja"}}"#)
}

#[test]
fn a_good_record_is_a_decision() {
    let json = valid_json(r#"{"analytics":true}"#, "2026-11-20T08:00:00.000Z", "2027-05-19T08:00:00.000Z");
    let decision = record::validate(&stored(&json).unwrap(), NOW, "1", 180).unwrap();
    assert!(decision.choices.analytics);
    assert_eq!(decision.lang, Some(Lang::Ja));
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
        assert_eq!(record::validate(&record, NOW, "1", 180), None, "{json}");
    }
}

#[test]
fn a_lower_expiry_ends_a_decision_early() {
    let json = valid_json(r#"{"analytics":true}"#, "2026-10-01T08:00:00.000Z", "2027-03-30T08:00:00.000Z");
    let record = stored(&json).unwrap();
    assert!(record::validate(&record, NOW, "1", 180).is_some());
    // 2026-10-01T08:00 + 54 days is tomorrow; + 53 days is exactly now, so it has ended.
    assert!(record::validate(&record, NOW, "1", 54).is_some());
    assert!(record::validate(&record, NOW, "1", 53).is_none());
    assert!(record::validate(&record, NOW - 1, "1", 53).is_some());
}

#[test]
fn unknown_keys_and_categories_are_ignored() {
    let json = r#"{"schema":1,"policyVersion":"1","categories":{"analytics":false,"social":true},"decidedAt":"2026-11-20T08:00:00.000Z","expiresAt":"2027-05-19T08:00:00.000Z","future":{"x":1}}"#;
    let decision = record::validate(&stored(json).unwrap(), NOW, "1", 180).unwrap();
    assert_eq!(decision.choices, Choices::default());
    assert_eq!(decision.lang, None);
}

#[test]
fn a_new_record_has_the_contract_s_shape() {
    let record = record::new(Choices { analytics: true, ..Choices::default() }, &[Category::Analytics], NOW, "1", 180, Lang::Ja).unwrap();
    let json = record::to_json(&record);
    assert_eq!(
        json,
        r#"{"schema":1,"policyVersion":"1","categories":{"analytics":true},"decidedAt":"2026-11-23T08:00:00.000Z","expiresAt":"2027-05-22T08:00:00.000Z","lang":"ja"}"#
    );
    assert_eq!(record::parse(&json), Some(record));
}

// ---------------------------------------------------------------- gate

fn ga_config() -> Config {
    attrs(&[("data-ga-id", "G-TEST1")]).0
}

#[test]
fn consent_default_denies_everything_but_security() {
    let default = gate::consent_default();
    assert_eq!(default.len(), 7);
    for (name, granted) in default {
        assert_eq!(granted, name == "security_storage", "{name}");
    }
}

#[test]
fn categories_map_onto_consent_mode_types() {
    let mut config = ga_config();
    config.categories = vec![Category::Analytics, Category::Functional, Category::Marketing];
    let cases = [
        (Choices { analytics: true, ..Choices::default() }, &["analytics_storage"][..]),
        (Choices { functional: true, ..Choices::default() }, &["functionality_storage", "personalization_storage"][..]),
        (Choices { marketing: true, ..Choices::default() }, &["ad_storage", "ad_user_data", "ad_personalization"][..]),
        (Choices::default(), &[][..]),
    ];
    for (choices, granted) in cases {
        let update = gate::consent_update(&config, choices);
        assert_eq!(update.len(), 6);
        for (name, on) in update {
            assert_eq!(on, granted.contains(&name), "{choices:?} {name}");
        }
    }
    // An unconfigured category is never granted, whatever the choices say.
    let update = gate::consent_update(&ga_config(), Choices { marketing: true, ..Choices::default() });
    assert!(update.iter().all(|&(_, on)| !on));
}

#[test]
fn what_loads() {
    let config = ga_config();
    let yes = Choices { analytics: true, ..Choices::default() };
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
    let yes = Choices { analytics: true, ..Choices::default() };
    let no = Choices::default();
    // First yes on the page: load, with ga-disable cleared.
    let first = gate::on_change(&config, false, yes);
    assert!(first.load.is_some() && first.update.is_some() && !first.clear_cookies);
    assert_eq!(first.ga_disable, Some(("G-TEST1".into(), false)));
    // Withdrawal after loading: update denied, disable, delete cookies; nothing loads again.
    let withdraw = gate::on_change(&config, true, no);
    assert!(withdraw.load.is_none() && withdraw.clear_cookies);
    assert_eq!(withdraw.ga_disable, Some(("G-TEST1".into(), true)));
    assert!(withdraw.update.unwrap().iter().all(|&(_, on)| !on));
    // Yes again on the same page: an update, not a second script.
    let again = gate::on_change(&config, true, yes);
    assert!(again.load.is_none() && again.update.is_some());
    // A no before anything loaded sends no gtag command at all.
    let reject = gate::on_change(&config, false, no);
    assert!(reject.load.is_none() && reject.update.is_none() && reject.clear_cookies);
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
    let analytics = Choices { analytics: true, ..Choices::default() };
    let cases = [
        ("necessary", Choices::default(), true),
        ("analytics", Choices::default(), false),
        ("analytics", analytics, true),
        ("  analytics\tnecessary ", analytics, true),
        ("analytics marketing", analytics, false),
        ("analytics marketing", Choices { marketing: true, ..analytics }, true),
        ("functional", Choices::all(&Category::ALL), false),
        ("Analytics", analytics, false),
        ("", Choices::all(&Category::ALL), false),
    ];
    for (spec, choices, released) in cases {
        assert_eq!(gate::released(spec, &config, choices), released, "{spec:?} {choices:?}");
    }
}

// ---------------------------------------------------------------- session

fn env(gpc: bool) -> Env<'static> {
    Env { now: NOW, gpc_signal: gpc, html_lang: Some("ja"), navigator_languages: &[] }
}

#[test]
fn a_first_visit_asks_and_loads_nothing() {
    let mut session = Session::new(ga_config(), None, &env(false));
    assert_eq!(session.view(), View::Banner);
    assert_eq!(session.start(), gate::Effects::default());
    let state = session.state();
    assert!(!state.decided && !state.gpc && state.decided_at.is_none());
    assert_eq!(state.categories, vec![("analytics", false)]);
    assert_eq!(session.lang(), Lang::Ja);
}

#[test]
fn a_decision_is_stored_and_a_returning_yes_loads_without_a_click() {
    let mut session = Session::new(ga_config(), None, &env(false));
    let (record, effects) = session.decide(Choices::all(&Category::ALL), NOW);
    let record = record.unwrap();
    assert!(effects.load.is_some());
    assert_eq!(record.categories.len(), 1, "only configured categories are stored");
    assert_eq!(session.view(), View::Reopen);
    assert_eq!(session.state().decided_at.as_deref(), Some("2026-11-23T08:00:00.000Z"));

    let later = Env { now: NOW + DAY, ..env(false) };
    let mut next = Session::new(ga_config(), Some(&record), &later);
    assert_eq!(next.view(), View::Reopen);
    assert!(next.start().load.is_some());
    // A new policy version asks again and loads nothing.
    let mut changed = ga_config();
    changed.policy_version = "2".into();
    let mut asked = Session::new(changed, Some(&record), &later);
    assert_eq!(asked.view(), View::Banner);
    assert!(asked.start().load.is_none());
}

#[test]
fn a_stored_no_loads_nothing() {
    let mut session = Session::new(ga_config(), None, &env(false));
    let (record, effects) = session.decide(Choices::default(), NOW);
    assert!(effects.load.is_none());
    let mut next = Session::new(ga_config(), record.as_ref(), &env(false));
    assert_eq!(next.view(), View::Reopen);
    assert_eq!(next.start(), gate::Effects::default());
}

#[test]
fn reset_withdraws_and_asks_again() {
    let mut session = Session::new(ga_config(), None, &env(false));
    session.start();
    session.decide(Choices::all(&Category::ALL), NOW);
    let effects = session.reset();
    assert!(effects.clear_cookies && effects.load.is_none());
    assert_eq!(effects.ga_disable, Some(("G-TEST1".into(), true)));
    assert_eq!(session.view(), View::Banner);
    assert!(!session.state().decided);
}

#[test]
fn gpc_is_a_no_without_interrupting_and_a_later_choice_wins() {
    let mut session = Session::new(ga_config(), None, &env(true));
    assert_eq!(session.view(), View::Reopen);
    assert!(session.start().load.is_none());
    let state = session.state();
    assert!(state.gpc && !state.decided && state.categories.iter().all(|&(_, on)| !on));
    let (_, effects) = session.decide(Choices::all(&Category::ALL), NOW);
    assert!(effects.load.is_some());
    assert!(session.state().decided && session.state().gpc);

    let mut ignored = ga_config();
    ignored.respect_gpc = false;
    let session = Session::new(ignored, None, &env(true));
    assert_eq!(session.view(), View::Banner);
    assert!(!session.state().gpc);

    let mut hidden = ga_config();
    hidden.reopen = false;
    assert_eq!(Session::new(hidden, None, &env(true)).view(), View::Hidden);
}

#[test]
fn the_remembered_language_applies_when_the_site_says_auto() {
    let mut session = Session::new(ga_config(), None, &env(false));
    session.set_lang(Lang::En);
    let (record, _) = session.decide(Choices::default(), NOW);
    assert_eq!(Session::new(ga_config(), record.as_ref(), &env(false)).lang(), Lang::En);
    let mut fixed = ga_config();
    fixed.lang = LangChoice::Fixed(Lang::Ja);
    assert_eq!(Session::new(fixed, record.as_ref(), &env(false)).lang(), Lang::Ja);
}

// ---------------------------------------------------------------- configuration JSON

fn with_json(json: &str, pairs: &[(&str, &str)]) -> (Config, Vec<config::Problem>) {
    read(pairs, config::Embedded::Text { json, source: "data-config=\"cfg\"" })
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
    assert_eq!(config.ga_id.as_deref(), Some("G-JSON1"));
    assert_eq!(config.policy_url.as_deref(), Some("/privacy/"));
    assert_eq!(config.lang, LangChoice::Fixed(Lang::Ja));
    assert_eq!(config.policy_version, "7");
    assert_eq!(config.analytics_src.as_deref(), Some("/proxy/gtag.js"));
    assert_eq!(config.expires_days, 90);
    assert!(!config.respect_gpc && !config.reopen);
    assert_eq!(config.categories, vec![Category::Analytics, Category::Functional, Category::Marketing]);
    assert_eq!(config.services.len(), 2, "the site's ga4 replaces the built-in one");
    assert_eq!(config.services[0].recipient.get(Lang::Ja), "Google LLC（日本）");
    assert_eq!(config.services[0].data.get(Lang::Ja), "Pages viewed", "one string serves both languages");
    assert_eq!(config.services[0].purpose.get(Lang::En), "分析", "a missing language falls back to the other");
    assert_eq!(config.texts(Lang::En).title, "Our cookies");
    assert_eq!(config.texts(Lang::En).description, catalogue::texts(Lang::En).description, "missing texts fall back");
    assert_eq!(config.texts(Lang::Ja).title, "<img src=x onerror=alert(1)>", "kept as text, rendered as text");
}

#[test]
fn an_attribute_wins_over_the_json() {
    let (config, problems) = with_json(FULL, &[("data-lang", "en"), ("data-expires-days", "30"), ("data-ga-id", "G-ATTR")]);
    assert!(problems.is_empty());
    assert_eq!(config.lang, LangChoice::Fixed(Lang::En));
    assert_eq!(config.expires_days, 30);
    assert_eq!(config.ga_id.as_deref(), Some("G-ATTR"));
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
        assert!(problems[0].message.contains(&format!("\"{key}\"")), "{json}: {}", problems[0].message);
        assert!(problems[0].message.contains("data-config"), "{}", problems[0].message);
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
        assert!(problems[0].message.contains(key), "{}", problems[0].message);
        assert_eq!(config.expires_days, 180);
        assert_eq!(config.policy_url, None);
    }
    assert!(with_json(r#"{"gaId": "UA-1"}"#, &[]).0.analytics_refused);
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
        assert!(problems.iter().any(|p| p.message.contains(word)), "{word}");
    }
    assert_eq!(config.ga_id, None);
    assert_eq!(config.texts(Lang::En).accept_all, "Accept all", "button names are not replaceable");
    assert_eq!(config.services.len(), 1);
}

#[test]
fn broken_json_is_one_error_naming_data_config_and_the_built_in_configuration() {
    for json in ["{", "not json", "[]", "null", r#""gaId""#, ""] {
        let (config, problems) = with_json(json, &[]);
        assert_eq!(problems.len(), 1, "{json}");
        assert!(problems[0].message.contains("data-config=\"cfg\""), "{}", problems[0].message);
        assert_eq!(config, Config::default());
    }
    let (config, problems) = read(&[], config::Embedded::Missing("nowhere"));
    assert_eq!(problems.len(), 1);
    assert!(problems[0].message.contains("nowhere"));
    assert_eq!(config, Config::default());
}

#[test]
fn services_need_a_configured_category_and_the_built_in_ga4_fills_in() {
    let (config, problems) =
        with_json(r#"{"services": [{"id": "ads", "category": "marketing", "recipient": "Ad Co."}]}"#, &[("data-ga-id", "G-X1")]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].level, Level::Warn);
    assert!(problems[0].message.contains("ads"));
    assert_eq!(config.services, vec![config::ga4_service()]);
    let ga4 = config::ga4_service();
    assert_eq!(ga4.recipient.get(Lang::Ja), "Google LLC（Google アナリティクス 4）");
    assert_eq!(ga4.opt_out_url.as_deref(), Some("https://tools.google.com/dlpage/gaoptout"));
    assert_eq!(ga4.policy_url.as_deref(), Some("https://policies.google.com/privacy"));
    // With gaId, analytics is always a category, even when the list leaves it out.
    let (config, _) = with_json(r#"{"categories": ["marketing"]}"#, &[("data-ga-id", "G-X1")]);
    assert_eq!(config.categories, vec![Category::Analytics, Category::Marketing]);
    // Bad services are left out with an error each.
    let (config, problems) = with_json(
        r#"{"categories": ["analytics"], "services": [1, {"category": "analytics"}, {"id": "x", "category": "ads"}, {"id": "y", "category": "analytics", "optOutUrl": "javascript:1"}]}"#,
        &[],
    );
    assert_eq!(problems.len(), 4, "{problems:?}");
    assert!(config.services.is_empty());
}

#[test]
fn disclosure_rows_follow_categories_then_configuration_order() {
    let (config, _) = with_json(FULL, &[]);
    let headers_en = consent_banner::disclosure::headers(&config, Lang::En);
    let headers_ja = consent_banner::disclosure::headers(&config, Lang::Ja);
    assert_eq!(headers_en, ["Recipient", "Information sent", "Purpose", "Opt-out"]);
    assert_eq!(headers_ja, ["送信先", "送信される情報", "利用目的", "オプトアウト"]);
    let rows = consent_banner::disclosure::rows(&config, Lang::Ja);
    assert_eq!(rows.iter().map(|r| r.recipient).collect::<Vec<_>>(), ["Google LLC（日本）", "Ad Co."]);
    assert_eq!(rows[1].policy_url, Some("https://ads.example/privacy"));
    assert_eq!(rows[1].opt_out_url, None);
}

// ---------------------------------------------------------------- view

/// Every text node of a JsonML tree, in document order.
fn texts_of(node: &Json, out: &mut Vec<String>) {
    match node {
        Json::String(s) => out.push(s.clone()),
        Json::Array(items) => items.iter().skip(2).for_each(|n| texts_of(n, out)),
        _ => {}
    }
}

/// The attributes of every element whose `attribute` is `value`.
fn elements_with<'a>(node: &'a Json, attribute: &str, value: &str, out: &mut Vec<&'a Json>) {
    if let Json::Array(items) = node {
        if items.get(1).and_then(|a| a.get(attribute)).and_then(Json::as_str) == Some(value) {
            out.push(&items[1]);
        }
        items.iter().skip(2).for_each(|n| elements_with(n, attribute, value, out));
    }
}

/// A view's list of nodes as the children of one element, to walk it as a tree.
fn tree(json: &str) -> Json {
    let nodes = json::parse(json).and_then(|j| j.as_array().map(<[Json]>::to_vec)).unwrap_or_else(|| panic!("not a JSON array: {json}"));
    Json::Array([Json::Null, Json::Null].into_iter().chain(nodes).collect())
}

#[test]
fn configuration_text_is_a_text_node_never_markup() {
    let (config, _) = with_json(
        r#"{"gaId":"G-X1","policyUrl":"/p?a=\"<b>\"","texts":{"en":{"title":"<img src=x onerror=alert(1)>"}},"services":[{"id":"s","category":"analytics","recipient":"</script><b>x</b>"}]}"#,
        &[],
    );
    let banner = tree(&view::main(View::Banner, &config, Lang::En));
    let mut texts = Vec::new();
    texts_of(&banner, &mut texts);
    assert!(texts.contains(&"<img src=x onerror=alert(1)>".to_string()), "{texts:?}");
    let mut links = Vec::new();
    elements_with(&banner, "href", "/p?a=\"<b>\"", &mut links);
    assert_eq!(links.len(), 1);
    let dialog = tree(&view::dialog(&config, Lang::En, Choices::default()));
    let mut texts = Vec::new();
    texts_of(&dialog, &mut texts);
    assert!(texts.contains(&"</script><b>x</b>".to_string()), "{texts:?}");
}

#[test]
fn accept_and_reject_share_one_class_in_banner_and_dialog() {
    let config = ga_config();
    for lang in [Lang::En, Lang::Ja] {
        for json in [view::main(View::Banner, &config, lang), view::dialog(&config, lang, Choices::default())] {
            let t = tree(&json);
            let (mut accept, mut reject) = (Vec::new(), Vec::new());
            elements_with(&t, "data-action", "accept", &mut accept);
            elements_with(&t, "data-action", "reject", &mut reject);
            assert_eq!(accept.len(), 1);
            assert_eq!(accept[0].get("class"), reject[0].get("class"));
        }
    }
    assert_eq!(view::main(View::Hidden, &config, Lang::En), "[]");
}

#[test]
fn dialog_switches_show_the_draft_and_necessary_is_locked() {
    let (config, _) = with_json(FULL, &[]);
    let t = tree(&view::dialog(&config, Lang::En, Choices { marketing: true, ..Choices::default() }));
    let mut switches = Vec::new();
    elements_with(&t, "role", "switch", &mut switches);
    fn state(s: &Json) -> (Option<&str>, Option<&str>, bool) {
        (s.get("data-category").and_then(Json::as_str), s.get("aria-checked").and_then(Json::as_str), s.get("disabled").is_some())
    }
    assert_eq!(
        switches.iter().map(|s| state(s)).collect::<Vec<_>>(),
        [
            (Some("necessary"), Some("true"), true),
            (Some("analytics"), Some("false"), false),
            (Some("functional"), Some("false"), false),
            (Some("marketing"), Some("true"), false)
        ]
    );
}

#[test]
fn disclosure_tables_have_the_contract_s_headers_per_element_language() {
    let (config, _) = with_json(FULL, &[]);
    let t = tree(&view::disclosures(&config, &[Lang::Ja, Lang::En]));
    let mut texts = Vec::new();
    texts_of(&t, &mut texts);
    for header in ["送信先", "送信される情報", "利用目的", "オプトアウト", "Recipient", "Information sent", "Purpose", "Opt-out"]
    {
        assert!(texts.iter().any(|t| t == header), "{header}");
    }
    let mut tables = Vec::new();
    elements_with(&t, "lang", "ja", &mut tables);
    elements_with(&t, "lang", "en", &mut tables);
    assert_eq!(tables.len(), 2);
}

// ---------------------------------------------------------------- what the page is told

#[test]
fn consent_commands_are_gtag_argument_lists() {
    let command = gate::consent_command("default", &gate::consent_default());
    assert_eq!(
        command,
        r#"["consent","default",{"ad_storage":"denied","ad_user_data":"denied","ad_personalization":"denied","analytics_storage":"denied","functionality_storage":"denied","personalization_storage":"denied","security_storage":"granted"}]"#
    );
}

#[test]
fn expired_cookies_cover_host_only_and_every_parent_domain() {
    let deletions = gate::expired_cookies("keep=1; _ga=GA1.1.1; _ga_X=2;_gid=3", "www.example.test");
    for name in ["_ga", "_ga_X", "_gid"] {
        let expired = format!("{name}=; Max-Age=0; path=/");
        for want in [expired.clone(), format!("{expired}; domain=www.example.test"), format!("{expired}; domain=example.test")] {
            assert!(deletions.contains(&want), "{want} in {deletions:?}");
        }
    }
    assert_eq!(deletions.len(), 9);
    assert!(gate::expired_cookies("keep=1", "www.example.test").is_empty());
    assert_eq!(gate::expired_cookies("_ga=1", "localhost"), ["_ga=; Max-Age=0; path=/"]);
}

#[test]
fn the_api_state_is_get_s_object() {
    let mut session = Session::new(ga_config(), None, &env(true));
    assert_eq!(
        session.state().to_json(),
        r#"{"decided":false,"categories":{"analytics":false},"policyVersion":"1","decidedAt":null,"gpc":true}"#
    );
    session.decide(Choices::all(&Category::ALL), NOW);
    assert_eq!(
        session.state().to_json(),
        r#"{"decided":true,"categories":{"analytics":true},"policyVersion":"1","decidedAt":"2026-11-23T08:00:00.000Z","gpc":true}"#
    );
}

#[test]
fn set_takes_category_names_to_booleans() {
    let (values, problems) = consent::read_set(Some(r#"{"analytics":true,"marketing":false,"social":true}"#)).unwrap();
    assert_eq!(values, [(Category::Analytics, true), (Category::Marketing, false)]);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].level, Level::Warn);
    assert!(problems[0].message.contains("\"social\""));
    for bad in [None, Some("null"), Some("[]"), Some(r#""analytics""#), Some(r#"{"analytics":"yes"}"#), Some(r#"{"analytics":null}"#)] {
        let problem = consent::read_set(bad).unwrap_err();
        assert_eq!(problem.level, Level::Error, "{bad:?}");
        assert!(problem.message.starts_with("consent-banner: set() takes"), "{bad:?}");
    }
}
