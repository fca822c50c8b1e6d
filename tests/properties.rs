//! Property tests: reading the stored record and the configuration never panics on any JSON,
//! and every valid record survives write → read.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;

use consent_banner::catalogue::Lang;
use consent_banner::category::{Category, PerCategory};
use consent_banner::config;
use consent_banner::record::{self, Language};
use consent_banner::timestamp;
use proptest::prelude::*;

mod common;
use common::{parse_config, stored, Native};

/// Any JSON value, nested a few levels, with keys the readers look for among others.
fn any_json() -> impl Strategy<Value = serde_json::Value> {
    let key = prop_oneof![
        Just("schema".to_owned()),
        Just("categories".to_owned()),
        Just("analytics".to_owned()),
        Just("services".to_owned()),
        Just("texts".to_owned()),
        Just("en".to_owned()),
        Just("id".to_owned()),
        Just("category".to_owned()),
        Just("expiresDays".to_owned()),
        Just("reopen".to_owned()),
        ".{0,8}",
    ];
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i32>().prop_map(|n| serde_json::json!(n)),
        any::<f64>().prop_filter("finite", |n| n.is_finite()).prop_map(|n| serde_json::json!(n)),
        ".{0,12}".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 40, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            proptest::collection::vec((key.clone(), inner), 0..6)
                .prop_map(|members| serde_json::Value::Object(members.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn record_reading_never_panics(value in any_json()) {
        if let Some(r) = stored(&value.to_string()) {
            let _ = record::validate(&r, 1_795_420_800_000, "1", 395, &Native);
        }
    }

    #[test]
    fn record_reading_never_panics_on_json_like_input(text in r#"\{("[a-zA-Z]{0,14}":(-?[0-9]{1,3}|"[^"\\]{0,30}"|true|null|\{\}|\[\]),?){0,8}\}"#) {
        if let Some(r) = stored(&text) {
            let _ = record::validate(&r, 1_795_420_800_000, "1", 395, &Native);
        }
    }

    #[test]
    fn configuration_texts_round_trip(text in r#"\PC*|[\x00-\x1f"\\]*"#) {
        let json = serde_json::json!({ "texts": { "en": { "title": text } } }).to_string();
        let (config, problems) = config::read(|_| None, config::Embedded::Parsed { parsed: parse_config(&json), source: "data-config" }, &Native);
        prop_assert!(problems.is_empty());
        prop_assert_eq!(consent_banner::view::texts(&config, Lang::EN).title, text.as_str());
    }

    #[test]
    fn attributes_never_panic(values in proptest::collection::vec(".{0,40}", 10)) {
        let map: HashMap<&str, String> = config::ATTRIBUTES.iter().copied().zip(values).collect();
        let (_, problems) = config::read(|name| map.get(name).cloned(), config::Embedded::Absent, &Native);
        for p in problems {
            prop_assert!(p.message().starts_with("consent-banner: "));
        }
    }

    #[test]
    fn timestamps_round_trip(ms in 0i64..253_402_300_799_999) {
        let text = timestamp::format(&Native, ms).unwrap();
        prop_assert_eq!(timestamp::parse(&Native, &text), Some(ms));
    }

    #[test]
    fn valid_records_round_trip(
        analytics: bool, functional: bool, marketing: bool,
        now in 0i64..200_000_000_000_000,
        age in 0i64..86_400_000 * 395,
        days in 1u32..=395,
        version in ".{0,20}",
        ja: bool,
        chosen: bool,
    ) {
        let choices = PerCategory([analytics, functional, marketing]);
        let lang = if ja { "ja" } else { "en" };
        let written = record::new(choices, &Category::ALL, now, &version, days, Language { tag: lang, chosen }, &Native).unwrap();
        let text = serde_json::to_string(&written).unwrap();
        let read = stored(&text).unwrap();
        prop_assert_eq!(&read, &written);
        let later = now + age;
        let decision = record::validate(&read, later, &version, days, &Native);
        if age < i64::from(days) * 86_400_000 {
            let decision = decision.unwrap();
            prop_assert_eq!(decision.choices, choices);
            prop_assert_eq!(decision.decided_at, now);
            prop_assert_eq!(decision.lang.as_deref(), Some(lang));
            prop_assert_eq!(decision.lang_chosen, chosen);
        } else {
            prop_assert!(decision.is_none());
        }
    }
}

proptest! {
    #[test]
    fn configuration_never_panics(value in any_json()) {
        let (_, problems) = consent_banner::config::read(|_| None, consent_banner::config::Embedded::Parsed { parsed: config::parse(value), source: "data-config" }, &Native);
        for p in problems {
            prop_assert!(p.message().starts_with("consent-banner: "));
        }
    }

    #[test]
    fn configuration_never_panics_on_json_like_input(json in r#"\{("(gaId|lang|expiresDays|reopen|categories|services|texts|x)":(-?[0-9]{1,4}|"[^"\\]{0,12}"|true|null|\[("[a-z]{0,10}"|\{\}|1),?\]|\{"(en|ja|id|category)":("[a-z]{0,8}"|\{\}|2)\}),?){0,6}\}"#) {
        let (_, problems) = consent_banner::config::read(|_| None, consent_banner::config::Embedded::Parsed { parsed: parse_config(&json), source: "data-config" }, &Native);
        for p in problems {
            prop_assert!(p.message().starts_with("consent-banner: "));
        }
    }
}
