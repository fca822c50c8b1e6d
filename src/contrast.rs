//! The banner's colour rule: a site's colours must keep WCAG AA contrast (4.5:1 for text) with
//! the ones they meet in the banner. `validate()` applies it to colours a configurator offers.
//! The power function is passed in (the page's `Math.pow`), like the calendar: the module then
//! carries no `pow` of its own.

use crate::config::Theme;
use crate::problem::{Code, Problem};

/// WCAG 2 AA for normal text.
pub const AA: f64 = 4.5;

/// An sRGB colour as `#rrggbb` (what a colour input gives).
pub fn parse(css: &str) -> Option<[u8; 3]> {
    let hex = css.trim_ascii().strip_prefix('#').filter(|h| h.len() == 6 && h.bytes().all(|b| b.is_ascii_hexdigit()))?;
    let n = u32::from_str_radix(hex, 16).ok()?;
    Some([(n >> 16) as u8, (n >> 8) as u8, n as u8])
}

/// `x` to the power `y`.
pub type Pow = fn(f64, f64) -> f64;

/// WCAG's relative luminance.
fn luminance(rgb: [u8; 3], pow: Pow) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            pow((c + 0.055) / 1.055, 2.4)
        }
    };
    0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2])
}

/// WCAG's contrast ratio, 1 to 21.
pub fn ratio(a: [u8; 3], b: [u8; 3], pow: Pow) -> f64 {
    let (a, b) = (luminance(a, pow), luminance(b, pow));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// The built-in background and the text on accent buttons, per theme (`auto`: both are checked).
fn built_in(theme: Theme) -> &'static [([u8; 3], [u8; 3])] {
    const LIGHT: ([u8; 3], [u8; 3]) = ([0xff, 0xff, 0xff], [0xff, 0xff, 0xff]);
    const DARK: ([u8; 3], [u8; 3]) = ([0x1f, 0x23, 0x28], [0x11, 0x14, 0x18]);
    match theme {
        Theme::Light => &[LIGHT],
        Theme::Dark => &[DARK],
        Theme::Auto => &[LIGHT, DARK],
    }
}

/// A site's accent colour against what it meets: the background (links, outlined buttons) and
/// the text on the accent buttons. One problem when either falls short of AA.
pub fn check_accent(accent: &str, background: Option<&str>, theme: Theme, pow: Pow) -> Option<Problem> {
    const KEY: &str = "--consent-banner-accent";
    let Some(a) = parse(accent) else { return Some(Problem::new(Code::InvalidValue, KEY).value(accent)) };
    let mut worst = 21.0_f64;
    for &(bg, on) in built_in(theme) {
        let bg = background.and_then(parse).unwrap_or(bg);
        worst = worst.min(ratio(a, bg, pow)).min(ratio(a, on, pow));
    }
    (worst < AA).then(|| Problem::new(Code::LowContrast, KEY).value(&format!("{:.1}:1", (worst * 10.0).floor() / 10.0)))
}
