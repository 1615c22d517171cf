//! Date.parse's string formats (ECMA-262 §21.4.3.2, §21.4.1.32): the Date
//! Time String Format, and — as the spec allows "implementation-specific
//! heuristics" for anything else — the legacy formats V8 accepts, with V8's
//! `DateParser` algorithm (an ES5 ISO reader, then a permissive reader of
//! numbers, month names, AM/PM, zone names and offsets).

mod composers;
mod tokens;

use composers::{is_day, is_month, DayComposer, TimeComposer, TimeZoneComposer};
use tokens::{read_milliseconds, Keyword, Scanner, Token};

use super::local_time::utc;
use super::time_values::{make_date, make_day, make_time, time_clip, MAX_TIME, MS_PER_DAY};

/// The time value a date string denotes (NaN when it denotes none).
pub fn parse_date(input: &[u16]) -> f64 {
    let Some(fields) = parse_fields(input) else {
        return f64::NAN;
    };
    // V8's ParseDateTimeString: MakeDay/MakeTime/MakeDate, then the offset
    // (or local time when there is none), then TimeClip.
    let day = make_day(fields.year, fields.month, fields.day);
    let time = make_time(
        fields.hour,
        fields.minute,
        fields.second,
        fields.millisecond,
    );
    let mut date = make_date(day, time);
    match fields.utc_offset_seconds {
        None => {
            let limit = MAX_TIME + 10.0 * MS_PER_DAY;
            if !(-limit..=limit).contains(&date) {
                return f64::NAN;
            }
            date = utc(date);
        }
        Some(offset) => date -= offset * 1000.0,
    }
    time_clip(date)
}

/// What the composers produce.
struct Fields {
    year: f64,
    /// 0-based
    month: f64,
    day: f64,
    hour: f64,
    minute: f64,
    second: f64,
    millisecond: f64,
    /// None: local time.
    utc_offset_seconds: Option<f64>,
}

/// DateParser::Parse.
fn parse_fields(input: &[u16]) -> Option<Fields> {
    let mut scanner = Scanner::new(input);
    let mut tz = TimeZoneComposer::default();
    let mut time = TimeComposer::default();
    let mut day = DayComposer::default();

    // Accept ES5 ISO 8601 date-time strings or legacy dates compatible with Safari.
    let next_unhandled = parse_es5_date_time(&mut scanner, &mut day, &mut time, &mut tz)?;
    let mut has_read_number = !day.is_empty();
    // If there's anything left, continue with the legacy parser.
    let mut token = next_unhandled;
    while token != Token::EndOfInput {
        match token {
            Token::Number(n, _) => {
                has_read_number = true;
                if scanner.skip_symbol(':') {
                    if scanner.skip_symbol(':') {
                        // n + "::"
                        if !time.is_empty() {
                            return None;
                        }
                        time.add(n);
                        time.add(0);
                    } else {
                        // n + ":"
                        if !time.add(n) {
                            return None;
                        }
                        if scanner.peek().is_symbol('.') {
                            scanner.next();
                        }
                    }
                } else if scanner.skip_symbol('.') && time.is_expecting(n) {
                    time.add(n);
                    if !scanner.peek().is_number() {
                        return None;
                    }
                    let ms = read_milliseconds(scanner.next());
                    if ms < 0 {
                        return None;
                    }
                    time.add_final(ms);
                } else if tz.is_expecting(n) {
                    tz.set_absolute_minute(Some(n));
                } else if time.is_expecting(n) {
                    time.add_final(n);
                    // Require end, white space, "Z", "+" or "-" immediately
                    // after finalizing time.
                    let peek = scanner.peek();
                    if peek != Token::EndOfInput
                        && peek != Token::WhiteSpace
                        && !peek.is_keyword_z()
                        && peek.ascii_sign().is_none()
                    {
                        return None;
                    }
                } else {
                    if !day.add(n) {
                        return None;
                    }
                    scanner.skip_symbol('-');
                }
            }
            Token::Word(keyword, _) => match keyword {
                Keyword::AmPm(offset) if !time.is_empty() => time.set_hour_offset(offset),
                Keyword::MonthName(month) => {
                    day.set_named_month(month);
                    scanner.skip_symbol('-');
                }
                Keyword::TimeZoneName(hours) if has_read_number => tz.set(hours),
                _ => {
                    // Garbage words are illegal if a number has been read.
                    if has_read_number {
                        return None;
                    }
                    // The first number has to be separated from garbage
                    // words by white space or other separators.
                    if scanner.peek().is_number() {
                        return None;
                    }
                }
            },
            Token::Symbol(_)
                if token.ascii_sign().is_some() && (tz.is_utc() || !time.is_empty()) =>
            {
                // Parse UTC offset (only after UTC or time).
                tz.set_sign(token.ascii_sign().unwrap_or(1));
                // The following number may be empty.
                let (mut n, mut length) = (0, 0);
                if let Token::Number(value, digits) = scanner.peek() {
                    scanner.next();
                    (n, length) = (value, digits);
                }
                has_read_number = true;
                if scanner.peek().is_symbol(':') {
                    tz.set_absolute_hour(Some(n));
                    tz.set_absolute_minute(None);
                } else if length == 1 || length == 2 {
                    // Time zones like GMT-8.
                    tz.set_absolute_hour(Some(n));
                    tz.set_absolute_minute(Some(0));
                } else if length == 3 || length == 4 {
                    // Time zones like GMT-0800.
                    tz.set_absolute_hour(Some(n / 100));
                    tz.set_absolute_minute(Some(n % 100));
                } else {
                    // No need to accept time zones like GMT-12345.
                    return None;
                }
            }
            Token::Symbol(_)
                if (token.ascii_sign().is_some() || token.is_symbol(')')) && has_read_number =>
            {
                // Extra sign or ')' is illegal if a number has been read.
                return None;
            }
            // Ignore other characters and white space.
            _ => {}
        }
        token = scanner.next();
    }

    let (year, month, day_of_month) = day.write()?;
    let (hour, minute, second, millisecond) = time.write()?;
    let utc_offset_seconds = tz.write()?;
    Some(Fields {
        year: f64::from(year),
        month: f64::from(month),
        day: f64::from(day_of_month),
        hour: f64::from(hour),
        minute: f64::from(minute),
        second: f64::from(second),
        millisecond: f64::from(millisecond),
        utc_offset_seconds,
    })
}

/// DateParser::ParseES5DateTime: reads `[('-'|'+')yy]yyyy[-MM[-DD]]
/// ['T'HH:mm[:ss[.sss]][Z|(+|-)hh:mm]]`. Returns the first token it did not
/// handle (EndOfInput when the whole string was a Date Time String), or
/// None when the string is in that format but invalid.
fn parse_es5_date_time(
    scanner: &mut Scanner,
    day: &mut DayComposer,
    time: &mut TimeComposer,
    tz: &mut TimeZoneComposer,
) -> Option<Token> {
    // Parse mandatory date: [('-'|'+')yy]yyyy[':'MM[':'DD]]
    if let Some(sign) = scanner.peek().ascii_sign() {
        // Keep the sign token, so invalid dates can be detected.
        let sign_token = scanner.next();
        if !scanner.peek().is_fixed_length_number(6) {
            return Some(sign_token);
        }
        let year = scanner.next().number();
        if sign < 0 && year == 0 {
            return Some(sign_token);
        }
        day.add(sign * year);
    } else if scanner.peek().is_fixed_length_number(4) {
        day.add(scanner.next().number());
    } else {
        return Some(scanner.next());
    }
    if scanner.skip_symbol('-') {
        if !scanner.peek().is_fixed_length_number(2) || !is_month(scanner.peek().number()) {
            return Some(scanner.next());
        }
        day.add(scanner.next().number());
        if scanner.skip_symbol('-') {
            if !scanner.peek().is_fixed_length_number(2) || !is_day(scanner.peek().number()) {
                return Some(scanner.next());
            }
            day.add(scanner.next().number());
        }
    }
    // Check for optional time: 'T'HH':'mm[':'ss['.'sss]]Z
    if !matches!(scanner.peek(), Token::Word(Keyword::TimeSeparator, _)) {
        if scanner.peek() != Token::EndOfInput {
            return Some(scanner.next());
        }
    } else {
        // ES5 Date Time String time part is present.
        scanner.next();
        if !scanner.peek().is_fixed_length_number(2) || !(0..=24).contains(&scanner.peek().number())
        {
            return None;
        }
        // Allow 24:00[:00[.000]], but no other time starting with 24.
        let hour_is_24 = scanner.peek().number() == 24;
        time.add(scanner.next().number());
        if !scanner.skip_symbol(':') {
            return None;
        }
        let two_digit =
            |t: Token, max: i32| t.is_fixed_length_number(2) && (0..=max).contains(&t.number());
        if !two_digit(scanner.peek(), 59) || (hour_is_24 && scanner.peek().number() > 0) {
            return None;
        }
        time.add(scanner.next().number());
        if scanner.skip_symbol(':') {
            if !two_digit(scanner.peek(), 59) || (hour_is_24 && scanner.peek().number() > 0) {
                return None;
            }
            time.add(scanner.next().number());
            if scanner.skip_symbol('.') {
                if !scanner.peek().is_number() || (hour_is_24 && scanner.peek().number() > 0) {
                    return None;
                }
                // Allow more or less than the mandated three digits.
                time.add(read_milliseconds(scanner.next()));
            }
        }
        // Check for optional timezone designation: 'Z' | ('+'|'-')hh':'mm
        if scanner.peek().is_keyword_z() {
            scanner.next();
            tz.set(0);
        } else if let Some(sign) = scanner.peek().ascii_sign() {
            scanner.next();
            tz.set_sign(sign);
            if scanner.peek().is_fixed_length_number(4) {
                // hhmm extension syntax.
                let hourmin = scanner.next().number();
                let (hour, min) = (hourmin / 100, hourmin % 100);
                if !(0..=23).contains(&hour) || !(0..=59).contains(&min) {
                    return None;
                }
                tz.set_absolute_hour(Some(hour));
                tz.set_absolute_minute(Some(min));
            } else {
                if !two_digit(scanner.peek(), 23) {
                    return None;
                }
                tz.set_absolute_hour(Some(scanner.next().number()));
                if !scanner.skip_symbol(':') {
                    return None;
                }
                if !two_digit(scanner.peek(), 59) {
                    return None;
                }
                tz.set_absolute_minute(Some(scanner.next().number()));
            }
        }
        if scanner.peek() != Token::EndOfInput {
            return None;
        }
    }
    // Successfully parsed ES5 Date Time String. "When the time zone offset
    // is absent, date-only forms are interpreted as a UTC time and
    // date-time forms are interpreted as a local time."
    if tz.is_empty() && time.is_empty() {
        tz.set(0);
    }
    day.set_iso_date();
    Some(Token::EndOfInput)
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    fn parse(s: &str) -> f64 {
        parse_date(&s.encode_utf16().collect::<Vec<_>>())
    }

    #[test]
    fn iso_and_utc_legacy_forms() {
        assert_eq!(parse("2024-01-02"), 1704153600000.0);
        assert_eq!(parse("2024-01-02T10:00Z"), 1704189600000.0);
        assert_eq!(parse("2024-01-02T10:00:00.123+05:30"), 1704169800123.0);
        assert_eq!(parse("2024-02-30"), 1709251200000.0);
        assert_eq!(parse("Tue, 02 Jan 2024 10:00:00 GMT"), 1704189600000.0);
        assert_eq!(parse("Thu, 01 Jan 1970 00:00:00 GMT+0100"), -3600000.0);
        assert_eq!(parse("-271821-04-20T00:00:00Z"), -8.64e15);
        assert!(parse("-271821-04-19T23:59:59.999Z").is_nan());
        assert!(parse("2024-13-01").is_nan());
        assert!(parse("foo").is_nan());
        assert!(parse("").is_nan());
        assert!(parse("+999999999999-01-01").is_nan());
    }
}
