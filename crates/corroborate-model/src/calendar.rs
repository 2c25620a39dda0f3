//! Day arithmetic on the proleptic Gregorian calendar, for windows and relative dates.

/// Month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Weekday names, Monday first (the numbering of [`weekday`]).
pub const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The weekday of a day number, Monday 0 to Sunday 6 (1970-01-01 was a Thursday).
pub fn weekday(days: i64) -> usize {
    usize::try_from((days + 3).rem_euclid(7)).expect("0 to 6")
}

/// Days since 1970-01-01 of a date (Howard Hinnant's `days_from_civil`).
pub fn day_number(year: i64, month: u32, day: u32) -> i64 {
    let (month, day) = (i64::from(month), i64::from(day));
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let shifted_month = (month + 9) % 12;
    let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date of a day number: `(year, month, day)` (Hinnant's `civil_from_days`).
pub fn civil_date(days: i64) -> (i64, u32, u32) {
    let shifted = days + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (
        year,
        u32::try_from(month).expect("months are 1 to 12"),
        u32::try_from(day).expect("days are 1 to 31"),
    )
}

/// An ISO day (`YYYY-MM-DD`) moved by `days`; `None` when the text is not an ISO day.
pub fn shift_iso_day(iso: &str, days: i64) -> Option<String> {
    let mut parts = iso.splitn(3, '-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let (year, month, day) = civil_date(day_number(year, month, day) + days);
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_over_leap_years() {
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(day_number(2000, 3, 1) - day_number(2000, 2, 28), 2);
        for days in (-800_000..800_000).step_by(997) {
            let (year, month, day) = civil_date(days);
            assert_eq!(day_number(year, month, day), days);
        }
    }

    #[test]
    fn weekdays_count_from_monday() {
        assert_eq!(WEEKDAY_NAMES[weekday(0)], "Thursday");
        assert_eq!(WEEKDAY_NAMES[weekday(day_number(2024, 3, 15))], "Friday");
        assert_eq!(WEEKDAY_NAMES[weekday(-1)], "Wednesday");
    }

    #[test]
    fn iso_days_shift_across_months_and_years() {
        assert_eq!(
            shift_iso_day("2021-12-28", 7).as_deref(),
            Some("2022-01-04")
        );
        assert_eq!(
            shift_iso_day("2024-03-01", -1).as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(shift_iso_day("2021-07", 1), None);
    }
}
