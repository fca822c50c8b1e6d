//! Browser-layer tests in headless Chromium (wasm-bindgen-test): storage, analytics effects,
//! rendering, and the whole entry on a page.
#![cfg(target_arch = "wasm32")]

use consent_banner::config::Config;
use consent_banner::consent::{Category, Choices};
use consent_banner::gate;
use consent_banner::web::{self, analytics, render, storage};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn js(code: &str) -> JsValue {
    js_sys::Function::new_no_args(code).call0(&JsValue::NULL).expect(code)
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn ga_config() -> Config {
    Config { ga_id: Some("G-BROWSER1".into()), ..Config::default() }
}

#[wasm_bindgen_test]
fn storage_reads_a_stored_record_and_survives_garbage() {
    js("localStorage.setItem('consent-banner', JSON.stringify({schema:1,policyVersion:'1',categories:{analytics:true},decidedAt:'2026-11-20T08:00:00.000Z',expiresAt:'2027-05-19T08:00:00.000Z'}))");
    let (_, record) = storage::open();
    assert_eq!(record.unwrap().categories, vec![("analytics".to_string(), true)]);
    js("localStorage.setItem('consent-banner', '{not json')");
    assert_eq!(storage::open().1, None);
    js("localStorage.removeItem('consent-banner')");
}

#[wasm_bindgen_test]
fn throwing_storage_is_no_decision_and_never_throws() {
    js("window.__orig = Storage.prototype.getItem; Storage.prototype.getItem = function () { throw new Error('denied') }");
    let (store, record) = storage::open();
    assert_eq!(record, None);
    // Writing and forgetting must not touch the throwing storage either.
    let r = consent_banner::record::new(
        Choices::default(),
        &[Category::Analytics],
        1_795_420_800_000,
        "1",
        180,
        consent_banner::catalogue::Lang::En,
    )
    .unwrap();
    store.write(&r);
    store.forget();
    js("Storage.prototype.getItem = window.__orig");
    assert_eq!(js("return localStorage.getItem('consent-banner')"), JsValue::NULL);
}

#[wasm_bindgen_test]
fn analytics_pushes_arguments_in_order_then_withdraws() {
    js("window.dataLayer = []; document.cookie = '_ga=GA1.1.1; path=/'; document.cookie = '_ga_X=1; path=/'; document.cookie = 'keep=1; path=/'");
    let config = Config { analytics_src: Some("/does-not-exist/gtag.js".into()), ..ga_config() };
    let yes = Choices { analytics: true, ..Choices::default() };
    analytics::apply(&gate::on_change(&config, false, yes));
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

    analytics::apply(&gate::on_change(&config, true, Choices::default()));
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
fn render_sets_configuration_text_as_text() {
    let handler: js_sys::Function = js("return function () {}").unchecked_into();
    let ui = render::Ui::mount(&document(), &handler).unwrap();
    let config = Config { policy_url: Some("/privacy/<img src=x onerror=alert(1)>".into()), ..ga_config() };
    for (lang, accept, reject) in [
        (consent_banner::catalogue::Lang::En, "Accept all", "Reject all"),
        (consent_banner::catalogue::Lang::Ja, "すべて同意する", "すべて拒否する"),
    ] {
        ui.draw(&render::Model { view: consent_banner::consent::View::Banner, lang, config: &config, dialog: Some(Choices::default()) });
        let names = js("const r = document.querySelector('consent-banner:last-of-type').shadowRoot; return [...r.querySelectorAll('.banner button')].map(b => b.textContent).join('|')");
        assert!(names.as_string().unwrap().starts_with(&[accept, "|", reject].concat()), "{names:?}");
        assert_eq!(
            js("const r = document.querySelector('consent-banner:last-of-type').shadowRoot; return r.querySelectorAll('img').length"),
            JsValue::from(0)
        );
        assert_eq!(
            js("const r = document.querySelector('consent-banner:last-of-type').shadowRoot; return r.querySelector('dialog').open"),
            JsValue::TRUE
        );
        assert_eq!(js("const r = document.querySelector('consent-banner:last-of-type').shadowRoot; return r.querySelector('[role=switch][data-category=necessary]').disabled"), JsValue::TRUE);
        assert_eq!(js("const r = document.querySelector('consent-banner:last-of-type').shadowRoot; return r.querySelector('[role=switch][data-category=analytics]').getAttribute('aria-checked')"), JsValue::from("false"));
    }
    ui.close_dialog();
    js("document.querySelector('consent-banner:last-of-type').remove()");
}

#[wasm_bindgen_test]
fn start_reads_the_tag_renders_and_decides() {
    js("localStorage.clear(); window.dataLayer = undefined;");
    let script = document().create_element("script").unwrap();
    script.set_attribute("data-ga-id", "G-START1").unwrap();
    script.set_attribute("data-analytics-src", "/nowhere/gtag.js").unwrap();
    script.set_attribute("data-lang", "ja").unwrap();
    let api = web::start(&script);
    assert_eq!(js("return document.querySelectorAll('consent-banner').length"), JsValue::from(1));
    assert_eq!(js("return window.dataLayer === undefined"), JsValue::TRUE, "nothing before a yes");
    let state = api.get();
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
    web::start(&script);
    assert_eq!(js("return document.querySelectorAll('consent-banner').length"), JsValue::from(1));
    api.reset();
    assert_eq!(js("return window.__events.join()"), JsValue::from("true,false"));
    assert_eq!(js("return localStorage.getItem('consent-banner')"), JsValue::NULL);
    assert_eq!(js("return document.querySelectorAll('script[src=\"/nowhere/gtag.js\"]').length"), JsValue::from(1));
}
