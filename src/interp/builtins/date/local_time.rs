//! Local time (ECMA-262 §21.4.1.20–§21.4.1.26): the host's time zone is
//! the one the `TZ` environment variable names (or the system's), read
//! from the IANA time-zone database through `jiff`, with the database's
//! DST rules and historical offsets as Node (ICU) applies them.

use jiff::civil::DateTime;
use jiff::tz::{AmbiguousOffset, TimeZone};
use jiff::Timestamp;

use super::time_values::{
    date_from_time, hour_from_time, make_date, make_day, min_from_time, month_from_time,
    ms_from_time, sec_from_time, time_from_year, time_within_day, week_day, year_from_time,
    MS_PER_MINUTE,
};
use super::zone_names::long_zone_name;

thread_local! {
    /// The system time zone, read once per thread (as V8 reads it once per
    /// isolate unless told that it changed).
    static SYSTEM_ZONE: TimeZone = TimeZone::system();
}

/// What the time-zone database says about one instant.
#[derive(Clone, Debug, PartialEq)]
pub struct ZoneInfo {
    /// Local time minus UTC, in milliseconds (whole seconds).
    pub offset_ms: f64,
    pub is_dst: bool,
    /// The name `toString` prints in parentheses.
    pub long_name: String,
}

/// The first and last years jiff's civil dates cover.
const JIFF_MIN_YEAR: f64 = -9998.0;
const JIFF_MAX_YEAR: f64 = 9998.0;

/// V8's DateCache::EquivalentYear: a year in 2008–2035 that starts on the
/// same week day and has the same length as `year`, for times beyond the
/// time-zone database's range (their offset follows today's rules).
fn equivalent_year(year: f64) -> f64 {
    let week_day = week_day(time_from_year(year));
    let leap = super::time_values::days_in_year(year) == 366.0;
    let recent_year = if leap { 1956.0 } else { 1967.0 } + (week_day * 12.0) % 28.0;
    2008.0 + (recent_year + 3.0 * 28.0 - 2008.0) % 28.0
}

/// `t` moved into the years the database covers: an equivalent year for
/// the far future, the database's first instant for the far past.
fn within_database(t: f64) -> f64 {
    let year = year_from_time(t);
    if year > JIFF_MAX_YEAR {
        t - time_from_year(year) + time_from_year(equivalent_year(year))
    } else if year < JIFF_MIN_YEAR {
        time_from_year(JIFF_MIN_YEAR)
    } else {
        t
    }
}

fn timestamp(t: f64) -> Timestamp {
    // `within_database` keeps t inside jiff's range.
    Timestamp::from_millisecond(within_database(t) as i64).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// The last instant V8 asks the time-zone database about directly when it
/// names a zone: kMaxEpochTimeInMs (2^31 − 1 seconds after the epoch).
const MAX_EPOCH_TIME_MS: f64 = 2_147_483_647_000.0;

/// V8's DateCache::EquivalentTime: the same month, day and time of day in
/// `equivalent_year`.
fn equivalent_time(t: f64) -> f64 {
    let year = year_from_time(t);
    let day = make_day(equivalent_year(year), month_from_time(t), date_from_time(t));
    make_date(day, time_within_day(t))
}

/// The zone's offset and names at UTC time value `t` (finite).
pub fn zone_info(t: f64) -> ZoneInfo {
    SYSTEM_ZONE.with(|zone| {
        let offset = zone.to_offset(timestamp(t)).seconds();
        // V8's DateCache::LocalTimezone decides between the standard and
        // the daylight name at the equivalent time for instants before
        // 1970 or after 2038, so a summer date before a zone had DST shows
        // its daylight name.
        let named_at = if (0.0..=MAX_EPOCH_TIME_MS).contains(&t) {
            t
        } else {
            equivalent_time(t)
        };
        let info = zone.to_offset_info(timestamp(named_at));
        let is_dst = match zone.iana_name() {
            // Irish Standard Time is summer time to ICU (the database has
            // a negative DST in winter instead).
            Some("Europe/Dublin" | "Eire") => info.offset().seconds() == 3600,
            _ => info.dst().is_dst(),
        };
        ZoneInfo {
            offset_ms: f64::from(offset) * 1000.0,
            is_dst,
            long_name: long_zone_name(zone.iana_name(), offset, is_dst),
        }
    })
}

/// The local time zone's offset from UTC at UTC time value `t`, in ms.
fn offset_at_utc(t: f64) -> f64 {
    SYSTEM_ZONE.with(|zone| f64::from(zone.to_offset(timestamp(t)).seconds()) * 1000.0)
}

/// LocalTime ( t ) — <https://tc39.es/ecma262/#sec-localtime>
pub fn local_time(t: f64) -> f64 {
    if !t.is_finite() {
        return f64::NAN;
    }
    // 1–4. Let offsetNs be GetNamedTimeZoneOffsetNanoseconds(
    //      SystemTimeZoneIdentifier(), ℤ(ℝ(t) × 10^6)).
    // 5. Let offsetMs be truncate(offsetNs / 10^6).
    // 6. Return t + 𝔽(offsetMs).
    t + offset_at_utc(t)
}

/// UTC ( t ) — <https://tc39.es/ecma262/#sec-utc-t>
pub fn utc(t: f64) -> f64 {
    // 1. If t is not finite, return NaN.
    if !t.is_finite() {
        return f64::NAN;
    }
    // 4.a. Let possibleInstants be GetNamedTimeZoneEpochNanoseconds(
    //      systemTimeZoneIdentifier, YearFromTime(t), …, msFromTime(t), 0, 0).
    let local = within_database(t);
    let Some(civil) = civil_date_time(local) else {
        return t - offset_at_utc(t);
    };
    let ambiguous = SYSTEM_ZONE.with(|zone| zone.to_ambiguous_timestamp(civil).offset());
    let offset = match ambiguous {
        AmbiguousOffset::Unambiguous { offset } => offset,
        // 4.c. If possibleInstants is not empty, then
        //      i. Let disambiguatedInstant be possibleInstants[0] (the
        //         earlier instant: the offset before the transition).
        AmbiguousOffset::Fold { before, .. } => before,
        // 4.d. Else (t was skipped by a positive transition): the last
        //      instant before the transition, so the offset before it.
        AmbiguousOffset::Gap { before, .. } => before,
    };
    // 5. Let offsetMs be truncate(offsetNs / 10^6).
    // 6. Return t − 𝔽(offsetMs).
    t - f64::from(offset.seconds()) * 1000.0
}

/// The civil date and time of local time value `t`, when jiff covers it.
fn civil_date_time(t: f64) -> Option<DateTime> {
    let year = year_from_time(t);
    if !(JIFF_MIN_YEAR..=JIFF_MAX_YEAR).contains(&year) {
        return None;
    }
    DateTime::new(
        year as i16,
        (month_from_time(t) + 1.0) as i8,
        date_from_time(t) as i8,
        hour_from_time(t) as i8,
        min_from_time(t) as i8,
        sec_from_time(t) as i8,
        (ms_from_time(t) as i32) * 1_000_000,
    )
    .ok()
}

/// (t − LocalTime(t)) / msPerMinute as V8 computes it: whole minutes,
/// truncated (local mean times have second offsets).
pub fn timezone_offset_minutes(t: f64) -> f64 {
    ((t - local_time(t)) / MS_PER_MINUTE).trunc() + 0.0
}

/// LocalTime in the named IANA zone (the `timeZone` option of
/// `toLocaleString`), or None when the database has no such zone.
pub fn local_time_in_zone(name: &str, t: f64) -> Option<f64> {
    let zone = TimeZone::get(name).ok()?;
    Some(t + f64::from(zone.to_offset(timestamp(t)).seconds()) * 1000.0)
}
