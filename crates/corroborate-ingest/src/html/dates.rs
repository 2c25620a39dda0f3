//! Reads calendar dates as pages write them: machine values (`2019-11-18T16:18:00Z`,
//! `Mon, 18 Nov 2019 16:18:00 GMT`), dates in URL paths (`/2019/11/18/`) and dates in visible
//! text (`Nov. 18, 2019`, `18 de novembro de 2019`). A date is kept as the page wrote it, in its
//! own time zone: the publisher's calendar day, not UTC's.

use corroborate_model::PublishedDate;

/// A machine-readable date value from metadata: ISO 8601 with or without a time, a compact
/// `20191118`, RFC 2822, or a written date.
pub(crate) fn parse_date_value(value: &str) -> Option<PublishedDate> {
    let value = value.trim();
    if let Some(date) = iso_date(value) {
        return Some(date);
    }
    let bytes = value.as_bytes();
    if bytes.len() >= 8
        && bytes[..8].iter().all(u8::is_ascii_digit)
        && bytes.get(8).is_none_or(|byte| !byte.is_ascii_digit())
    {
        let compact = &value[..8];
        return day(&compact[..4], &compact[4..6], &compact[6..8]);
    }
    find_text_date(value)
}

/// True when a machine value has a time of day in UTC (`...T01:30:00Z`, `+00:00`): its
/// calendar day may be a day off the publisher's own.
pub(crate) fn is_utc_timestamp(value: &str) -> bool {
    let value = value.trim();
    value.contains(':')
        && ["Z", "+00:00", "+0000", "-00:00", "GMT", "UTC", "GMT+0000"]
            .iter()
            .any(|marker| value.ends_with(marker))
}

/// Days from `earlier` to `later`, for dates known to the day.
pub(crate) fn days_between(earlier: PublishedDate, later: PublishedDate) -> Option<i64> {
    Some(day_number(later)? - day_number(earlier)?)
}

/// Days since 1970-01-01 of a date known to the day.
fn day_number(date: PublishedDate) -> Option<i64> {
    Some(corroborate_model::calendar::day_number(
        i64::from(date.year()),
        u32::from(date.month()?),
        u32::from(date.day()?),
    ))
}

/// The first date written in running text, in the forms bylines use. Numeric dates are read
/// only when unambiguous: ISO order, or day and month told apart by a day above 12.
pub(crate) fn find_text_date(text: &str) -> Option<PublishedDate> {
    let tokens = tokenize(text);
    for (position, token) in tokens.iter().enumerate() {
        let found = match token {
            Token::Word(word) => month_number(word).and_then(|month| {
                month_first(&tokens[position + 1..], month)
                    .or_else(|| day_first(&tokens[..position], &tokens[position + 1..], month))
            }),
            Token::Number(number) => numeric_date(&tokens[position..], number),
            Token::Punct(_) => None,
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// A date in a URL path: `/2019/11/18/`, `/2019-11-18/`, `/2019/nov/18/`, `/20191118/`, or a
/// year and month `/2019/11/`.
pub(crate) fn url_date(url: &str) -> Option<PublishedDate> {
    let path = url.split_once("://").map_or(url, |(_, rest)| {
        rest.find('/').map_or("", |slash| &rest[slash..])
    });
    let path = path.split(['?', '#']).next().unwrap_or("");
    let segments: Vec<&str> = path.split('/').filter(|part| !part.is_empty()).collect();
    for (index, segment) in segments.iter().enumerate() {
        if let Some(date) = iso_date(segment).filter(|_| segment.len() == 10) {
            return Some(date);
        }
        if segment.len() == 8
            && segment.bytes().all(|byte| byte.is_ascii_digit())
            && let Some(date) = day(&segment[..4], &segment[4..6], &segment[6..8])
            && (1990..=2100).contains(&date.year())
        {
            return Some(date);
        }
        if !is_year(segment) {
            continue;
        }
        let Some(month_segment) = segments.get(index + 1) else {
            continue;
        };
        let month = if month_segment.len() == 2 {
            month_segment
                .parse::<u8>()
                .ok()
                .filter(|m| (1..=12).contains(m))
        } else {
            month_number(month_segment)
        };
        let Some(month) = month else {
            continue;
        };
        // A day segment must be two digits on its own, or two digits then a separator
        // (`18-story-title`).
        let day_value = segments.get(index + 2).and_then(|segment| {
            let digits: String = segment.chars().take_while(char::is_ascii_digit).collect();
            let rest = &segment[digits.len()..];
            (digits.len() == 2 && (rest.is_empty() || rest.starts_with(['-', '_', '.'])))
                .then_some(digits)
        });
        let month_text = format!("{month:02}");
        if let Some(day_text) = day_value
            && let Some(date) = day(segment, &month_text, &day_text)
        {
            return Some(date);
        }
        // A year and a month followed by more path: month precision.
        if index + 2 < segments.len() {
            return PublishedDate::parse(&format!("{segment}-{month_text}"));
        }
    }
    None
}

fn is_year(text: &str) -> bool {
    text.len() == 4
        && text.bytes().all(|byte| byte.is_ascii_digit())
        && text
            .parse::<i32>()
            .is_ok_and(|year| (1990..=2100).contains(&year))
}

/// `YYYY-MM-DD` at the start of the value, optionally followed by a time.
fn iso_date(value: &str) -> Option<PublishedDate> {
    let head = value.get(..10)?;
    let bytes = head.as_bytes();
    if bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    if let Some(&next) = value.as_bytes().get(10)
        && next.is_ascii_digit()
    {
        return None;
    }
    day(&head[..4], &head[5..7], &head[8..10])
}

/// A calendar day, within the years news pages can carry (placeholders such as
/// `0001-01-01` are not dates).
fn day(year: &str, month: &str, day: &str) -> Option<PublishedDate> {
    PublishedDate::parse(&format!("{year}-{month}-{day}"))
        .filter(|date| (1990..=2100).contains(&date.year()))
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Token<'a> {
    Word(&'a str),
    Number(&'a str),
    Punct(char),
}

fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, character)) = chars.next() {
        if character.is_alphabetic() {
            let mut end = start + character.len_utf8();
            while let Some(&(next_start, next)) = chars.peek() {
                if !next.is_alphabetic() {
                    break;
                }
                end = next_start + next.len_utf8();
                chars.next();
            }
            tokens.push(Token::Word(&text[start..end]));
        } else if character.is_ascii_digit() {
            let mut end = start + 1;
            while let Some(&(next_start, next)) = chars.peek() {
                if !next.is_ascii_digit() {
                    break;
                }
                end = next_start + 1;
                chars.next();
            }
            tokens.push(Token::Number(&text[start..end]));
        } else if !character.is_whitespace() {
            tokens.push(Token::Punct(character));
        }
        if tokens.len() > 4096 {
            break;
        }
    }
    tokens
}

/// `November 18, 2019`, `Nov. 18th 2019`, `novembro 18, 2019`.
fn month_first(after: &[Token], month: u8) -> Option<PublishedDate> {
    let mut rest = skip_punct(after, &['.']);
    let Some(Token::Number(day_text)) = rest.first() else {
        return None;
    };
    rest = skip_ordinal(&rest[1..]);
    rest = skip_punct(rest, &[',', '.']);
    let Some(Token::Number(year)) = rest.first() else {
        return None;
    };
    calendar(year, month, day_text)
}

/// `18 November 2019`, `18th Nov 2019`, `18 de novembro de 2019`, `18. November 2019`.
fn day_first(before: &[Token], after: &[Token], month: u8) -> Option<PublishedDate> {
    let mut before = before;
    if let Some(Token::Word(word)) = before.last()
        && word.eq_ignore_ascii_case("de")
    {
        before = &before[..before.len() - 1];
    }
    if let Some(Token::Punct('.')) = before.last() {
        before = &before[..before.len() - 1];
    }
    if let Some(Token::Word(word)) = before.last()
        && is_ordinal_suffix(word)
    {
        before = &before[..before.len() - 1];
    }
    let Some(Token::Number(day_text)) = before.last() else {
        return None;
    };
    let mut rest = skip_punct(after, &['.', ',']);
    if let Some(Token::Word(word)) = rest.first()
        && (word.eq_ignore_ascii_case("de") || word.eq_ignore_ascii_case("del"))
    {
        rest = &rest[1..];
    }
    let Some(Token::Number(year)) = rest.first() else {
        return None;
    };
    calendar(year, month, day_text)
}

/// `2019-11-18`, `2019/11/18`, `18.11.2019`, `18/11/2019` (day above 12 only), `11/18/2019`
/// (day above 12 only).
fn numeric_date(tokens: &[Token], first: &str) -> Option<PublishedDate> {
    let (Some(Token::Punct(separator)), Some(Token::Number(second))) =
        (tokens.get(1), tokens.get(2))
    else {
        return None;
    };
    if !matches!(separator, '-' | '/' | '.') {
        return None;
    }
    let (Some(Token::Punct(separator_again)), Some(Token::Number(third))) =
        (tokens.get(3), tokens.get(4))
    else {
        return None;
    };
    if separator_again != separator {
        return None;
    }
    if first.len() == 4 {
        let month: u8 = second.parse().ok()?;
        return calendar(first, month, third);
    }
    if third.len() != 4 || first.len() > 2 || second.len() > 2 {
        return None;
    }
    let first_number: u8 = first.parse().ok()?;
    let second_number: u8 = second.parse().ok()?;
    match (first_number > 12, second_number > 12) {
        // Day first (18.11.2019), the European order; dots are always day first.
        (true, false) => calendar(third, second_number, first),
        (false, true) => calendar(third, first_number, second),
        (false, false) if *separator == '.' => calendar(third, second_number, first),
        _ => None,
    }
}

fn calendar(year: &str, month: u8, day_text: &str) -> Option<PublishedDate> {
    if year.len() != 4 || day_text.is_empty() || day_text.len() > 2 {
        return None;
    }
    let day_number: u8 = day_text.parse().ok()?;
    let year_number: i32 = year.parse().ok()?;
    if !(1990..=2100).contains(&year_number) {
        return None;
    }
    PublishedDate::parse(&format!("{year}-{month:02}-{day_number:02}"))
}

fn skip_punct<'t, 'a>(tokens: &'t [Token<'a>], allowed: &[char]) -> &'t [Token<'a>] {
    match tokens.first() {
        Some(Token::Punct(character)) if allowed.contains(character) => &tokens[1..],
        _ => tokens,
    }
}

fn skip_ordinal<'t, 'a>(tokens: &'t [Token<'a>]) -> &'t [Token<'a>] {
    match tokens.first() {
        Some(Token::Word(word)) if is_ordinal_suffix(word) => &tokens[1..],
        _ => tokens,
    }
}

fn is_ordinal_suffix(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "st" | "nd" | "rd" | "th" | "er" | "º" | "o"
    )
}

/// Month names and abbreviations in English, Portuguese, Spanish, French, German and Italian.
fn month_number(word: &str) -> Option<u8> {
    let lower = word.to_lowercase();
    let month = match lower.as_str() {
        "january" | "jan" | "janeiro" | "enero" | "ene" | "janvier" | "janv" | "januar"
        | "jänner" | "gennaio" | "gen" => 1,
        "february" | "feb" | "fevereiro" | "fev" | "febrero" | "février" | "fevrier" | "févr"
        | "februar" | "febbraio" => 2,
        "march" | "mar" | "março" | "marco" | "marzo" | "mars" | "märz" | "maerz" => 3,
        "april" | "apr" | "abril" | "abr" | "avril" | "avr" | "aprile" => 4,
        "may" | "maio" | "mayo" | "mai" | "maggio" | "mag" => 5,
        "june" | "jun" | "junho" | "junio" | "juin" | "juni" | "giugno" | "giu" => 6,
        "july" | "jul" | "julho" | "julio" | "juillet" | "juil" | "juli" | "luglio" | "lug" => 7,
        "august" | "aug" | "agosto" | "ago" | "août" | "aout" => 8,
        "september" | "sep" | "sept" | "setembro" | "set" | "septiembre" | "septembre"
        | "settembre" => 9,
        "october" | "oct" | "outubro" | "out" | "octubre" | "octobre" | "oktober" | "okt"
        | "ottobre" | "ott" => 10,
        "november" | "nov" | "novembro" | "noviembre" | "novembre" => 11,
        "december" | "dec" | "dezembro" | "dez" | "diciembre" | "dic" | "décembre" | "decembre"
        | "déc" | "dezember" | "dicembre" => 12,
        _ => return None,
    };
    Some(month)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(date: Option<PublishedDate>) -> String {
        date.map_or_else(|| "none".to_string(), |date| date.to_string())
    }

    #[test]
    fn machine_values() {
        assert_eq!(show(parse_date_value("2019-11-18T16:18:00Z")), "2019-11-18");
        assert_eq!(show(parse_date_value(" 2019-11-18 ")), "2019-11-18");
        assert_eq!(
            show(parse_date_value("2019-11-18T23:30:00-05:00")),
            "2019-11-18"
        );
        assert_eq!(show(parse_date_value("20191118")), "2019-11-18");
        assert_eq!(
            show(parse_date_value("Mon, 18 Nov 2019 16:18:00 GMT")),
            "2019-11-18"
        );
        assert_eq!(show(parse_date_value("2019-02-30")), "none");
        assert_eq!(show(parse_date_value("0001-01-01T00:00:00Z")), "none");
        assert_eq!(show(parse_date_value("yesterday")), "none");
        assert_eq!(show(parse_date_value("1574093880")), "none");
    }

    #[test]
    fn utc_timestamps_and_day_counts() {
        assert!(is_utc_timestamp("2019-11-19T01:30:00Z"));
        assert!(is_utc_timestamp("2019-11-19T01:30:00+00:00"));
        assert!(!is_utc_timestamp("2019-11-19T01:30:00-05:00"));
        assert!(!is_utc_timestamp("2019-11-19"));
        assert!(is_utc_timestamp("Tue Nov 19 2019 03:05:46 GMT+0000"));
        let day = |text| PublishedDate::parse(text).expect("valid date");
        assert_eq!(days_between(day("1970-01-01"), day("1970-01-02")), Some(1));
        assert_eq!(days_between(day("2019-12-31"), day("2020-03-01")), Some(61));
        assert_eq!(
            days_between(day("2020-03-01"), day("2019-12-31")),
            Some(-61)
        );
        assert_eq!(days_between(day("2020-03"), day("2020-03-01")), None);
    }

    #[test]
    fn written_dates_in_several_languages() {
        for (text, expected) in [
            ("Published November 18, 2019 at 4:18 pm", "2019-11-18"),
            ("Nov. 18th, 2019", "2019-11-18"),
            ("Updated 18 November 2019", "2019-11-18"),
            ("18 de novembro de 2019", "2019-11-18"),
            ("Lunes, 18 de noviembre del 2019", "2019-11-18"),
            ("le 18 novembre 2019", "2019-11-18"),
            ("18. November 2019", "2019-11-18"),
            ("2019-11-18 17:27:46 Ilse Varga", "2019-11-18"),
            ("18.11.2019", "2019-11-18"),
            ("18/11/2019", "2019-11-18"),
            ("11/18/2019", "2019-11-18"),
        ] {
            assert_eq!(show(find_text_date(text)), expected, "{text}");
        }
    }

    #[test]
    fn ambiguous_or_partial_dates_are_not_read() {
        for text in [
            "04/05/2019",
            "may be 18, 19",
            "In 2019 the ferry ran",
            "March 2019",
            "32 March 2019",
        ] {
            assert_eq!(show(find_text_date(text)), "none", "{text}");
        }
    }

    #[test]
    fn dates_in_urls() {
        for (url, expected) in [
            ("https://news.example/2021/07/02/ferry-stops/", "2021-07-02"),
            ("https://news.example/world/2021/07/02-ferry", "2021-07-02"),
            ("https://news.example/story/2021-07-02/ferry", "2021-07-02"),
            (
                "https://news.example/stories/2019/nov/19/ferry/",
                "2019-11-19",
            ),
            ("https://news.example/2018/10/ferry-stops.html", "2018-10"),
            ("https://news.example/a/20190704/ferry", "2019-07-04"),
            ("https://news.example/ferry-2019", "none"),
            ("https://news.example/2018/10", "none"),
            ("https://news.example/id/12345678/", "none"),
            ("https://news.example/p?date=2021/07/02", "none"),
        ] {
            assert_eq!(show(url_date(url)), expected, "{url}");
        }
    }
}
