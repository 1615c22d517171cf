//! `console.time` durations as Node prints them (`formatTime`):
//! `0.123ms`, `1.500s`, `1:02.345 (m:ss.mmm)`, `1:02:03.456 (h:mm:ss.mmm)`.

use crate::interp::number::number_to_string;

const SECOND: f64 = 1000.0;
const MINUTE: f64 = 60.0 * SECOND;
const HOUR: f64 = 60.0 * MINUTE;

/// Two digits, zero-padded (`pad` in Node's console).
fn pad2(s: &str) -> String {
    if s.len() < 2 {
        format!("{s:0>2}")
    } else {
        s.to_string()
    }
}

/// Node's `formatTime ( ms )`.
pub fn format_time(mut ms: f64) -> String {
    let mut hours = 0.0;
    let mut minutes = 0.0;
    let mut seconds = 0.0;
    if ms >= SECOND {
        if ms >= MINUTE {
            if ms >= HOUR {
                hours = (ms / HOUR).floor();
                ms %= HOUR;
            }
            minutes = (ms / MINUTE).floor();
            ms %= MINUTE;
        }
        seconds = ms / SECOND;
    }
    if hours != 0.0 || minutes != 0.0 {
        let fixed = format!("{seconds:.3}");
        let (whole, fraction) = fixed.split_once('.').unwrap_or((&fixed, "000"));
        let res = if hours != 0.0 {
            format!("{hours}:{}", pad2(&minutes.to_string()))
        } else {
            minutes.to_string()
        };
        let unit = if hours != 0.0 { "h:m" } else { "" };
        return format!("{res}:{}.{fraction} ({unit}m:ss.mmm)", pad2(whole));
    }
    if seconds != 0.0 {
        return format!("{seconds:.3}s");
    }
    let rounded: f64 = format!("{ms:.3}").parse().unwrap_or(ms);
    format!("{}ms", number_to_string(rounded))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_durations_like_node() {
        assert_eq!(format_time(0.1234), "0.123ms");
        assert_eq!(format_time(12.0), "12ms");
        assert_eq!(format_time(1500.0), "1.500s");
        assert_eq!(format_time(62_345.0), "1:02.345 (m:ss.mmm)");
        assert_eq!(format_time(3_723_456.0), "1:02:03.456 (h:mm:ss.mmm)");
    }
}
