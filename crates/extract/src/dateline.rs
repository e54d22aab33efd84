//! Datelines: the line or prefix that says who filed a story, where and when.
//!
//! Two shapes cover most wire copy:
//! - publisher first: "Xinhua, March 25, 2016" (often followed by page widget
//!   text such as "Adjust font size:", which is not part of it);
//! - place first: "MOSCOW, March 25 (Xinhua) --", "WASHINGTON (Reuters) -",
//!   which opens the first paragraph.

use detente_core::Date;

use crate::dates;

/// A dateline found at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The dateline as written, trimmed of widget text and dashes.
    pub text: String,
    pub publisher: Option<String>,
    pub place: Option<String>,
    pub date: Option<Date>,
    /// Bytes of the line the dateline (with its dash) takes.
    pub len: usize,
}

/// A dateline at the start of `line`; `year` completes dates that name none.
pub fn parse(line: &str, year: Option<i32>) -> Option<Dateline> {
    place_first(line, year)
        .or_else(|| publisher_first(line))
        .or_else(|| place_dash(line, year))
}

/// "NEW DELHI, June 16 --": a place in capitals, a date, a dash; no agency.
fn place_dash(line: &str, year: Option<i32>) -> Option<Dateline> {
    let dash = line
        .find(['—', '–'])
        .into_iter()
        .chain(line.find("--"))
        .min()?;
    let head = &line[..dash];
    let (place, date) = head.split_once(',')?;
    let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
    if dash > 60 || letters.len() < 2 || letters.iter().any(|c| c.is_lowercase()) {
        return None;
    }
    let after = &line[dash..];
    let dash_len = after.len() - after.trim_start_matches(['-', '—', '–']).len();
    Some(Dateline {
        text: line[..dash + dash_len].trim().to_string(),
        publisher: None,
        place: Some(place.trim().to_string()),
        date: dates::in_words(date, year),
        len: dash + dash_len,
    })
}

/// "MOSCOW, March 25 (Xinhua) --" / "WASHINGTON (Reuters) -".
fn place_first(line: &str, year: Option<i32>) -> Option<Dateline> {
    let open = line.find('(')?;
    let close = open + line[open..].find(')')?;
    let publisher = line[open + 1..close].trim();
    let after = line[close + 1..].trim_start();
    let dash_len = after.len() - after.trim_start_matches(['-', '—', '–']).len();
    if dash_len == 0 || open > 60 || publisher.is_empty() || publisher.len() > 40 {
        return None;
    }
    let head = line[..open].trim();
    let place = head.split(',').next().unwrap_or("").trim();
    // The place is written in capitals: that is what marks a dateline.
    let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || letters.iter().any(|c| c.is_lowercase()) {
        return None;
    }
    let end = close + 1 + (line[close + 1..].len() - after.len()) + dash_len;
    Some(Dateline {
        text: line[..end].trim().to_string(),
        publisher: Some(publisher.to_string()),
        place: Some(place.to_string()),
        date: dates::in_words(head, year),
        len: end,
    })
}

/// "Xinhua, March 25, 2016" / "Reuters | 25 March 2016": a short name, then a
/// full date, and nothing but widget text after it.
fn publisher_first(line: &str) -> Option<Dateline> {
    let sep = line.find([',', '|'])?;
    let publisher = line[..sep].trim();
    let words = publisher.split_whitespace().count();
    let capitalised = publisher.chars().next().is_some_and(char::is_uppercase);
    if words == 0 || words > 4 || !capitalised || publisher.contains(['.', ':']) {
        return None;
    }
    let rest = &line[sep + 1..];
    let date_end = date_prefix_len(rest)?;
    let date = dates::in_words(&rest[..date_end], None)?;
    let end = sep + 1 + date_end;
    let after = line[end..].trim_start();
    let dash_len = after.len() - after.trim_start_matches(['-', '—', '–']).len();
    if dash_len > 0 {
        // "GENEVA, Nov. 24, 2013 --" opens a story: a place, not a publisher.
        let end = line.len() - after.len() + dash_len;
        return Some(Dateline {
            text: line[..end].trim().to_string(),
            publisher: None,
            place: Some(publisher.to_string()),
            date: Some(date),
            len: end,
        });
    }
    Some(Dateline {
        text: line[..end].trim().to_string(),
        publisher: Some(publisher.to_string()),
        place: None,
        date: Some(date),
        len: end,
    })
}

/// Length of a "March 25, 2016" / "25 March 2016" prefix of `s`: three date
/// words (month, day, year in either order), punctuation allowed between.
fn date_prefix_len(s: &str) -> Option<usize> {
    let mut seen = 0;
    let mut end = 0;
    let mut month = false;
    for (start, word) in word_spans(s) {
        let w = word.trim_end_matches([',', '.']);
        let is_num = !w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit());
        let is_month = dates::month(w).is_some();
        if !(is_num || is_month) || seen == 3 {
            break;
        }
        month |= is_month;
        seen += 1;
        end = start + word.trim_end_matches(',').len();
    }
    (seen == 3 && month).then_some(end)
}

fn word_spans(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_with_a_full_date_and_a_dash_is_no_publisher() {
        let d = parse("GENEVA, Nov. 24, 2013 -- Talks resumed on Sunday.", None).unwrap();
        assert_eq!(d.publisher, None);
        assert_eq!(d.place.as_deref(), Some("GENEVA"));
        assert_eq!(d.text, "GENEVA, Nov. 24, 2013 --");
        assert_eq!(d.date, chrono::NaiveDate::from_ymd_opt(2013, 11, 24));
    }

    #[test]
    fn a_place_and_a_short_date_before_a_dash() {
        let d = parse("NEW DELHI, June 16 -- Soldiers clashed.", Some(2020)).unwrap();
        assert_eq!(d.place.as_deref(), Some("NEW DELHI"));
        assert_eq!(d.text, "NEW DELHI, June 16 --");
        assert!(parse("The talks, said one aide -- went well.", None).is_none());
    }

    #[test]
    fn publisher_first_with_widget_text() {
        let d = parse("Xinhua, March 25, 2016 Adjust font size:", None).unwrap();
        assert_eq!(d.text, "Xinhua, March 25, 2016");
        assert_eq!(d.publisher.as_deref(), Some("Xinhua"));
        assert_eq!(d.date, Date::from_ymd_opt(2016, 3, 25));
    }

    #[test]
    fn place_first() {
        let line = "MOSCOW, March 25 (Xinhua) -- Russia said on Friday it would talk.";
        let d = parse(line, Some(2016)).unwrap();
        assert_eq!(d.text, "MOSCOW, March 25 (Xinhua) --");
        assert_eq!(d.place.as_deref(), Some("MOSCOW"));
        assert_eq!(d.publisher.as_deref(), Some("Xinhua"));
        assert_eq!(d.date, Date::from_ymd_opt(2016, 3, 25));
        assert_eq!(line[d.len..].trim(), "Russia said on Friday it would talk.");
        assert!(parse("WASHINGTON (Reuters) - The U.S. Senate on Tuesday", None).is_some());
    }

    #[test]
    fn ordinary_sentences_are_not_datelines() {
        assert!(parse("However, the talks (which began in May) - stalled.", None).is_none());
        assert!(parse("Russia, which annexed Crimea in 2014, said", None).is_none());
        assert!(parse("The pair met on March 25, 2016 in Moscow.", None).is_none());
    }
}
