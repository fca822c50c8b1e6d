//! Property tests: the parsers never panic, and every valid record survives write → read.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;

use consent_banner::catalogue::Lang;
use consent_banner::config;
use consent_banner::consent::{Category, Choices};
use consent_banner::json;
use consent_banner::record;
use consent_banner::timestamp;
use proptest::prelude::*;

proptest! {
    #[test]
    fn record_parse_never_panics(text in ".*") {
        if let Some(r) = record::parse(&text) {
            let _ = record::validate(&r, 0, "1", 180);
        }
    }

    #[test]
    fn record_parse_never_panics_on_json_like_input(text in r#"\{("[a-zA-Z]{0,14}":(-?[0-9]{1,3}|"[^"\\]{0,30}"|true|null|\{\}|\[\]),?){0,8}\}"#) {
        if let Some(r) = record::parse(&text) {
            let _ = record::validate(&r, 1_795_420_800_000, "1", 395);
        }
    }

    #[test]
    fn json_parse_never_panics(text in r#"[\[\]{}",:0-9.eE+\-a-z\\ u\x00-\x1f\u{80}-\u{10ffff}]{0,60}"#) {
        let _ = json::parse(&text);
    }

    #[test]
    fn json_strings_round_trip(text in r#"\PC*|[\x00-\x1f"\\]*"#) {
        let mut out = String::new();
        json::write_str(&mut out, &text);
        prop_assert_eq!(json::parse(&out), Some(json::Json::String(text)));
    }

    #[test]
    fn attributes_never_panic(values in proptest::collection::vec(".{0,40}", 9)) {
        let map: HashMap<&str, String> = config::ATTRIBUTES.iter().copied().zip(values).collect();
        let (_, problems) = config::read(|name| map.get(name).cloned(), config::Embedded::Absent);
        for p in problems {
            prop_assert!(p.message.starts_with("consent-banner: "));
        }
    }

    #[test]
    fn timestamps_round_trip(ms in 0i64..253_402_300_799_999) {
        let text = timestamp::format(ms).unwrap();
        prop_assert_eq!(timestamp::parse(&text), Some(ms));
    }

    #[test]
    fn valid_records_round_trip(
        analytics: bool, functional: bool, marketing: bool,
        now in 0i64..200_000_000_000_000,
        age in 0i64..86_400_000 * 395,
        days in 1u32..=395,
        version in ".{0,20}",
        ja: bool,
    ) {
        let choices = Choices { analytics, functional, marketing };
        let lang = if ja { Lang::Ja } else { Lang::En };
        let written = record::new(choices, &Category::ALL, now, &version, days, lang).unwrap();
        let text = record::to_json(&written);
        let read = record::parse(&text).unwrap();
        prop_assert_eq!(&read, &written);
        let later = now + age;
        let decision = record::validate(&read, later, &version, days);
        if age < i64::from(days) * 86_400_000 {
            let decision = decision.unwrap();
            prop_assert_eq!(decision.choices, choices);
            prop_assert_eq!(decision.decided_at, now);
            prop_assert_eq!(decision.lang, Some(lang));
        } else {
            prop_assert!(decision.is_none());
        }
    }
}

proptest! {
    #[test]
    fn configuration_never_panics(json in r#"\{("(gaId|lang|expiresDays|reopen|categories|services|texts|x)":(-?[0-9]{1,4}|"[^"\\]{0,12}"|true|null|\[("[a-z]{0,10}"|\{\}|1),?\]|\{"(en|ja|id|category)":("[a-z]{0,8}"|\{\}|2)\}),?){0,6}\}"#) {
        let (_, problems) = consent_banner::config::read(|_| None, consent_banner::config::Embedded::Text { json: &json, source: "data-config" });
        for p in problems {
            prop_assert!(p.message.starts_with("consent-banner: "));
        }
    }
}
