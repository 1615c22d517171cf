//! Time values and the day/time arithmetic over them (ECMA-262 §21.4.1.1–
//! §21.4.1.31): a time value is milliseconds since 1970-01-01T00:00:00Z as
//! an `f64`, NaN for an invalid date. Every function here is total: NaN and
//! infinities flow through as the spec says, nothing panics.

/// msPerDay — <https://tc39.es/ecma262/#sec-day-number-and-time-within-day>
pub const MS_PER_DAY: f64 = 86_400_000.0;
pub const MS_PER_HOUR: f64 = 3_600_000.0;
pub const MS_PER_MINUTE: f64 = 60_000.0;
pub const MS_PER_SECOND: f64 = 1000.0;

/// The largest magnitude of a time value (§21.4.1.1): 8.64 × 10^15 ms.
pub const MAX_TIME: f64 = 8.64e15;

/// Day ( t ) — <https://tc39.es/ecma262/#sec-day>
pub fn day(t: f64) -> f64 {
    // 1. Return 𝔽(floor(ℝ(t / msPerDay))).
    (t / MS_PER_DAY).floor()
}

/// TimeWithinDay ( t ) — <https://tc39.es/ecma262/#sec-timewithinday>
pub fn time_within_day(t: f64) -> f64 {
    // 1. Return 𝔽(ℝ(t) modulo ℝ(msPerDay)).
    t.rem_euclid(MS_PER_DAY)
}

/// DaysInYear ( y ) — <https://tc39.es/ecma262/#sec-daysinyear>
pub fn days_in_year(y: f64) -> f64 {
    // 1–6. 366 when y is divisible by 4 but not by 100, or by 400; else 365.
    if (y % 4.0 == 0.0 && y % 100.0 != 0.0) || y % 400.0 == 0.0 {
        366.0
    } else {
        365.0
    }
}

/// DayFromYear ( y ) — <https://tc39.es/ecma262/#sec-dayfromyear>
pub fn day_from_year(y: f64) -> f64 {
    // 1. Let ry be ℝ(y).
    // 2. NOTE: In the following steps, numYears1, numYears4, numYears100, and
    //    numYears400 represent the number of years divisible by 1, 4, 100, and
    //    400, respectively, that occur between the epoch and the start of year y.
    // 3–7. Return 𝔽(365 × numYears1 + numYears4 − numYears100 + numYears400).
    365.0 * (y - 1970.0) + ((y - 1969.0) / 4.0).floor() - ((y - 1901.0) / 100.0).floor()
        + ((y - 1601.0) / 400.0).floor()
}

/// TimeFromYear ( y ) — <https://tc39.es/ecma262/#sec-timefromyear>
pub fn time_from_year(y: f64) -> f64 {
    // 1. Return msPerDay × DayFromYear(y).
    MS_PER_DAY * day_from_year(y)
}

/// YearFromTime ( t ) — <https://tc39.es/ecma262/#sec-yearfromtime>
pub fn year_from_time(t: f64) -> f64 {
    if !t.is_finite() {
        return f64::NAN;
    }
    // 1. Return the largest integral Number y (closest to +∞) such that
    //    TimeFromYear(y) ≤ t.
    // Deviation: found from an estimate (the mean Gregorian year) corrected
    // by at most a step or two, instead of a search.
    let mut y = (t / (MS_PER_DAY * 365.2425)).floor() + 1970.0;
    while time_from_year(y) > t {
        y -= 1.0;
    }
    while time_from_year(y + 1.0) <= t {
        y += 1.0;
    }
    y
}

/// DayWithinYear ( t ) — <https://tc39.es/ecma262/#sec-daywithinyear>
pub fn day_within_year(t: f64) -> f64 {
    // 1. Return Day(t) − DayFromYear(YearFromTime(t)).
    day(t) - day_from_year(year_from_time(t))
}

/// InLeapYear ( t ) — <https://tc39.es/ecma262/#sec-inleapyear>
pub fn in_leap_year(t: f64) -> bool {
    // 1. If DaysInYear(YearFromTime(t)) is 366𝔽, return 1𝔽; else return +0𝔽.
    days_in_year(year_from_time(t)) == 366.0
}

/// The first day (within the year) of each month, in a common year.
const MONTH_STARTS: [f64; 13] = [
    0.0, 31.0, 59.0, 90.0, 120.0, 151.0, 181.0, 212.0, 243.0, 273.0, 304.0, 334.0, 365.0,
];

/// The day within the year on which month `m` (0–11) starts.
fn month_start(m: usize, leap: bool) -> f64 {
    MONTH_STARTS[m] + if leap && m >= 2 { 1.0 } else { 0.0 }
}

/// MonthFromTime ( t ) — <https://tc39.es/ecma262/#sec-monthfromtime>
pub fn month_from_time(t: f64) -> f64 {
    if !t.is_finite() {
        return f64::NAN;
    }
    // 1–14. The month whose range of days within the year holds DayWithinYear(t).
    let leap = in_leap_year(t);
    let d = day_within_year(t);
    (0..12)
        .rev()
        .find(|&m| d >= month_start(m, leap))
        .map_or(0.0, |m| m as f64)
}

/// DateFromTime ( t ) — <https://tc39.es/ecma262/#sec-datefromtime>
pub fn date_from_time(t: f64) -> f64 {
    if !t.is_finite() {
        return f64::NAN;
    }
    // 1–15. DayWithinYear(t) less the start of MonthFromTime(t), plus 1.
    let m = month_from_time(t) as usize;
    day_within_year(t) - month_start(m, in_leap_year(t)) + 1.0
}

/// WeekDay ( t ) — <https://tc39.es/ecma262/#sec-weekday>
pub fn week_day(t: f64) -> f64 {
    // 1. Return 𝔽(ℝ(Day(t) + 4𝔽) modulo 7).
    (day(t) + 4.0).rem_euclid(7.0)
}

/// HourFromTime ( t ) — <https://tc39.es/ecma262/#sec-hourfromtime>
pub fn hour_from_time(t: f64) -> f64 {
    // 1. Return 𝔽(floor(ℝ(t / msPerHour)) modulo HoursPerDay).
    (t / MS_PER_HOUR).floor().rem_euclid(24.0)
}

/// MinFromTime ( t ) — <https://tc39.es/ecma262/#sec-minfromtime>
pub fn min_from_time(t: f64) -> f64 {
    // 1. Return 𝔽(floor(ℝ(t / msPerMinute)) modulo MinutesPerHour).
    (t / MS_PER_MINUTE).floor().rem_euclid(60.0)
}

/// SecFromTime ( t ) — <https://tc39.es/ecma262/#sec-secfromtime>
pub fn sec_from_time(t: f64) -> f64 {
    // 1. Return 𝔽(floor(ℝ(t / msPerSecond)) modulo SecondsPerMinute).
    (t / MS_PER_SECOND).floor().rem_euclid(60.0)
}

/// msFromTime ( t ) — <https://tc39.es/ecma262/#sec-msfromtime>
pub fn ms_from_time(t: f64) -> f64 {
    // 1. Return 𝔽(ℝ(t) modulo ℝ(msPerSecond)).
    t.rem_euclid(MS_PER_SECOND)
}

/// ToIntegerOrInfinity on a Number already converted (truncation, −0 → +0).
pub fn integer_or_infinity(n: f64) -> f64 {
    if n.is_nan() {
        0.0
    } else {
        n.trunc() + 0.0
    }
}

/// MakeTime ( hour, min, sec, ms ) — <https://tc39.es/ecma262/#sec-maketime>
pub fn make_time(hour: f64, min: f64, sec: f64, ms: f64) -> f64 {
    // 1. If hour is not finite, min is not finite, sec is not finite, or ms
    //    is not finite, return NaN.
    if !(hour.is_finite() && min.is_finite() && sec.is_finite() && ms.is_finite()) {
        return f64::NAN;
    }
    // 2–5. Let h, m, s, milli be 𝔽(! ToIntegerOrInfinity(…)).
    let (h, m, s, milli) = (
        integer_or_infinity(hour),
        integer_or_infinity(min),
        integer_or_infinity(sec),
        integer_or_infinity(ms),
    );
    // 6. Return ((h × msPerHour + m × msPerMinute) + s × msPerSecond) + milli,
    //    performing the arithmetic according to IEEE 754-2019 rules.
    ((h * MS_PER_HOUR + m * MS_PER_MINUTE) + s * MS_PER_SECOND) + milli
}

/// The largest year MakeDay computes with: beyond it no day number can be
/// brought back within TimeClip's range by the date argument of a call.
const MAX_MAKE_DAY_YEAR: f64 = 1.0e8;

/// MakeDay ( year, month, date ) — <https://tc39.es/ecma262/#sec-makeday>
pub fn make_day(year: f64, month: f64, date: f64) -> f64 {
    // 1. If year is not finite, month is not finite, or date is not finite,
    //    return NaN.
    if !(year.is_finite() && month.is_finite() && date.is_finite()) {
        return f64::NAN;
    }
    // 2–4. Let y, m, dt be 𝔽(! ToIntegerOrInfinity(…)).
    let (y, m, dt) = (
        integer_or_infinity(year),
        integer_or_infinity(month),
        integer_or_infinity(date),
    );
    // 5. Let ym be y + 𝔽(floor(ℝ(m) / 12)).
    let ym = y + (m / 12.0).floor();
    // 6. If ym is not finite, return NaN.
    if !ym.is_finite() || ym.abs() > MAX_MAKE_DAY_YEAR {
        return f64::NAN;
    }
    // 7. Let mn be 𝔽(ℝ(m) modulo 12).
    let mn = m.rem_euclid(12.0);
    // 8. Find a finite time value t such that YearFromTime(t) is ym,
    //    MonthFromTime(t) is mn, and DateFromTime(t) is 1𝔽; but if this is not
    //    possible (because some argument is out of range), return NaN.
    let leap = days_in_year(ym) == 366.0;
    let first_of_month = day_from_year(ym) + month_start(mn as usize, leap);
    // 9. Return Day(t) + dt − 1𝔽.
    first_of_month + dt - 1.0
}

/// MakeDate ( day, time ) — <https://tc39.es/ecma262/#sec-makedate>
pub fn make_date(day: f64, time: f64) -> f64 {
    // 1. If day is not finite or time is not finite, return NaN.
    if !(day.is_finite() && time.is_finite()) {
        return f64::NAN;
    }
    // 2. Let tv be day × msPerDay + time.
    let tv = day * MS_PER_DAY + time;
    // 3. If tv is not finite, return NaN.
    // 4. Return tv.
    if tv.is_finite() {
        tv
    } else {
        f64::NAN
    }
}

/// MakeFullYear ( year ) — <https://tc39.es/ecma262/#sec-makefullyear>
pub fn make_full_year(year: f64) -> f64 {
    // 1. If year is NaN, return NaN.
    if year.is_nan() {
        return f64::NAN;
    }
    // 2. Let truncated be ! ToIntegerOrInfinity(year).
    let truncated = integer_or_infinity(year);
    // 3. If truncated is in the inclusive interval from 0 to 99, return
    //    1900𝔽 + 𝔽(truncated).
    // 4. Return 𝔽(truncated).
    if (0.0..=99.0).contains(&truncated) {
        1900.0 + truncated
    } else {
        truncated
    }
}

/// TimeClip ( time ) — <https://tc39.es/ecma262/#sec-timeclip>
pub fn time_clip(time: f64) -> f64 {
    // 1. If time is not finite, return NaN.
    // 2. If abs(ℝ(time)) > 8.64 × 10^15, return NaN.
    if !time.is_finite() || time.abs() > MAX_TIME {
        return f64::NAN;
    }
    // 3. Return 𝔽(! ToIntegerOrInfinity(time)).
    integer_or_infinity(time)
}

/// The civil fields of a time value (all finite when `t` is).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fields {
    pub year: f64,
    /// 0–11
    pub month: f64,
    /// 1–31
    pub date: f64,
    /// 0 (Sunday) – 6
    pub week_day: f64,
    pub hour: f64,
    pub minute: f64,
    pub second: f64,
    pub ms: f64,
}

impl Fields {
    /// The fields of time value `t` (finite).
    pub fn of(t: f64) -> Fields {
        Fields {
            year: year_from_time(t),
            month: month_from_time(t),
            date: date_from_time(t),
            week_day: week_day(t),
            hour: hour_from_time(t),
            minute: min_from_time(t),
            second: sec_from_time(t),
            ms: ms_from_time(t),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_and_leap_days() {
        let t = make_date(
            make_day(2024.0, 1.0, 29.0),
            make_time(12.0, 30.0, 15.0, 250.0),
        );
        let f = Fields::of(t);
        assert_eq!((f.year, f.month, f.date), (2024.0, 1.0, 29.0));
        assert_eq!(
            (f.hour, f.minute, f.second, f.ms),
            (12.0, 30.0, 15.0, 250.0)
        );
        assert_eq!(Fields::of(0.0).week_day, 4.0);
        assert_eq!(year_from_time(-1.0), 1969.0);
        assert_eq!(date_from_time(-1.0), 31.0);
    }

    #[test]
    fn out_of_range_is_nan() {
        assert!(time_clip(8.64e15 + 1.0).is_nan());
        assert!(make_day(f64::INFINITY, 0.0, 1.0).is_nan());
        assert!(make_day(1e300, 0.0, 1.0).is_nan());
        assert_eq!(time_clip(-0.0).to_bits(), 0.0f64.to_bits());
        assert_eq!(year_from_time(-8.64e15), -271821.0);
        assert_eq!(year_from_time(8.64e15), 275760.0);
    }
}
