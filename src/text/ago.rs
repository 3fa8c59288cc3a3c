//! How long ago something happened, as people say it in a list: "just now", "5 minutes ago",
//! "yesterday", "2 days ago", "3 weeks ago", "4 months ago", "2 years ago". Times are seconds
//! since the Unix epoch; the caller says what "now" is, so the words are testable.

/// `then` said relative to `now`. A time in the future (a clock set back) is "just now".
pub fn ago(now: i64, then: i64) -> String {
    const MINUTE: i64 = 60;
    const HOUR: i64 = 60 * MINUTE;
    const DAY: i64 = 24 * HOUR;
    let elapsed = now.saturating_sub(then).max(0);
    let (count, unit) = match elapsed {
        e if e < MINUTE => return "just now".to_string(),
        e if e < HOUR => (e / MINUTE, "minute"),
        e if e < DAY => (e / HOUR, "hour"),
        e if e < 2 * DAY => return "yesterday".to_string(),
        e if e < 14 * DAY => (e / DAY, "day"),
        e if e < 61 * DAY => (e / (7 * DAY), "week"),
        e if e < 365 * DAY => (e / (30 * DAY), "month"),
        e => (e / (365 * DAY), "year"),
    };
    let plural = if count == 1 { "" } else { "s" };
    format!("{count} {unit}{plural} ago")
}

#[cfg(test)]
mod tests {
    use super::ago;

    #[test]
    fn elapsed_time_reads_as_people_say_it() {
        let now = 1_000_000_000;
        let cases = [
            (0, "just now"),
            (59, "just now"),
            (60, "1 minute ago"),
            (5 * 60 + 30, "5 minutes ago"),
            (3 * 3600, "3 hours ago"),
            (30 * 3600, "yesterday"),
            (2 * 86_400 + 5, "2 days ago"),
            (20 * 86_400, "2 weeks ago"),
            (100 * 86_400, "3 months ago"),
            (800 * 86_400, "2 years ago"),
            (-500, "just now"),
        ];
        for (elapsed, said) in cases {
            assert_eq!(ago(now, now - elapsed), said, "{elapsed} seconds");
        }
    }
}
