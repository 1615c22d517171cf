//! The long time-zone names V8 prints in parentheses after `Date.prototype.
//! toString`'s offset (`GMT-0500 (Eastern Standard Time)`). V8 asks ICU for
//! the zone's CLDR "long specific" name in en-US; this table holds those
//! names for the zones people set `TZ` to. Any other zone gets ICU's
//! fallback, the localized GMT format (`GMT+01:00`).

/// (IANA zone, standard-time name, daylight-time name).
const NAMES: &[(&str, &str, &str)] = &[
    ("UTC", "Coordinated Universal Time", ""),
    ("Etc/UTC", "Coordinated Universal Time", ""),
    ("Etc/UCT", "Coordinated Universal Time", ""),
    ("UCT", "Coordinated Universal Time", ""),
    ("Universal", "Coordinated Universal Time", ""),
    ("Etc/Universal", "Coordinated Universal Time", ""),
    ("Zulu", "Coordinated Universal Time", ""),
    ("Etc/Zulu", "Coordinated Universal Time", ""),
    ("GMT", "Greenwich Mean Time", ""),
    ("Etc/GMT", "Greenwich Mean Time", ""),
    ("Etc/GMT0", "Greenwich Mean Time", ""),
    ("Greenwich", "Greenwich Mean Time", ""),
    ("Atlantic/Reykjavik", "Greenwich Mean Time", ""),
    ("Africa/Abidjan", "Greenwich Mean Time", ""),
    ("Africa/Accra", "Greenwich Mean Time", ""),
    (
        "Europe/London",
        "Greenwich Mean Time",
        "British Summer Time",
    ),
    (
        "Europe/Lisbon",
        "Western European Standard Time",
        "Western European Summer Time",
    ),
    (
        "Atlantic/Canary",
        "Western European Standard Time",
        "Western European Summer Time",
    ),
    (
        "Atlantic/Azores",
        "Azores Standard Time",
        "Azores Summer Time",
    ),
    (
        "America/New_York",
        "Eastern Standard Time",
        "Eastern Daylight Time",
    ),
    (
        "US/Eastern",
        "Eastern Standard Time",
        "Eastern Daylight Time",
    ),
    ("EST5EDT", "Eastern Standard Time", "Eastern Daylight Time"),
    (
        "America/Detroit",
        "Eastern Standard Time",
        "Eastern Daylight Time",
    ),
    (
        "America/Toronto",
        "Eastern Standard Time",
        "Eastern Daylight Time",
    ),
    (
        "America/Montreal",
        "Eastern Standard Time",
        "Eastern Daylight Time",
    ),
    (
        "America/Indiana/Indianapolis",
        "Eastern Standard Time",
        "Eastern Daylight Time",
    ),
    (
        "America/Kentucky/Louisville",
        "Eastern Standard Time",
        "Eastern Daylight Time",
    ),
    ("America/Panama", "Eastern Standard Time", ""),
    ("America/Jamaica", "Eastern Standard Time", ""),
    ("America/Cancun", "Eastern Standard Time", ""),
    (
        "America/Chicago",
        "Central Standard Time",
        "Central Daylight Time",
    ),
    (
        "US/Central",
        "Central Standard Time",
        "Central Daylight Time",
    ),
    ("CST6CDT", "Central Standard Time", "Central Daylight Time"),
    (
        "America/Winnipeg",
        "Central Standard Time",
        "Central Daylight Time",
    ),
    (
        "America/Mexico_City",
        "Central Standard Time",
        "Central Daylight Time",
    ),
    ("America/Guatemala", "Central Standard Time", ""),
    ("America/Costa_Rica", "Central Standard Time", ""),
    ("America/El_Salvador", "Central Standard Time", ""),
    ("America/Regina", "Central Standard Time", ""),
    (
        "America/Denver",
        "Mountain Standard Time",
        "Mountain Daylight Time",
    ),
    (
        "US/Mountain",
        "Mountain Standard Time",
        "Mountain Daylight Time",
    ),
    (
        "MST7MDT",
        "Mountain Standard Time",
        "Mountain Daylight Time",
    ),
    (
        "America/Edmonton",
        "Mountain Standard Time",
        "Mountain Daylight Time",
    ),
    (
        "America/Boise",
        "Mountain Standard Time",
        "Mountain Daylight Time",
    ),
    ("America/Phoenix", "Mountain Standard Time", ""),
    ("US/Arizona", "Mountain Standard Time", ""),
    (
        "America/Los_Angeles",
        "Pacific Standard Time",
        "Pacific Daylight Time",
    ),
    (
        "US/Pacific",
        "Pacific Standard Time",
        "Pacific Daylight Time",
    ),
    ("PST8PDT", "Pacific Standard Time", "Pacific Daylight Time"),
    (
        "America/Vancouver",
        "Pacific Standard Time",
        "Pacific Daylight Time",
    ),
    (
        "America/Tijuana",
        "Pacific Standard Time",
        "Pacific Daylight Time",
    ),
    (
        "America/Anchorage",
        "Alaska Standard Time",
        "Alaska Daylight Time",
    ),
    ("US/Alaska", "Alaska Standard Time", "Alaska Daylight Time"),
    (
        "Pacific/Honolulu",
        "Hawaii-Aleutian Standard Time",
        "Hawaii-Aleutian Daylight Time",
    ),
    (
        "US/Hawaii",
        "Hawaii-Aleutian Standard Time",
        "Hawaii-Aleutian Daylight Time",
    ),
    (
        "America/Adak",
        "Hawaii-Aleutian Standard Time",
        "Hawaii-Aleutian Daylight Time",
    ),
    (
        "America/Halifax",
        "Atlantic Standard Time",
        "Atlantic Daylight Time",
    ),
    ("America/Puerto_Rico", "Atlantic Standard Time", ""),
    ("America/Santo_Domingo", "Atlantic Standard Time", ""),
    (
        "America/St_Johns",
        "Newfoundland Standard Time",
        "Newfoundland Daylight Time",
    ),
    ("America/Havana", "Cuba Standard Time", "Cuba Daylight Time"),
    (
        "America/Bogota",
        "Colombia Standard Time",
        "Colombia Summer Time",
    ),
    ("America/Lima", "Peru Standard Time", "Peru Summer Time"),
    (
        "America/Santiago",
        "Chile Standard Time",
        "Chile Summer Time",
    ),
    (
        "America/Argentina/Buenos_Aires",
        "Argentina Standard Time",
        "Argentina Summer Time",
    ),
    (
        "America/Buenos_Aires",
        "Argentina Standard Time",
        "Argentina Summer Time",
    ),
    (
        "America/Sao_Paulo",
        "Brasilia Standard Time",
        "Brasilia Summer Time",
    ),
    ("America/Caracas", "Venezuela Time", ""),
    (
        "Europe/Paris",
        "Central European Standard Time",
        "Central European Summer Time",
    ),
    (
        "Europe/Berlin",
        "Central European Standard Time",
        "Central European Summer Time",
    ),
    (
        "Europe/Madrid",
        "Central European Standard Time",
        "Central European Summer Time",
    ),
    (
        "Europe/Rome",
        "Central European Standard Time",
        "Central European Summer Time",
    ),
    (
        "Europe/Amsterdam",
        "Central European Standard Time",
        "Central European Summer Time",
    ),
    (
        "Europe/Brussels",
        "Central European Standard Time",
        "Central European Summer Time",
    ),
    (
        "Europe/Vienna",
        "Central European Standard Time",
        "Central European Summer Time",
    ),
    (
        "Europe/Zurich",
        "Central European Standard Time",
        "Central European Summer Time",
    ),
    (
        "Europe/Stockholm",
        "Central European Standard Time",
        "Central European Summer Time",
    ),
    (
        "Europe/Oslo",
        "Central European Standard Time",
        "Central European Summer Time",
    ),
    (
        "Europe/Copenhagen",
        "Central European Standard Time",
        "Central European Summer Time",
    ),
    (
        "Europe/Warsaw",
        "Central European Standard Time",
        "Central European Summer Time",
    ),
    (
        "Europe/Prague",
        "Central European Standard Time",
        "Central European Summer Time",
    ),
    (
        "Europe/Budapest",
        "Central European Standard Time",
        "Central European Summer Time",
    ),
    (
        "Europe/Belgrade",
        "Central European Standard Time",
        "Central European Summer Time",
    ),
    (
        "Europe/Luxembourg",
        "Central European Standard Time",
        "Central European Summer Time",
    ),
    (
        "Europe/Monaco",
        "Central European Standard Time",
        "Central European Summer Time",
    ),
    (
        "Europe/Malta",
        "Central European Standard Time",
        "Central European Summer Time",
    ),
    (
        "CET",
        "Central European Standard Time",
        "Central European Summer Time",
    ),
    (
        "Africa/Algiers",
        "Central European Standard Time",
        "Central European Summer Time",
    ),
    (
        "Africa/Tunis",
        "Central European Standard Time",
        "Central European Summer Time",
    ),
    (
        "Europe/Athens",
        "Eastern European Standard Time",
        "Eastern European Summer Time",
    ),
    (
        "Europe/Helsinki",
        "Eastern European Standard Time",
        "Eastern European Summer Time",
    ),
    (
        "Europe/Kiev",
        "Eastern European Standard Time",
        "Eastern European Summer Time",
    ),
    (
        "Europe/Kyiv",
        "Eastern European Standard Time",
        "Eastern European Summer Time",
    ),
    (
        "Europe/Bucharest",
        "Eastern European Standard Time",
        "Eastern European Summer Time",
    ),
    (
        "Europe/Sofia",
        "Eastern European Standard Time",
        "Eastern European Summer Time",
    ),
    (
        "Europe/Riga",
        "Eastern European Standard Time",
        "Eastern European Summer Time",
    ),
    (
        "Europe/Vilnius",
        "Eastern European Standard Time",
        "Eastern European Summer Time",
    ),
    (
        "Europe/Tallinn",
        "Eastern European Standard Time",
        "Eastern European Summer Time",
    ),
    (
        "EET",
        "Eastern European Standard Time",
        "Eastern European Summer Time",
    ),
    (
        "Africa/Cairo",
        "Eastern European Standard Time",
        "Eastern European Summer Time",
    ),
    (
        "Europe/Istanbul",
        "Türkiye Standard Time",
        "Türkiye Summer Time",
    ),
    (
        "Europe/Moscow",
        "Moscow Standard Time",
        "Moscow Summer Time",
    ),
    ("Europe/Minsk", "Moscow Standard Time", "Moscow Summer Time"),
    ("Africa/Johannesburg", "South Africa Standard Time", ""),
    (
        "Africa/Lagos",
        "West Africa Standard Time",
        "West Africa Summer Time",
    ),
    ("Africa/Nairobi", "East Africa Time", ""),
    (
        "Asia/Jerusalem",
        "Israel Standard Time",
        "Israel Daylight Time",
    ),
    (
        "Asia/Tel_Aviv",
        "Israel Standard Time",
        "Israel Daylight Time",
    ),
    (
        "Asia/Riyadh",
        "Arabian Standard Time",
        "Arabian Daylight Time",
    ),
    (
        "Asia/Baghdad",
        "Arabian Standard Time",
        "Arabian Daylight Time",
    ),
    (
        "Asia/Qatar",
        "Arabian Standard Time",
        "Arabian Daylight Time",
    ),
    ("Asia/Dubai", "Gulf Standard Time", ""),
    ("Asia/Tehran", "Iran Standard Time", "Iran Daylight Time"),
    (
        "Asia/Karachi",
        "Pakistan Standard Time",
        "Pakistan Summer Time",
    ),
    ("Asia/Kolkata", "India Standard Time", ""),
    ("Asia/Calcutta", "India Standard Time", ""),
    (
        "Asia/Dhaka",
        "Bangladesh Standard Time",
        "Bangladesh Summer Time",
    ),
    ("Asia/Kathmandu", "Nepal Time", ""),
    ("Asia/Yangon", "Myanmar Time", ""),
    ("Asia/Bangkok", "Indochina Time", ""),
    ("Asia/Ho_Chi_Minh", "Indochina Time", ""),
    ("Asia/Saigon", "Indochina Time", ""),
    ("Asia/Jakarta", "Western Indonesia Time", ""),
    ("Asia/Singapore", "Singapore Standard Time", ""),
    ("Asia/Kuala_Lumpur", "Malaysia Time", ""),
    (
        "Asia/Hong_Kong",
        "Hong Kong Standard Time",
        "Hong Kong Summer Time",
    ),
    (
        "Asia/Shanghai",
        "China Standard Time",
        "China Daylight Time",
    ),
    ("PRC", "China Standard Time", "China Daylight Time"),
    (
        "Asia/Taipei",
        "Taiwan Standard Time",
        "Taiwan Daylight Time",
    ),
    (
        "Asia/Manila",
        "Philippine Standard Time",
        "Philippine Summer Time",
    ),
    ("Asia/Seoul", "Korean Standard Time", "Korean Daylight Time"),
    ("Asia/Tokyo", "Japan Standard Time", "Japan Daylight Time"),
    ("Japan", "Japan Standard Time", "Japan Daylight Time"),
    (
        "Asia/Tashkent",
        "Uzbekistan Standard Time",
        "Uzbekistan Summer Time",
    ),
    ("Asia/Almaty", "Kazakhstan Time", ""),
    (
        "Asia/Baku",
        "Azerbaijan Standard Time",
        "Azerbaijan Summer Time",
    ),
    (
        "Asia/Tbilisi",
        "Georgia Standard Time",
        "Georgia Summer Time",
    ),
    (
        "Asia/Yerevan",
        "Armenia Standard Time",
        "Armenia Summer Time",
    ),
    (
        "Asia/Vladivostok",
        "Vladivostok Standard Time",
        "Vladivostok Summer Time",
    ),
    (
        "Asia/Yekaterinburg",
        "Yekaterinburg Standard Time",
        "Yekaterinburg Summer Time",
    ),
    (
        "Asia/Novosibirsk",
        "Krasnoyarsk Standard Time",
        "Krasnoyarsk Summer Time",
    ),
    (
        "Australia/Perth",
        "Australian Western Standard Time",
        "Australian Western Daylight Time",
    ),
    (
        "Australia/Adelaide",
        "Australian Central Standard Time",
        "Australian Central Daylight Time",
    ),
    (
        "Australia/Darwin",
        "Australian Central Standard Time",
        "Australian Central Daylight Time",
    ),
    (
        "Australia/Brisbane",
        "Australian Eastern Standard Time",
        "Australian Eastern Daylight Time",
    ),
    (
        "Australia/Sydney",
        "Australian Eastern Standard Time",
        "Australian Eastern Daylight Time",
    ),
    (
        "Australia/Melbourne",
        "Australian Eastern Standard Time",
        "Australian Eastern Daylight Time",
    ),
    (
        "Australia/Hobart",
        "Australian Eastern Standard Time",
        "Australian Eastern Daylight Time",
    ),
    (
        "Pacific/Auckland",
        "New Zealand Standard Time",
        "New Zealand Daylight Time",
    ),
    (
        "NZ",
        "New Zealand Standard Time",
        "New Zealand Daylight Time",
    ),
    ("Pacific/Fiji", "Fiji Standard Time", "Fiji Summer Time"),
];

/// The name V8 shows for `zone` at a moment whose offset from UTC is
/// `offset_seconds`, in daylight saving time or not.
pub fn long_zone_name(zone: Option<&str>, offset_seconds: i32, is_dst: bool) -> String {
    if matches!(zone, Some("Europe/Dublin" | "Eire")) {
        return if is_dst {
            "Irish Standard Time".into()
        } else {
            "Greenwich Mean Time".into()
        };
    }
    if let Some(&(_, standard, daylight)) =
        zone.and_then(|z| NAMES.iter().find(|(name, _, _)| *name == z))
    {
        return if is_dst && !daylight.is_empty() {
            daylight.into()
        } else {
            standard.into()
        };
    }
    localized_gmt(offset_seconds)
}

/// ICU's localized GMT format: `GMT`, `GMT+05:30`, `GMT-03:00`.
fn localized_gmt(offset_seconds: i32) -> String {
    if offset_seconds == 0 {
        return "GMT".into();
    }
    let sign = if offset_seconds < 0 { '-' } else { '+' };
    let minutes = offset_seconds.unsigned_abs() / 60;
    format!("GMT{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}
