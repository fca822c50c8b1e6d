//! What the page is to the wasm, serde_json and `Native` are to the native tests: serde_json
//! reads the JSON the page would parse, and `Native` stands in for the page's `Date` and `URL`.
#![allow(dead_code)]

mod builtins;
#[allow(unused_imports)]
pub use builtins::{Native, CASES, NOT_ISO, OTHER_URLS, WEB_URLS};

use consent_banner::config::{self, Document};
use consent_banner::record::Record;

/// The JSON configuration as the core reads it; `None` for what is not JSON or not an object.
pub fn parse_config(text: &str) -> Option<Document> {
    config::parse(serde_json::from_str::<serde_json::Value>(text).ok()?)
}

/// A stored record as the page reads it (gloo-storage's JSON value, then the record in it):
/// anything that is not a record is none.
pub fn stored(text: &str) -> Option<Record> {
    serde_json::from_str::<serde_json::Value>(text).ok().and_then(Record::from_value)
}

/// A complete Korean catalogue, as a site adds it in `texts.ko` (every key of the built-in ones).
pub const KO: &str = r#"{
  "language": "한국어", "title": "이 사이트의 쿠키", "description": "동의하신 경우에만 분석 쿠키를 사용합니다. 언제든지 변경할 수 있습니다.",
  "policyLink": "개인정보 처리방침", "acceptAll": "모두 동의", "rejectAll": "모두 거부", "settings": "설정", "save": "설정 저장",
  "reopen": "쿠키 설정", "dialogTitle": "쿠키 설정", "dialogDescription": "이 사이트가 사용할 수 있는 쿠키를 선택하세요.",
  "close": "닫기", "alwaysOn": "항상 사용", "region": "쿠키 동의", "recipient": "수신자", "data": "전송되는 정보",
  "purpose": "이용 목적", "optOut": "거부", "links": "거부 및 정책", "servicePolicy": "개인정보 처리방침", "separator": ": ",
  "necessary": "필수", "necessaryText": "사이트 작동과 이 선택의 기록에 필요합니다.", "analytics": "분석",
  "analyticsText": "사이트 이용 현황을 분석하여 개선하는 데 사용합니다.", "functional": "기능",
  "functionalText": "설정을 기억하고 추가 기능을 제공합니다.", "marketing": "광고", "marketingText": "광고를 표시하고 효과를 측정합니다."
}"#;
