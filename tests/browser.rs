//! Browser-layer tests in headless Chromium (wasm-bindgen-test): the page primitives of
//! js/page.js as the Rust layer uses them (storage, analytics effects, rendering), and the whole
//! entry on a page.
#![cfg(target_arch = "wasm32")]

use consent_banner::catalogue::Lang;
use consent_banner::config::Config;
use consent_banner::consent::{Category, Choices, View};
use consent_banner::gate;
use consent_banner::view;
use consent_banner::web::{self, page};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

#[path = "common/builtins.rs"]
mod builtins;
use builtins::{Native, CASES, NOT_ISO, OTHER_URLS, WEB_URLS};
use consent_banner::config::{self, Urls};
use consent_banner::timestamp::Calendar;

wasm_bindgen_test_configure!(run_in_browser);

fn js(code: &str) -> JsValue {
    js_sys::Function::new_no_args(code).call0(&JsValue::NULL).expect(code)
}

fn ga_config() -> Config {
    Config { ga_id: Some("G-BROWSER1".into()), ..Config::default() }
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

#[wasm_bindgen_test]
fn storage_reads_text_null_or_nothing_and_never_throws() {
    js("localStorage.setItem('cb-test', 'stored')");
    assert_eq!(page::read("cb-test").as_string().as_deref(), Some("stored"));
    js("localStorage.removeItem('cb-test')");
    assert!(page::read("cb-test").is_null(), "absent is null");
    assert!(page::write("cb-test", Some("x")), "a readable storage takes writes");
    assert_eq!(js("return localStorage.getItem('cb-test')"), JsValue::from("x"));
    assert!(page::write("cb-test", None));
    assert_eq!(js("return localStorage.getItem('cb-test')"), JsValue::NULL);

    // Once reading throws, nothing is written either, and nothing throws into the page.
    js("window.__orig = Storage.prototype.getItem; Storage.prototype.getItem = function () { throw new Error('denied') }");
    assert!(page::read("cb-test").is_undefined(), "a throwing storage is undefined");
    assert!(!page::write("cb-test", Some("y")));
    js("Storage.prototype.getItem = window.__orig");
    assert_eq!(js("return localStorage.getItem('cb-test')"), JsValue::NULL);
}

#[wasm_bindgen_test]
fn analytics_pushes_arguments_in_order_then_withdraws() {
    js("window.dataLayer = []; document.cookie = '_ga=GA1.1.1; path=/'; document.cookie = '_ga_X=1; path=/'; document.cookie = 'keep=1; path=/'");
    let config = Config { analytics_src: Some("/does-not-exist/gtag.js".into()), ..ga_config() };
    let yes = Choices { analytics: true, ..Choices::default() };
    web::apply(&gate::on_change(&config, false, yes));
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
    assert_eq!(js("return document.querySelectorAll('script[src=\"/does-not-exist/gtag.js\"][async]').length"), JsValue::from(1));
    assert_eq!(js("return window['ga-disable-G-BROWSER1']"), JsValue::FALSE);

    web::apply(&gate::on_change(&config, true, Choices::default()));
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
}

#[wasm_bindgen_test]
fn parsed_json_is_read_through_the_value_trait() {
    use consent_banner::json::{Kind, Value};
    let v = page::parse(r#"{"a":[1,"x",true,null],"b":{"c":2.5}}"#);
    assert_eq!(v.kind(), Kind::Object);
    assert_eq!((v.len(), v.key(0), v.key(1)), (2, "a".to_string(), "b".to_string()));
    let a = v.get("a").unwrap();
    assert_eq!([a.at(0).kind(), a.at(1).kind(), a.at(2).kind(), a.at(3).kind()], [Kind::Number, Kind::String, Kind::Bool, Kind::Null]);
    assert_eq!((a.at(0).number(), a.at(1).string(), a.at(2).boolean()), (Some("1".to_string()), Some("x".to_string()), Some(true)));
    assert_eq!(v.at(1).get("c").and_then(|c| c.number()).as_deref(), Some("2.5"));
    assert!(v.get("missing").is_none());
    // Members read in one step: present or not, and a string or not.
    let s = page::parse(r#"{"s":"text","n":1,"z":null}"#);
    assert_eq!([s.has("s"), s.has("n"), s.has("z"), s.has("missing")], [true, true, true, false]);
    assert_eq!(
        (s.string_of("s"), s.string_of("n"), s.string_of("z"), s.string_of("missing")),
        (Some("text".to_string()), None, None, None)
    );
    assert_eq!(page::parse("{not json").kind(), Kind::Other);
    assert_eq!(js("return function () {}").kind(), Kind::Other);
}

#[wasm_bindgen_test]
fn views_become_nodes_with_text_as_text() {
    // The host the page primitives draw into: a second <consent-banner> if the entry test ran first.
    assert!(page::mount(":host{}"));
    let root = "const r = document.querySelector('consent-banner:last-of-type').shadowRoot;";
    let config = Config { policy_url: Some("/privacy/<img src=x onerror=alert(1)>".into()), ..ga_config() };
    for (lang, accept, reject) in [(Lang::En, "Accept all", "Reject all"), (Lang::Ja, "すべて同意する", "すべて拒否する")] {
        page::render(&view::main(View::Banner, &config, lang, Some(Choices::default())), page::MAIN | page::DIALOG);
        let names = js(&[root, "return [...r.querySelectorAll('.banner button')].map(b => b.textContent).join('|')"].concat());
        assert!(names.as_string().unwrap().starts_with(&[accept, "|", reject].concat()), "{names:?}");
        assert_eq!(js(&[root, "return r.querySelectorAll('img').length"].concat()), JsValue::from(0));
        assert_eq!(js(&[root, "return r.querySelector('dialog').open"].concat()), JsValue::TRUE);
        assert_eq!(js(&[root, "return r.querySelector('[role=switch][data-category=necessary]').disabled"].concat()), JsValue::TRUE);
        assert_eq!(
            js(&[root, "return r.querySelector('[role=switch][data-category=analytics]').getAttribute('aria-checked')"].concat()),
            JsValue::from("false")
        );
        page::check(Category::Analytics.key(), true);
        assert_eq!(
            js(&[root, "return r.querySelector('[role=switch][data-category=analytics]').getAttribute('aria-checked')"].concat()),
            JsValue::from("true")
        );
    }
    page::render(&view::main(View::Reopen, &config, Lang::En, None), page::DIALOG);
    assert_eq!(js(&[root, "return r.querySelectorAll('dialog').length"].concat()), JsValue::from(0));
    js("document.querySelector('consent-banner:last-of-type').remove()");
}

#[wasm_bindgen_test]
fn start_reads_the_tag_renders_and_decides() {
    js("localStorage.clear(); window.dataLayer = undefined;");
    let script = js("const s = document.createElement('script'); s.setAttribute('data-ga-id', 'G-START1'); s.setAttribute('data-analytics-src', '/nowhere/gtag.js'); s.setAttribute('data-lang', 'ja'); return s");
    // What the loader passes: the export that page events go to.
    let act = Closure::<dyn Fn(String, String)>::new(|action: String, category: String| web::act(&action, &category)).into_js_value();
    web::start(&script, JsValue::UNDEFINED, &act);
    assert_eq!(js("return window.dataLayer === undefined"), JsValue::TRUE, "nothing before a yes");
    // The banner is drawn on "ready", which page.js sends in the next task: sent here directly.
    assert_eq!(js("return document.querySelectorAll('consent-banner').length"), JsValue::from(0));
    web::act("ready", "");
    assert_eq!(js("return document.querySelectorAll('consent-banner').length"), JsValue::from(1));
    let state = web::api::get();
    assert_eq!(js_sys::Reflect::get(&state, &"decided".into()).unwrap(), JsValue::FALSE);
    assert_eq!(js_sys::Reflect::get(&state, &"decidedAt".into()).unwrap(), JsValue::NULL);

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
    web::start(&script, JsValue::UNDEFINED, &act);
    assert_eq!(js("return document.querySelectorAll('consent-banner').length"), JsValue::from(1));
    web::act("reset", "");
    assert_eq!(js("return window.__events.join()"), JsValue::from("true,false"));
    assert_eq!(js("return localStorage.getItem('consent-banner')"), JsValue::NULL);
    assert_eq!(js("return document.querySelectorAll('script[src=\"/nowhere/gtag.js\"]').length"), JsValue::from(1));
}
