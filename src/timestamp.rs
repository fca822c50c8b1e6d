//! UTC timestamps as the record stores them (`2026-11-23T08:00:00.000Z`) ⇄ milliseconds since 1970.

use alloc::string::String;

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
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

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Latest instant we format or accept: the end of year 9999, as `Date.prototype.toISOString` does.
const MAX_MS: i64 = 253_402_300_799_999;

/// Formats like `Date.prototype.toISOString()`; `None` outside years 1970–9999.
pub fn format(ms: i64) -> Option<String> {
    if !(0..=MAX_MS).contains(&ms) {
        return None;
    }
    let (days, rest) = (ms.div_euclid(crate::defaults::DAY_MS), ms.rem_euclid(crate::defaults::DAY_MS));
    let (y, m, d) = civil_from_days(days);
    let mut out = String::with_capacity(24);
    push_num(&mut out, y, 4);
    out.push('-');
    push_num(&mut out, m, 2);
    out.push('-');
    push_num(&mut out, d, 2);
    out.push('T');
    push_num(&mut out, rest / 3_600_000, 2);
    out.push(':');
    push_num(&mut out, rest / 60_000 % 60, 2);
    out.push(':');
    push_num(&mut out, rest / 1000 % 60, 2);
    out.push('.');
    push_num(&mut out, rest % 1000, 3);
    out.push('Z');
    Some(out)
}

// Zero-padded decimal without core::fmt, which would add kilobytes to the wasm.
pub(crate) fn push_num(out: &mut String, n: i64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut v = n;
    let mut len = 0;
    while v > 0 || len < width {
        if let Some(d) = digits.get_mut(len) {
            *d = b'0' + (v % 10) as u8;
        }
        v /= 10;
        len += 1;
    }
    for &b in digits.iter().take(len).rev() {
        out.push(char::from(b));
    }
}

/// Parses exactly the shape `format` writes (`YYYY-MM-DDTHH:MM:SS.sssZ`); anything else is `None`.
pub fn parse(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() != 24 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' || b[16] != b':' || b[19] != b'.' || b[23] != b'Z' {
        return None;
    }
    let num = |from: usize, to: usize| -> Option<i64> {
        b.get(from..to)?.iter().try_fold(0i64, |acc, &c| c.is_ascii_digit().then(|| acc * 10 + i64::from(c - b'0')))
    };
    let (y, m, d) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
    let (hh, mm, ss, ms) = (num(11, 13)?, num(14, 16)?, num(17, 19)?, num(20, 23)?);
    if y < 1970 || !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) || hh > 23 || mm > 59 || ss > 59 {
        return None;
    }
    Some(days_from_civil(y, m, d) * crate::defaults::DAY_MS + hh * 3_600_000 + mm * 60_000 + ss * 1000 + ms)
}
