//! V8's DayComposer, TimeComposer and TimeZoneComposer: the date parser
//! collects numbers into them and they check and order the fields.

/// IsMonth: 1–12.
pub fn is_month(x: i32) -> bool {
    (1..=12).contains(&x)
}

/// IsDay: 1–31.
pub fn is_day(x: i32) -> bool {
    (1..=31).contains(&x)
}

/// Up to three numbers and a month name.
#[derive(Default)]
pub struct DayComposer {
    comp: Vec<i32>,
    named_month: Option<i32>,
    is_iso_date: bool,
}

impl DayComposer {
    pub fn is_empty(&self) -> bool {
        self.comp.is_empty()
    }

    pub fn add(&mut self, n: i32) -> bool {
        if self.comp.len() == 3 {
            return false;
        }
        self.comp.push(n);
        true
    }

    pub fn set_named_month(&mut self, month: i32) {
        self.named_month = Some(month);
    }

    pub fn set_iso_date(&mut self) {
        self.is_iso_date = true;
    }

    /// (year, 0-based month, day), or None when they are not a date.
    pub fn write(&mut self) -> Option<(i32, i32, i32)> {
        if self.comp.is_empty() {
            return None;
        }
        // Day and month default to 1.
        while self.comp.len() < 3 {
            self.comp.push(1);
        }
        let c = &self.comp;
        // Default year is 0 (=> 2000) for KJS compatibility.
        let (mut year, month, day);
        match self.named_month {
            None => {
                if self.is_iso_date || !is_day(c[0]) {
                    // YMD
                    (year, month, day) = (c[0], c[1], c[2]);
                } else {
                    // MD(Y)
                    (month, day, year) = (c[0], c[1], c[2]);
                }
            }
            Some(named) => {
                month = named;
                if !is_day(c[0]) {
                    // YMD, MYD, or YDM
                    (year, day) = (c[0], c[1]);
                } else {
                    // DMY, MDY, or DYM
                    (day, year) = (c[0], c[1]);
                }
            }
        }
        if !self.is_iso_date {
            if (0..=49).contains(&year) {
                year += 2000;
            } else if (50..=99).contains(&year) {
                year += 1900;
            }
        }
        if !is_month(month) || !is_day(day) {
            return None;
        }
        Some((year, month - 1, day))
    }
}

/// Hour, minute, second, millisecond and an AM/PM offset.
#[derive(Default)]
pub struct TimeComposer {
    comp: Vec<i32>,
    hour_offset: Option<i32>,
}

impl TimeComposer {
    pub fn is_empty(&self) -> bool {
        self.comp.is_empty()
    }

    pub fn is_expecting(&self, n: i32) -> bool {
        match self.comp.len() {
            1 | 2 => (0..=59).contains(&n),
            3 => (0..=999).contains(&n),
            _ => false,
        }
    }

    pub fn add(&mut self, n: i32) -> bool {
        if self.comp.len() == 4 {
            return false;
        }
        self.comp.push(n);
        true
    }

    pub fn add_final(&mut self, n: i32) -> bool {
        if !self.add(n) {
            return false;
        }
        while self.comp.len() < 4 {
            self.comp.push(0);
        }
        true
    }

    pub fn set_hour_offset(&mut self, offset: i32) {
        self.hour_offset = Some(offset);
    }

    pub fn write(&mut self) -> Option<(i32, i32, i32, i32)> {
        // All time slots default to 0.
        while self.comp.len() < 4 {
            self.comp.push(0);
        }
        let (mut hour, minute, second, millisecond) =
            (self.comp[0], self.comp[1], self.comp[2], self.comp[3]);
        if let Some(offset) = self.hour_offset {
            if !(0..=12).contains(&hour) {
                return None;
            }
            hour = hour % 12 + offset;
        }
        if !(0..=23).contains(&hour)
            || !(0..=59).contains(&minute)
            || !(0..=59).contains(&second)
            || !(0..=999).contains(&millisecond)
        {
            // A 24th hour is allowed if minutes, seconds, and milliseconds are 0.
            if hour != 24 || minute != 0 || second != 0 || millisecond != 0 {
                return None;
            }
        }
        Some((hour, minute, second, millisecond))
    }
}

/// A sign, hours and minutes of an offset from UTC.
#[derive(Default)]
pub struct TimeZoneComposer {
    sign: Option<i32>,
    hour: Option<i32>,
    minute: Option<i32>,
}

impl TimeZoneComposer {
    pub fn set(&mut self, offset_in_hours: i32) {
        let sign = if offset_in_hours < 0 { -1 } else { 1 };
        self.sign = Some(sign);
        self.hour = Some(offset_in_hours * sign);
        self.minute = Some(0);
    }

    pub fn set_sign(&mut self, sign: i32) {
        self.sign = Some(if sign < 0 { -1 } else { 1 });
    }

    pub fn set_absolute_hour(&mut self, hour: Option<i32>) {
        self.hour = hour;
    }

    pub fn set_absolute_minute(&mut self, minute: Option<i32>) {
        self.minute = minute;
    }

    pub fn is_expecting(&self, n: i32) -> bool {
        self.hour.is_some() && self.minute.is_none() && (0..=59).contains(&n)
    }

    pub fn is_utc(&self) -> bool {
        self.hour == Some(0) && self.minute == Some(0)
    }

    pub fn is_empty(&self) -> bool {
        self.sign.is_none() && self.hour.is_none() && self.minute.is_none()
    }

    /// Some(None): local time; Some(Some(seconds)): an offset from UTC.
    pub fn write(&self) -> Option<Option<f64>> {
        let Some(sign) = self.sign else {
            return Some(None);
        };
        let total =
            i64::from(self.hour.unwrap_or(0)) * 3600 + i64::from(self.minute.unwrap_or(0)) * 60;
        if total > i64::from(i32::MAX >> 1) {
            return None;
        }
        Some(Some((i64::from(sign) * total) as f64))
    }
}
