//! Native table tests of `Session::update`: every message in every state the banner can be in,
//! with the commands it answers (in order) and the state it leaves.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::Native;

use consent_banner::category::{Category, Choices};
use consent_banner::command::{Command, Focus};
use consent_banner::config::{self, Config};
use consent_banner::consent::Requested;
use consent_banner::record::Record;
use consent_banner::session::{Env, Found, Msg, Origin, Session, View};

/// 2026-11-23T08:00:00.000Z
const NOW: i64 = 1_795_420_800_000;

static JA: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| vec!["ja".to_string()]);

/// GA4 with the analytics and functional categories.
fn config(gpc: &str) -> Config {
    let json = r#"{"categories": ["analytics", "functional"]}"#;
    let parsed = common::parse_config(json);
    let attrs = [("data-ga-id", "G-TEST1"), ("data-gpc", gpc)];
    let (config, problems) = config::read(
        |name| attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string()),
        config::Embedded::Parsed { parsed, source: "test" },
        &Native,
    );
    assert!(problems.is_empty(), "{problems:?}");
    config
}

fn session(gpc: bool, stored: Option<&Record>) -> Session {
    Session::new(config("respect"), stored, &Env { now: NOW, gpc_signal: gpc, languages: &JA }, &Native)
}

fn send(session: &mut Session, msg: Msg) -> Vec<Command> {
    session.update(msg, NOW, &Native)
}

/// The states a page's banner can be in, each reached by messages, as the page reaches it.
fn states() -> Vec<(&'static str, Session)> {
    let started = |gpc: bool, stored: Option<&Record>, msgs: Vec<Msg>| {
        let mut s = session(gpc, stored);
        for msg in [Msg::Start, Msg::Ready(Found::default())].into_iter().chain(msgs) {
            send(&mut s, msg);
        }
        s
    };
    let mut yes = session(false, None);
    let stored_yes = send(&mut yes, Msg::Accept(Origin::Api))
        .into_iter()
        .find_map(|c| if let Command::Store(r) = c { Some(r) } else { None })
        .expect("a decision is stored");
    vec![
        ("asking", started(false, None, vec![])),
        ("asking, dialog open", started(false, None, vec![Msg::Open])),
        ("decided yes on this page", started(false, None, vec![Msg::Accept(Origin::Api)])),
        ("decided no on this page", started(false, None, vec![Msg::Reject(Origin::Api)])),
        ("returning yes", started(false, Some(&stored_yes), vec![])),
        ("returning yes, dialog open", started(false, Some(&stored_yes), vec![Msg::Open])),
        ("gpc", started(true, None, vec![])),
    ]
}

/// A command in a word, with what matters of it.
fn word(command: &Command) -> String {
    match command {
        Command::Log(p) => format!("Log({:?})", p.level),
        Command::Store(r) => format!("Store(analytics={:?})", r.categories.0.get(Category::Analytics)),
        Command::Forget { fallback } => format!(
            "Forget(fallback={})",
            fallback.as_ref().map_or("none", |r| if r.categories.0.get(Category::Analytics) == Some(false) { "no" } else { "?" })
        ),
        Command::Consent(kind, types) => {
            let analytics = types.0.iter().find(|(n, _)| *n == "analytics_storage").map(|(_, g)| *g);
            format!("Consent({}, analytics={analytics:?})", kind.name())
        }
        Command::GaDisable { disabled, .. } => format!("GaDisable({disabled})"),
        Command::LoadScript(_) => "LoadScript".into(),
        Command::ConfigureGa(_) => "ConfigureGa".into(),
        Command::ClearCookies(patterns) => format!("ClearCookies({})", patterns.len()),
        Command::DrawMain => "DrawMain".into(),
        Command::DrawDialog => "DrawDialog".into(),
        Command::Check(c, on) => format!("Check({}, {on})", c.key()),
        Command::Focus(f) => format!("Focus({f:?})"),
        Command::FillDisclosures => "FillDisclosures".into(),
        Command::ReleaseScripts => "ReleaseScripts".into(),
        Command::Emit(state) => {
            format!("Emit(decided={}, analytics={})", state.decided, state.categories.get(Category::Analytics).unwrap())
        }
    }
}

fn words(commands: &[Command]) -> String {
    commands.iter().map(word).collect::<Vec<_>>().join(" ")
}

/// What the session is after a message: its view, the dialog's draft, the decision.
fn after(s: &Session) -> String {
    let dialog = s
        .dialog()
        .map_or("closed".into(), |d| format!("draft a={} f={}", d.draft.get(Category::Analytics), d.draft.get(Category::Functional)));
    let state = s.state(&Native);
    format!("{:?}, {dialog}, decided={} a={}", s.view(), state.decided, state.categories.get(Category::Analytics).unwrap())
}

/// Every message, once.
fn messages() -> Vec<(&'static str, Msg)> {
    vec![
        ("Start", Msg::Start),
        ("Ready", Msg::Ready(Found::default())),
        ("Accept(Visitor)", Msg::Accept(Origin::Visitor)),
        ("Accept(Api)", Msg::Accept(Origin::Api)),
        ("Reject(Visitor)", Msg::Reject(Origin::Visitor)),
        ("Reject(Api)", Msg::Reject(Origin::Api)),
        ("Save", Msg::Save),
        ("Set(functional)", Msg::Set(Some(Requested(vec![("functional".into(), true), ("social".into(), true)])))),
        ("Set(not an object)", Msg::Set(None)),
        ("Reset", Msg::Reset),
        ("Open", Msg::Open),
        ("Close", Msg::Close),
        ("Toggle(analytics)", Msg::Toggle(Category::Analytics)),
        ("Toggle(marketing)", Msg::Toggle(Category::Marketing)),
        ("PickLanguage(en)", Msg::PickLanguage("en".into())),
        ("PickLanguage(ja)", Msg::PickLanguage("ja".into())),
        ("PickLanguage(ko)", Msg::PickLanguage("ko".into())),
    ]
}

/// The analytics commands, in the contract's order.
const FIRST_YES: &str = "Consent(default, analytics=Some(false)) Consent(update, analytics=Some(true)) LoadScript ConfigureGa";
const FIRST_YES_CLICKED: &str =
    "Consent(default, analytics=Some(false)) Consent(update, analytics=Some(true)) GaDisable(false) LoadScript ConfigureGa";
const AGAIN_YES: &str = "Consent(update, analytics=Some(true)) GaDisable(false)";
const NO_AFTER_LOAD: &str = "Consent(update, analytics=Some(false)) GaDisable(true) ClearCookies(4)";
const NO: &str = "GaDisable(true) ClearCookies(4)";

/// (state, message) → (the commands, what the session is after: `same`, `dialog` (now open),
/// `closed` (now closed), `toggled`, or exactly what `after` says).
fn expected(state: &str, msg: &str) -> (String, &'static str) {
    // The analytics script is in the page: a later yes is an update, a no has one too.
    let loaded = matches!(state, "decided yes on this page" | "returning yes" | "returning yes, dialog open");
    let dialog = state.ends_with("dialog open");
    let yes = format!("Store(analytics=Some(true)) {}", if loaded { AGAIN_YES } else { FIRST_YES_CLICKED });
    let no = format!("Store(analytics=Some(false)) {}", if loaded { NO_AFTER_LOAD } else { NO });
    // Drawn again, the dialog closed, focus back where the visitor was, then the news.
    let decided = |analytics: &str, visitor: bool, granted: bool| {
        let close = if dialog { " DrawDialog" } else { "" };
        let focus = match (visitor, dialog) {
            (false, _) => "",
            (true, true) => " Focus(Opener)",
            (true, false) => " Focus(Settings)",
        };
        format!("{analytics} DrawMain{close}{focus} ReleaseScripts Emit(decided=true, analytics={granted})")
    };
    const YES_AFTER: &str = "Reopen, closed, decided=true a=true";
    const NO_AFTER: &str = "Reopen, closed, decided=true a=false";
    match msg {
        // Every state here has started: a second start loads nothing twice.
        "Start" => (String::new(), "same"),
        "Ready" => ("DrawMain DrawDialog FillDisclosures ReleaseScripts".into(), "same"),
        "Accept(Visitor)" => (decided(&yes, true, true), YES_AFTER),
        "Accept(Api)" => (decided(&yes, false, true), YES_AFTER),
        "Reject(Visitor)" => (decided(&no, true, false), NO_AFTER),
        "Reject(Api)" => (decided(&no, false, false), NO_AFTER),
        // The draft is the choices in force when the dialog opened.
        "Save" if dialog && loaded => (decided(&yes, true, true), YES_AFTER),
        "Save" if dialog => (decided(&no, true, false), NO_AFTER),
        "Save" => (String::new(), "same"),
        // `set()` keeps the categories it does not name; an unknown name is a warning.
        "Set(functional)" if loaded => (format!("Log(Warn) {}", decided(&yes, false, true)), YES_AFTER),
        "Set(functional)" => (format!("Log(Warn) {}", decided(&no, false, false)), NO_AFTER),
        "Set(not an object)" => ("Log(Error)".into(), "same"),
        "Reset" => {
            let withdraw = if loaded { NO_AFTER_LOAD } else { NO };
            let close = if dialog { " DrawDialog" } else { "" };
            let after = if state == "gpc" { "Reopen, closed, decided=false a=false" } else { "Banner, closed, decided=false a=false" };
            (format!("{withdraw} Forget(fallback=no) DrawMain{close} Emit(decided=false, analytics=false)"), after)
        }
        // Open already: the unsaved switches stay.
        "Open" if dialog => (String::new(), "same"),
        "Open" => ("DrawDialog".into(), "dialog"),
        "Close" if dialog => ("DrawDialog Focus(Opener)".into(), "closed"),
        "Close" => (String::new(), "same"),
        "Toggle(analytics)" if dialog => (format!("Check(analytics, {})", !loaded), "toggled"),
        // No dialog, or a category the site did not configure: nothing.
        "Toggle(analytics)" | "Toggle(marketing)" => (String::new(), "same"),
        "PickLanguage(en)" => {
            (format!("DrawMain{} FillDisclosures Focus(LanguageSwitch)", if dialog { " DrawDialog" } else { "" }), "same")
        }
        // The language already shown, or one the banner does not have: nothing.
        "PickLanguage(ja)" | "PickLanguage(ko)" => (String::new(), "same"),
        other => panic!("no row for {other}"),
    }
}

#[test]
fn every_message_in_every_state() {
    let names: Vec<&str> = states().into_iter().map(|(n, _)| n).collect();
    assert_eq!(names.len(), 7);
    for (i, state) in names.iter().enumerate() {
        for (j, (msg_name, _)) in messages().into_iter().enumerate() {
            // A fresh session in that state for each message: sessions are not copied.
            let mut s = states().swap_remove(i).1;
            let msg = messages().swap_remove(j).1;
            let before = after(&s);
            let commands = send(&mut s, msg);
            let (want, want_after) = expected(state, msg_name);
            assert_eq!(words(&commands), want, "{state} + {msg_name}");
            let now = after(&s);
            match want_after {
                "same" => assert_eq!(now, before, "{state} + {msg_name}"),
                "dialog" => assert!(now.contains("draft") && !before.contains("draft"), "{state} + {msg_name}: {now}"),
                "closed" => assert!(now.contains("closed") && !before.contains("closed"), "{state} + {msg_name}: {now}"),
                "toggled" => assert_ne!(now, before, "{state} + {msg_name}"),
                exact => assert_eq!(now, exact, "{state} + {msg_name}"),
            }
        }
    }
}

#[test]
fn a_stored_yes_starts_analytics_as_the_page_loads_and_a_first_visit_nothing() {
    let mut yes = session(false, None);
    let record = send(&mut yes, Msg::Accept(Origin::Api)).into_iter().find_map(|c| if let Command::Store(r) = c { Some(r) } else { None });
    assert_eq!(words(&send(&mut session(false, record.as_ref()), Msg::Start)), FIRST_YES);
    assert_eq!(words(&send(&mut session(false, None), Msg::Start)), "");
    assert_eq!(words(&send(&mut session(true, None), Msg::Start)), "");
}

#[test]
fn a_language_switch_changes_the_language_and_is_remembered_with_the_decision() {
    let mut s = session(false, None);
    send(&mut s, Msg::PickLanguage("en".into()));
    assert_eq!(s.config().tag(s.lang()), "en");
    let stored =
        send(&mut s, Msg::Accept(Origin::Visitor)).into_iter().find_map(|c| if let Command::Store(r) = c { Some(r) } else { None });
    let stored = stored.unwrap();
    assert_eq!((stored.lang.as_deref(), stored.lang_chosen), (Some("en"), true));
}

#[test]
fn the_dialog_saves_what_the_visitor_switched() {
    let mut s = session(false, None);
    send(&mut s, Msg::Open);
    assert_eq!(send(&mut s, Msg::Toggle(Category::Functional)), [Command::Check(Category::Functional, true)]);
    send(&mut s, Msg::Save);
    assert_eq!(s.choices(), Choices::all(&[Category::Functional]));
    assert_eq!(s.view(), View::Reopen);
}

#[test]
fn a_decision_with_a_clock_outside_the_record_is_logged_and_holds_for_the_page() {
    let mut s = session(false, None);
    let commands = s.update(Msg::Accept(Origin::Api), -1, &Native);
    assert!(matches!(&commands[0], Command::Log(p) if p.message().contains("clock")), "{commands:?}");
    assert!(commands.iter().any(|c| matches!(c, Command::LoadScript(_))));
    assert!(s.state(&Native).decided);
}

#[test]
fn focus_follows_the_visitor_not_the_api() {
    let focus = |commands: Vec<Command>| {
        commands.into_iter().filter_map(|c| if let Command::Focus(f) = c { Some(f) } else { None }).collect::<Vec<_>>()
    };
    let mut s = session(false, None);
    assert_eq!(focus(send(&mut s, Msg::Reject(Origin::Visitor))), [Focus::Settings]);
    send(&mut s, Msg::Open);
    assert_eq!(focus(send(&mut s, Msg::Accept(Origin::Api))), []);
    send(&mut s, Msg::Open);
    assert_eq!(focus(send(&mut s, Msg::Save)), [Focus::Opener]);
}

#[test]
fn google_s_tag_or_cookies_before_any_consent_are_one_warning_naming_them() {
    let found =
        |tag: Option<&str>, cookie: Option<&str>| Found { google_tag: tag.map(str::to_owned), ga_cookie: cookie.map(str::to_owned) };
    let logs = |s: &mut Session, f: Found| -> Vec<(String, String, String)> {
        send(s, Msg::Ready(f))
            .into_iter()
            .filter_map(|c| if let Command::Log(p) = c { Some((p.code.id().to_owned(), p.key, p.value)) } else { None })
            .collect()
    };
    let gtag = "https://www.googletagmanager.com/gtag/js?id=G-X";
    // A first visit with Google's snippet left in the page, and GA's cookies from it: the tag.
    assert_eq!(logs(&mut session(false, None), found(Some(gtag), Some("_ga"))), [("google-early".into(), "script".into(), gtag.into())]);
    assert_eq!(logs(&mut session(false, None), found(None, Some("_gid"))), [("google-early".into(), "cookie".into(), "_gid".into())]);
    assert!(logs(&mut session(false, None), found(None, None)).is_empty());
    // A returning visitor: our own GA, loaded by their yes, and its cookies are no mistake.
    let mut yes = session(false, None);
    let record = send(&mut yes, Msg::Accept(Origin::Api)).into_iter().find_map(|c| if let Command::Store(r) = c { Some(r) } else { None });
    let mut returning = session(false, record.as_ref());
    send(&mut returning, Msg::Start);
    assert!(logs(&mut returning, found(Some(gtag), Some("_ga"))).is_empty());
    // A record that no longer holds (a new policy version): the tag is still a mistake, the
    // cookies from the earlier yes are not.
    let mut config = config("respect");
    config.policy_version = "2".into();
    let mut asked = Session::new(config, record.as_ref(), &Env { now: NOW, gpc_signal: false, languages: &JA }, &Native);
    assert_eq!(logs(&mut asked, found(Some(gtag), Some("_ga"))), [("google-early".into(), "script".into(), gtag.into())]);
    let mut config = self::config("respect");
    config.policy_version = "2".into();
    let mut voided = Session::new(config, record.as_ref(), &Env { now: NOW, gpc_signal: false, languages: &JA }, &Native);
    assert!(logs(&mut voided, found(None, Some("_ga"))).is_empty());
}
