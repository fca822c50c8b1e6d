//! Browser-layer tests in headless Chromium (wasm-bindgen-test): the page's built-ins as the
//! core's calendar and URL parser, the storage guard and gloo-storage, serde_json and
//! serde-wasm-bindgen at the boundary, the analytics effects, and the whole entry on a page.
#![cfg(target_arch = "wasm32")]

use consent_banner::category::{Category, Choices};
use consent_banner::command;
use consent_banner::config::{self, Config, Urls};
use consent_banner::gate;
use consent_banner::problem::{Level, Problem};
use consent_banner::record::{self, Record};
use consent_banner::timestamp::Calendar;
use consent_banner::web::{self, page, storage::Store};
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

#[path = "common/builtins.rs"]
mod builtins;
use builtins::{Native, CASES, NOT_ISO, OTHER_URLS, WEB_URLS};

wasm_bindgen_test_configure!(run_in_browser);

fn js(code: &str) -> JsValue {
    js_sys::Function::new_no_args(code).call0(&JsValue::NULL).expect(code)
}

/// Lets the page run its queued tasks, so that what a call left for later has happened too.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// GA's cookies, as the configuration lists them for analytics with a GA id.
fn defaults_ga_cookies() -> Vec<(consent_banner::category::Category, String)> {
    consent_banner::defaults::GA_COOKIES.iter().map(|p| (consent_banner::category::Category::Analytics, p.to_string())).collect()
}

fn ga_config() -> Config {
    Config { analytics: config::Analytics::Ga4 { id: "G-BROWSER1".into(), src: None }, cookies: defaults_ga_cookies(), ..Config::default() }
}

#[wasm_bindgen_test]
fn the_page_builtins_are_date_and_url_and_the_native_stand_in_agrees() {
    for (ms, text) in CASES {
        assert_eq!(page::Builtins.format(ms).as_deref(), Some(text), "format {ms}");
        assert_eq!(page::Builtins.parse(text), Some(ms), "parse {text}");
    }
    for bad in NOT_ISO {
        assert_eq!(page::Builtins.parse(bad), None, "{bad:?}");
    }
    // Beyond Date's range there is no instant, and no text.
    assert_eq!(page::Builtins.format(8_640_000_000_000_001), None);
    assert_eq!(page::Builtins.parse("+275760-09-13T00:00:00.001Z"), None);
    // The tests of the core run on the stand-in: it must be Date, all over the record's range.
    let mut ms: i64 = 7;
    while ms < 253_402_300_799_999 {
        let text = page::Builtins.format(ms);
        assert_eq!(Native.format(ms), text, "stand-in formats {ms}");
        assert_eq!(Native.parse(text.as_deref().unwrap_or("")), Some(ms), "stand-in parses {text:?}");
        ms = ms * 3 + 86_399_999;
    }
    for url in WEB_URLS.iter().chain(&OTHER_URLS) {
        assert_eq!(page::Builtins.scheme(url), Native.scheme(url), "scheme of {url:?}");
    }
    for ok in WEB_URLS {
        assert!(config::is_safe_url(&page::Builtins, ok), "{ok:?}");
    }
    for bad in OTHER_URLS {
        assert!(!config::is_safe_url(&page::Builtins, bad), "{bad:?}");
    }
    // What the parser refuses has no scheme at all.
    assert_eq!(page::Builtins.scheme("http://[::1"), None);
}

fn a_record() -> Record {
    record::new(
        Choices::all(&[Category::Analytics]),
        &[consent_banner::category::Category::Analytics],
        1_795_420_800_000,
        "1",
        180,
        record::Language { tag: "ja", chosen: false },
        &page::Builtins,
    )
    .unwrap()
}

#[wasm_bindgen_test]
fn the_record_round_trips_through_gloo_storage_and_junk_reads_as_none() {
    js("localStorage.clear()");
    let store = Store::open();
    assert!(store.usable());
    assert_eq!(store.read(), None, "nothing stored");
    assert!(store.write(&a_record()).is_ok());
    assert_eq!(
        js("return localStorage.getItem('consent-banner')"),
        JsValue::from(
            r#"{"schema":1,"policyVersion":"1","categories":{"analytics":true},"decidedAt":"2026-11-23T08:00:00.000Z","expiresAt":"2027-05-22T08:00:00.000Z","lang":"ja"}"#
        )
    );
    assert_eq!(store.read(), Some(a_record()));
    for junk in ["not json", "[]", "null", r#"[1,"1",{},"2026-11-20T08:00:00.000Z","2027-05-19T08:00:00.000Z"]"#, r#"{"schema":1}"#] {
        js(&format!("localStorage.setItem('consent-banner', {})", serde_json::to_string(junk).unwrap()));
        assert_eq!(store.read(), None, "{junk}");
    }
    assert!(store.remove().is_ok());
    assert_eq!(js("return localStorage.getItem('consent-banner')"), JsValue::NULL);
}

#[wasm_bindgen_test]
fn storage_that_throws_is_refused_before_gloo_storage_sees_it() {
    js("localStorage.setItem('consent-banner', 'x')");
    // Its methods throw.
    js("window.__orig = Storage.prototype.getItem; Storage.prototype.getItem = function () { throw new DOMException('denied', 'SecurityError') }");
    let store = Store::open();
    js("Storage.prototype.getItem = window.__orig");
    assert!(!store.usable());
    assert_eq!(store.read(), None);
    assert!(store.write(&a_record()).is_err());
    assert!(store.remove().is_err());
    assert_eq!(js("return localStorage.getItem('consent-banner')"), JsValue::from("x"), "nothing written or removed");
    // The localStorage getter itself throws.
    js("window.__desc = Object.getOwnPropertyDescriptor(window, 'localStorage'); Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('denied', 'SecurityError') } })");
    let store = Store::open();
    js("Object.defineProperty(window, 'localStorage', window.__desc)");
    assert!(!store.usable());
    assert_eq!(store.read(), None);
    js("localStorage.clear()");
}

/// The configuration read from a JS value, as `mount(config)` and `data-config` give it.
fn from_js(code: &str) -> (Config, Vec<Problem>) {
    let value = js(code);
    let parsed = page::config_of(&value);
    config::read(|_| None, config::Embedded::Parsed { parsed, source: "mount(config)" }, &page::Builtins)
}

#[wasm_bindgen_test]
fn a_page_object_is_read_as_configuration_leniently() {
    let (config, problems) = from_js(
        "return { gaId: 'G-JS1', expiresDays: 30, reopen: false, categories: ['analytics', 'marketing'],
                  services: [{ id: 'ads', category: 'marketing', recipient: { en: 'Ads', ja: '広告' } }], texts: { ja: { title: 'タイトル' } } }",
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!((config.ga_id(), config.expires_days, config.reopen), (Some("G-JS1"), 30, false));
    assert_eq!(config.services.len(), 2, "the site's service and the built-in GA4 one");
    assert_eq!(consent_banner::view::texts(&config, consent_banner::catalogue::Lang::JA).title, "タイトル");
    // One message per wrong value, each naming its key; the rest still applies.
    let (config, problems) = from_js("return { gaId: 5, expiresDays: '30', lang: 'ja', texts: [], gaid: 'G-X', services: [1] }");
    let messages: Vec<_> = problems.iter().map(|p| (p.level, p.message().clone())).collect();
    assert_eq!(problems.len(), 5, "{messages:?}");
    for key in ["\"gaId\"", "\"expiresDays\"", "\"texts\"", "gaid", "a service"] {
        assert!(problems.iter().any(|p| p.message().contains(key)), "{key}: {messages:?}");
    }
    assert_eq!(problems.iter().filter(|p| p.level == Level::Warn).count(), 1);
    assert_eq!(config.lang, consent_banner::catalogue::LangChoice::Fixed(consent_banner::catalogue::Lang::JA));
    assert_eq!(config.expires_days, 180);
    // Not an object at all.
    for bad in ["return []", "return 'gaId'", "return null"] {
        assert!(page::config_of(&js(bad)).is_none(), "{bad}");
    }
}

#[wasm_bindgen_test]
fn analytics_pushes_arguments_in_order_then_withdraws() {
    js("window.dataLayer = []; document.cookie = '_ga=GA1.1.1; path=/'; document.cookie = '_ga_X=1; path=/'; document.cookie = 'keep=1; path=/'");
    let config = Config {
        analytics: config::Analytics::Ga4 { id: "G-BROWSER1".into(), src: Some("/does-not-exist/gtag.js".into()) },
        ..ga_config()
    };
    let yes = Choices::all(&[Category::Analytics]);
    web::carry_out(command::analytics(gate::on_change(&config, false, yes)));
    let log = js("return window.dataLayer.map(a => [Object.prototype.toString.call(a), a[0], a[1] instanceof Date ? 'date' : typeof a[1] === 'object' ? JSON.stringify(a[1]) : a[1], a[2] ? a[2].analytics_storage : null].join('|')).join('\\n')");
    assert_eq!(
        log.as_string().unwrap(),
        [
            r#"[object Arguments]|consent|default|denied"#,
            r#"[object Arguments]|consent|update|granted"#,
            r#"[object Arguments]|js|date|"#,
            r#"[object Arguments]|config|G-BROWSER1|"#,
        ]
        .join("\n")
    );
    assert_eq!(js("return window.dataLayer[0][2].security_storage + window.dataLayer[0][2].ad_storage"), JsValue::from("granteddenied"));
    assert_eq!(js("return document.querySelectorAll('script[src=\"/does-not-exist/gtag.js\"][async]').length"), JsValue::from(1));
    assert_eq!(js("return window['ga-disable-G-BROWSER1']"), JsValue::FALSE);

    web::carry_out(command::analytics(gate::on_change(&config, true, Choices::default())));
    assert_eq!(js("return window['ga-disable-G-BROWSER1']"), JsValue::TRUE);
    assert_eq!(js("return window.dataLayer[4][1] + ':' + window.dataLayer[4][2].analytics_storage"), JsValue::from("update:denied"));
    let cookies = js("return document.cookie").as_string().unwrap();
    assert!(!cookies.contains("_ga"), "{cookies}");
    assert!(cookies.contains("keep=1"), "{cookies}");
    assert_eq!(
        js("return document.querySelectorAll('script[src=\"/does-not-exist/gtag.js\"]').length"),
        JsValue::from(1),
        "withdrawal loads nothing"
    );
    // A page that made dataLayer something else: nothing throws.
    js("window.dataLayer = 5");
    web::carry_out(command::analytics(gate::on_change(&config, true, yes)));
}

#[wasm_bindgen_test]
fn page_values_reach_serde_json_as_the_page_wrote_them() {
    // `undefined` stays a value (null) to report, where JSON.stringify would drop the key; a lone
    // surrogate becomes U+FFFD, as in every string the page hands the module.
    let value = js("return { gaId: undefined, title: 'a\\ud800b', list: [undefined, 1] }");
    assert_eq!(page::json_of(&value).as_deref(), Some("{\"gaId\":null,\"title\":\"a\u{fffd}b\",\"list\":[null,1]}"));
    assert_eq!(page::json_of(&js("return undefined")).as_deref(), Some("null"));
    // What the page cannot stringify is not a configuration.
    assert_eq!(page::json_of(&js("return { n: 1n }")), None);
    assert_eq!(page::json_of(&js("const o = {}; o.o = o; return o")), None);

    // data-config as the page's JSON.parse reads it: a duplicate key is the last one, and a lone
    // surrogate escape voids nothing.
    let parsed = js(r#"return JSON.parse('{"gaId":"G-FIRST","gaId":"G-LAST","texts":{"en":{"title":"x\\ud800y"}}}')"#);
    let document = page::config_of(&parsed).expect("an object");
    assert_eq!(document["gaId"], Value::from("G-LAST"));
    assert_eq!(document["texts"]["en"]["title"], Value::from("x\u{fffd}y"));
    // mount({ gaId: undefined }) is reported as the value it is, not taken as absent.
    let parsed = page::config_of(&js("return { gaId: undefined, reopen: false }")).expect("an object");
    assert_eq!(parsed["gaId"], Value::Null);
    assert_eq!(parsed["reopen"], Value::Bool(false));
    assert!(page::config_of(&js("return [1, 2]")).is_none());
    assert!(page::config_of(&js("return 'text'")).is_none());
}

#[wasm_bindgen_test]
async fn start_reads_the_tag_renders_and_decides() {
    js("localStorage.clear(); window.dataLayer = undefined;");
    let script = js("const s = document.createElement('script'); s.setAttribute('data-ga-id', 'G-START1'); s.setAttribute('data-analytics-src', '/nowhere/gtag.js'); s.setAttribute('data-lang', 'ja'); return s");
    web::start(Some(script.clone().unchecked_into()), JsValue::UNDEFINED);
    assert_eq!(js("return window.dataLayer === undefined"), JsValue::TRUE, "nothing before a yes");
    // The page is parsed, so the banner is drawn in the task after the start, with nothing else
    // to wait for (two short tasks rather than one long one).
    assert_eq!(js("return document.readyState === 'loading'"), JsValue::FALSE);
    assert_eq!(js("return document.querySelectorAll('consent-banner').length"), JsValue::from(0));
    next_task().await;
    assert_eq!(js("return document.querySelectorAll('consent-banner').length"), JsValue::from(1));
    let state = web::api::get();
    assert_eq!(js_sys::Reflect::get(&state, &"decided".into()).unwrap(), JsValue::FALSE);
    assert_eq!(js_sys::Reflect::get(&state, &"decidedAt".into()).unwrap(), JsValue::NULL);
    let categories = js_sys::Reflect::get(&state, &"categories".into()).unwrap();
    assert_eq!(js_sys::JSON::stringify(&categories).unwrap(), "{\"analytics\":false}");

    js("window.__events = []; document.addEventListener('consent-banner:change', e => window.__events.push(e.detail.decided))");
    js("document.querySelector('consent-banner').shadowRoot.querySelector('[data-action=accept]').click()");
    assert_eq!(js("return window.__events.join()"), JsValue::from("true"));
    assert_eq!(js("return JSON.parse(localStorage.getItem('consent-banner')).categories.analytics"), JsValue::TRUE);
    assert_eq!(js("return JSON.parse(localStorage.getItem('consent-banner')).lang"), JsValue::from("ja"));
    assert_eq!(
        js("return document.querySelector('consent-banner').shadowRoot.querySelector('.reopen').textContent"),
        JsValue::from("Cookie設定")
    );

    // A second start (a second copy of the tag) is the same banner.
    web::start(Some(script.unchecked_into()), JsValue::UNDEFINED);
    next_task().await;
    assert_eq!(js("return document.querySelectorAll('consent-banner').length"), JsValue::from(1));
    web::reset();
    assert_eq!(js("return window.__events.join()"), JsValue::from("true,false"));
    assert_eq!(js("return localStorage.getItem('consent-banner')"), JsValue::NULL);
    assert_eq!(js("return document.querySelectorAll('script[src=\"/nowhere/gtag.js\"]').length"), JsValue::from(1));
    // set() through serde_json: an object of booleans decides; anything else decides nothing.
    web::api::set(js("return { analytics: true }"));
    assert_eq!(js("return window.__events.join()"), JsValue::from("true,false,true"));
    web::api::set(js("return [true]"));
    web::api::set(js("return { analytics: 'yes' }"));
    web::api::set(js("return { analytics: undefined }"));
    web::api::set(JsValue::UNDEFINED);
    assert_eq!(js("return window.__events.join()"), JsValue::from("true,false,true"));
}
