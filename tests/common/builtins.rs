//! What the page's built-in `Date` and `URL` are to the wasm, `Native` is to the native tests:
//! `toISOString` and its exact inverse (Howard Hinnant's civil-date algorithms), and the scheme
//! the URL parser finds. The browser tests hold the page's built-ins to the same cases and to
//! this stand-in.
#![allow(dead_code)]

use consent_banner::config::Urls;
use consent_banner::timestamp::Calendar;

/// `Date` as far as the record's timestamps go, `URL` as far as schemes go.
pub struct Native;

/// Instants and their `toISOString()`.
pub const CASES: [(i64, &str); 7] = [
    (0, "1970-01-01T00:00:00.000Z"),
    (1_795_420_800_000, "2026-11-23T08:00:00.000Z"),
    (951_782_400_000, "2000-02-29T00:00:00.000Z"),
    (1_709_251_199_999, "2024-02-29T23:59:59.999Z"),
    (253_402_300_799_999, "9999-12-31T23:59:59.999Z"),
    (-1, "1969-12-31T23:59:59.999Z"),
    (253_402_300_800_000, "+010000-01-01T00:00:00.000Z"),
];

/// Texts that are not what `toISOString` writes for any instant.
pub const NOT_ISO: [&str; 12] = [
    "",
    "2026-11-23",
    "2026-11-23T08:00:00Z",
    "2026-11-23T08:00:00.000+09:00",
    "2026-13-01T00:00:00.000Z",
    "2026-02-29T00:00:00.000Z",
    "2026-11-31T00:00:00.000Z",
    "2026-11-23T24:00:00.000Z",
    "2026-11-23T08:60:00.000Z",
    "2026-11-23T08:00:00.00xZ",
    "２０２６-11-23T08:00:00.000Z",
    " 2026-11-23T08:00:00.000Z",
];

const DAY_MS: i64 = 86_400_000;

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

impl Calendar for Native {
    /// Years 0–9999 in four digits, later ones as `+YYYYYY` (as `Date` writes them, up to its
    /// limit of 8.64e15 ms); earlier ones are not needed.
    fn format(&self, ms: i64) -> Option<String> {
        if !(-62_167_219_200_000..=8_640_000_000_000_000).contains(&ms) {
            return None;
        }
        let (days, rest) = (ms.div_euclid(DAY_MS), ms.rem_euclid(DAY_MS));
        let (y, m, d) = civil_from_days(days);
        let year = if y > 9999 { format!("+{y:06}") } else { format!("{y:04}") };
        let (h, min, s, milli) = (rest / 3_600_000, rest / 60_000 % 60, rest / 1000 % 60, rest % 1000);
        Some(format!("{year}-{m:02}-{d:02}T{h:02}:{min:02}:{s:02}.{milli:03}Z"))
    }

    fn parse(&self, text: &str) -> Option<i64> {
        let (date, time) = text.strip_suffix('Z')?.split_once('T')?;
        let mut date = date.rsplitn(3, '-');
        let (d, m, y) = (date.next()?, date.next()?, date.next()?);
        let (hms, milli) = time.split_once('.')?;
        let mut hms = hms.split(':');
        let (h, min, s) = (hms.next()?, hms.next()?, hms.next()?);
        let num = |t: &str| t.bytes().all(|b| b.is_ascii_digit()).then(|| t.parse::<i64>().ok()).flatten();
        let y = num(y.strip_prefix('+').unwrap_or(y))?;
        let ms = days_from_civil(y, num(m)?, num(d)?) * DAY_MS + num(h)? * 3_600_000 + num(min)? * 60_000 + num(s)? * 1000 + num(milli)?;
        // The exact inverse: whatever does not read back as the same text names no instant.
        (self.format(ms).as_deref() == Some(text)).then_some(ms)
    }
}

/// URLs whose scheme is http(s), or that are relative (they take the page's).
pub const WEB_URLS: [&str; 11] = [
    "/privacy/",
    "privacy.html",
    "https://example.jp/p",
    "HTTP://example.jp",
    "//cdn.example/x.js",
    "?q=1",
    "#top",
    "/a:b",
    "p?x=javascript:1",
    " \t/privacy/\n",
    // A NUL is no scheme character: the parser takes this as a path (`java%00script:x`).
    "java\u{0}script:x",
];

/// URLs of any other scheme, however spelled, and texts that name no URL but the page itself.
pub const OTHER_URLS: [&str; 10] = [
    "javascript:alert(1)",
    "\u{0}javascript:x",
    " JavaScript:x",
    "vbscript:x",
    "data:,x",
    "file:///etc/passwd",
    "  ",
    "",
    "\n\tjava\nscript:x",
    "mailto:a@b",
];

impl Urls for Native {
    /// The URL standard's scheme state, as far as these cases go: leading and trailing C0
    /// controls and spaces trimmed, tabs and newlines removed, a scheme is a letter then letters,
    /// digits, `+`, `-` or `.` before the first `:`; anything else is relative to the https: page.
    fn scheme(&self, url: &str) -> Option<String> {
        let url: String = url.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
        let Some((scheme, _)) = url.split_once(':') else { return Some("https:".into()) };
        let mut chars = scheme.chars();
        let is_scheme = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        Some(if is_scheme { scheme.to_ascii_lowercase() + ":" } else { "https:".into() })
    }
}
