//! The strings a Date becomes (ECMA-262 §21.4.4.41 Date.prototype.toString's
//! helpers, toISOString's Date Time String Format, toUTCString) and the
//! en-US forms `toLocale*String` print as Node's ICU does.

use super::local_time::{local_time, zone_info};
use super::time_values::{
    hour_from_time, min_from_time, ms_from_time, sec_from_time, Fields, MS_PER_HOUR, MS_PER_MINUTE,
};

const WEEK_DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn week_day_name(f: &Fields) -> &'static str {
    WEEK_DAYS[f.week_day as usize % 7]
}

fn month_name(f: &Fields) -> &'static str {
    MONTHS[f.month as usize % 12]
}

/// A year as DateString and toUTCString show it: at least four digits,
/// "-" before negative years.
fn padded_year(year: f64) -> String {
    // 5. If yv is +0𝔽 or yv > +0𝔽, let yearSign be the empty String;
    //    otherwise, let yearSign be "-".
    // 6. Let paddedYear be ToZeroPaddedDecimalString(abs(ℝ(yv)), 4).
    let sign = if year >= 0.0 { "" } else { "-" };
    format!("{sign}{:04}", year.abs() as i64)
}

/// TimeString ( tv ) — <https://tc39.es/ecma262/#sec-timestring>
pub fn time_string(tv: f64) -> String {
    // 1–4. Let hour, minute, second be ToZeroPaddedDecimalString of
    //      HourFromTime(tv), MinFromTime(tv), SecFromTime(tv), 2.
    // 5. Return hour, ":", minute, ":", second, the code unit 0x0020
    //    (SPACE), and "GMT".
    format!(
        "{:02}:{:02}:{:02} GMT",
        hour_from_time(tv) as i64,
        min_from_time(tv) as i64,
        sec_from_time(tv) as i64
    )
}

/// DateString ( tv ) — <https://tc39.es/ecma262/#sec-datestring>
pub fn date_string(tv: f64) -> String {
    // 1. Let weekday be the Name of the entry in Table 62 with the Number WeekDay(tv).
    // 2. Let month be the Name of the entry in Table 63 with the Number MonthFromTime(tv).
    // 3. Let day be ToZeroPaddedDecimalString(ℝ(DateFromTime(tv)), 2).
    // 4. Let yv be YearFromTime(tv).
    // 7. Return weekday, " ", month, " ", day, " ", yearSign, paddedYear.
    let f = Fields::of(tv);
    format!(
        "{} {} {:02} {}",
        week_day_name(&f),
        month_name(&f),
        f.date as i64,
        padded_year(f.year)
    )
}

/// TimeZoneString ( tv ) — <https://tc39.es/ecma262/#sec-timezoneestring>
pub fn time_zone_string(tv: f64) -> String {
    // 1–4. Let offsetNs be GetNamedTimeZoneOffsetNanoseconds(systemTimeZoneIdentifier, tv).
    let info = zone_info(tv);
    // 5. Let offset be 𝔽(truncate(offsetNs / 10^6)).
    let offset = info.offset_ms;
    // 6–7. offsetSign is "+" when offset ≥ +0𝔽, else "-"; absOffset is abs(offset).
    let sign = if offset >= 0.0 { '+' } else { '-' };
    let abs = offset.abs();
    // 8. Let offsetMin be ToZeroPaddedDecimalString(ℝ(MinFromTime(absOffset)), 2).
    // 9. Let offsetHour be ToZeroPaddedDecimalString(ℝ(HourFromTime(absOffset)), 2).
    let minutes = ((abs / MS_PER_MINUTE).floor() % 60.0) as i64;
    let hours = (abs / MS_PER_HOUR).floor() as i64;
    // 10. Let tzName be an implementation-defined string, either the empty
    //     String or the string-concatenation of the code unit 0x0020 (SPACE),
    //     the code unit 0x0028 (LEFT PARENTHESIS), an implementation-defined
    //     timezone name, and the code unit 0x0029 (RIGHT PARENTHESIS).
    // 11. Return offsetSign, offsetHour, offsetMin, and tzName.
    format!("{sign}{hours:02}{minutes:02} ({})", info.long_name)
}

/// ToDateString ( tv ) — <https://tc39.es/ecma262/#sec-todatestring>
pub fn to_date_string(tv: f64) -> String {
    // 1. If tv is NaN, return "Invalid Date".
    if tv.is_nan() {
        return "Invalid Date".into();
    }
    // 2. Let t be LocalTime(tv).
    let t = local_time(tv);
    // 3. Return DateString(t), " ", TimeString(t), and TimeZoneString(tv).
    format!(
        "{} {}{}",
        date_string(t),
        time_string(t),
        time_zone_string(tv)
    )
}

/// Date.prototype.toUTCString's body (tv finite) —
/// <https://tc39.es/ecma262/#sec-date.prototype.toutcstring>
pub fn utc_string(tv: f64) -> String {
    // 5–10. weekday, ",", " ", day, " ", month, " ", yearSign, paddedYear,
    //       " ", TimeString(tv).
    let f = Fields::of(tv);
    format!(
        "{}, {:02} {} {} {}",
        week_day_name(&f),
        f.date as i64,
        month_name(&f),
        padded_year(f.year),
        time_string(tv)
    )
}

/// Date.prototype.toISOString's Date Time String Format (tv finite):
/// `YYYY-MM-DDTHH:mm:ss.sssZ`, or the expanded `±YYYYYY` years outside 0–9999.
pub fn iso_string(tv: f64) -> String {
    let f = Fields::of(tv);
    let year = if (0.0..=9999.0).contains(&f.year) {
        format!("{:04}", f.year as i64)
    } else {
        let sign = if f.year < 0.0 { '-' } else { '+' };
        format!("{sign}{:06}", f.year.abs() as i64)
    };
    format!(
        "{year}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        f.month as i64 + 1,
        f.date as i64,
        f.hour as i64,
        f.minute as i64,
        f.second as i64,
        ms_from_time(tv) as i64
    )
}

/// The year ICU's Gregorian calendar shows: 1 BC is year 0, 2 BC is −1, …
/// (en-US's short date shows the era year without the era).
fn era_year(year: f64) -> i64 {
    if year <= 0.0 {
        1 - year as i64
    } else {
        year as i64
    }
}

/// `toLocaleDateString()` in en-US (local time value `t`): `12/6/2026`.
pub fn locale_date_string(t: f64) -> String {
    let f = Fields::of(t);
    format!(
        "{}/{}/{}",
        f.month as i64 + 1,
        f.date as i64,
        era_year(f.year)
    )
}

/// `toLocaleTimeString()` in en-US (local time value `t`): `5:34:37 AM`.
pub fn locale_time_string(t: f64) -> String {
    let f = Fields::of(t);
    let hour12 = match f.hour as i64 % 12 {
        0 => 12,
        h => h,
    };
    let meridiem = if f.hour < 12.0 { "AM" } else { "PM" };
    format!(
        "{hour12}:{:02}:{:02} {meridiem}",
        f.minute as i64, f.second as i64
    )
}

/// `toLocaleString()` in en-US: date, ", ", time.
pub fn locale_string(t: f64) -> String {
    format!("{}, {}", locale_date_string(t), locale_time_string(t))
}
