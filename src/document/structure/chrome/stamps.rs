//! When a page says something was written, counted back from now or by the clock: a
//! reader's comment heads ("Alcalino" / "Hace 28 minutos", "Woyzeck 2 days ago at 07:52 am")
//! and the stamps that tell a thread or a list of teasers from the article's own dateline.

/// A word of a name before a comment's stamp: capitalised (or a handle), no punctuation after
/// it, as "Woyzeck" or "Nick A" and not "The council, which met".
fn is_name_word(word: &str) -> bool {
    let first = word.chars().next();
    (first.is_some_and(char::is_uppercase) || first == Some('@'))
        && !word.ends_with([',', '.', ';', ':'])
}

/// The units a time counted back from now is told in, by language: "2 hours ago", "hace 2
/// horas", "há 2 horas", "il y a 2 heures", "vor 2 Stunden", "2 ore fa".
const TIME_UNITS: &[&str] = &[
    "second",
    "seconds",
    "minute",
    "minutes",
    "min",
    "mins",
    "hour",
    "hours",
    "hr",
    "hrs",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "segundo",
    "segundos",
    "minuto",
    "minutos",
    "hora",
    "horas",
    "día",
    "días",
    "dia",
    "dias",
    "semana",
    "semanas",
    "mes",
    "meses",
    "mês",
    "año",
    "años",
    "ano",
    "anos",
    "seconde",
    "secondes",
    "heure",
    "heures",
    "jour",
    "jours",
    "semaine",
    "semaines",
    "mois",
    "an",
    "ans",
    "sekunde",
    "sekunden",
    "minuten",
    "stunde",
    "stunden",
    "tag",
    "tagen",
    "woche",
    "wochen",
    "monat",
    "monaten",
    "jahr",
    "jahren",
    "secondo",
    "secondi",
    "minuti",
    "ora",
    "ore",
    "giorno",
    "giorni",
    "settimana",
    "settimane",
    "mese",
    "mesi",
    "anno",
    "anni",
    // Czech and Slovak ("před 2 hodinami", "pred 5 minútami"), Polish ("2 godziny temu"),
    // Dutch ("2 uur geleden"), Swedish ("2 timmar sedan"), Danish and Norwegian ("2 timer
    // siden"), Russian ("2 часа назад").
    "sekundami",
    "minutou",
    "minutami",
    "minútou",
    "minútami",
    "hodinou",
    "hodinami",
    "dnem",
    "dny",
    "dňom",
    "dňami",
    "týdnem",
    "týdny",
    "měsícem",
    "měsíci",
    "rokem",
    "lety",
    "sekund",
    "sekundy",
    "minut",
    "minuty",
    "minutę",
    "godzinę",
    "godziny",
    "godzin",
    "dni",
    "dzień",
    "tydzień",
    "tygodnie",
    "tygodni",
    "miesiąc",
    "miesiące",
    "miesięcy",
    "rok",
    "lata",
    "lat",
    "seconden",
    "minuut",
    "uur",
    "dag",
    "dagen",
    "weken",
    "maand",
    "maanden",
    "jaar",
    "minuter",
    "timme",
    "timmar",
    "dagar",
    "vecka",
    "veckor",
    "månad",
    "månader",
    "år",
    "minutter",
    "time",
    "timer",
    "døgn",
    "dage",
    "dager",
    "uge",
    "uger",
    "uke",
    "uker",
    "måned",
    "måneder",
    "секунд",
    "секунды",
    "минуту",
    "минуты",
    "минут",
    "час",
    "часа",
    "часов",
    "день",
    "дня",
    "дней",
    "неделю",
    "недели",
    "недель",
    "месяц",
    "месяца",
    "месяцев",
    "год",
    "года",
    "лет",
];

/// The words after a count and its unit that make it a time counted back from now.
const AGO_AFTER: &[&str] = &["ago", "fa", "temu", "geleden", "sedan", "siden", "назад"];

/// The words before a count and its unit that make it one.
const AGO_BEFORE: &[&str] = &["hace", "há", "vor", "před", "pred"];

/// A count of a time unit: figures, or the word for one ("an hour ago", "hace una hora").
fn is_count(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_digit())
        || matches!(
            word,
            "a" | "an" | "un" | "una" | "um" | "uma" | "une" | "einem" | "einer"
        )
}

/// How many words open `words` as a time counted back from now, in English, Spanish,
/// Portuguese, French, German, Italian, Czech, Slovak, Polish, Dutch, the Scandinavian
/// languages or Russian; 0 when they do not.
fn time_ago_words(words: &[&str]) -> usize {
    let lower: Vec<String> = words
        .iter()
        .take(5)
        .map(|w| w.trim_end_matches([',', '.']).to_lowercase())
        .collect();
    let at = |i: usize| lower.get(i).map_or("", String::as_str);
    let unit = |i: usize| TIME_UNITS.contains(&at(i));
    // "2 hours ago", "2 ore fa"; "hace 2 horas", "há 2 horas", "vor 2 Stunden".
    let after = is_count(at(0)) && unit(1) && AGO_AFTER.contains(&at(2));
    let before = AGO_BEFORE.contains(&at(0)) && is_count(at(1)) && unit(2);
    if after || before {
        3
    } else if matches!(at(0), "před" | "pred") && unit(1)
        || unit(0) && matches!(at(1), "temu" | "назад")
    {
        // A unit of one without its count, as the Slavic languages say it: "před hodinou",
        // "godzinę temu", "час назад".
        2
    } else if at(0) == "il" && at(1) == "y" && at(2) == "a" && is_count(at(3)) && unit(4) {
        5
    } else {
        0
    }
}

/// How many words open `words` as a time counted back from now in figures, in any of the
/// languages [`time_ago_words`] reads ("2 hours ago", "hace 3 días", "vor 5 Minuten", "il y a
/// 2 jours"); 0 when they do not. A count in words ("a year ago") is prose's as often as a
/// stamp's, and is left out. Asked at every word of a page: most are told by their first
/// letter, before anything is lower-cased.
fn counted_time_ago(words: &[&str]) -> usize {
    let Some(first) = words.first() else {
        return 0;
    };
    let may_open = first.starts_with(|c: char| c.is_ascii_digit())
        || first.chars().count() <= 4
            && matches!(
                first.to_lowercase().as_str(),
                "hace" | "há" | "vor" | "před" | "pred" | "il"
            );
    if !may_open {
        return 0;
    }
    let stamp = time_ago_words(words);
    let counted = words.iter().take(stamp).any(|w| {
        w.trim_end_matches([',', '.'])
            .bytes()
            .all(|b| b.is_ascii_digit())
    });
    if counted { stamp } else { 0 }
}

/// The head of a reader's comment set apart from its text: the writer's name (a word or
/// three, or a handle) and when it was written, counted back from now, and nothing else
/// ("Alcalino" / "Hace 28 minutos", "Ada Quill 2 days ago at 07:52"). One alone may be an
/// article's dateline ("Updated 3 hours ago"); two on a page are a thread of comments.
pub(crate) fn is_comment_head(text: &str) -> bool {
    // Asked of every block of a page: a paragraph is told by its eleventh word, unsplit.
    if text.split_whitespace().nth(10).is_some() {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    // "Updated 3 hours ago": the article's own stamp, no writer's name.
    let dateline = words
        .first()
        .is_some_and(|first| DATELINE_WORDS.contains(&first.to_lowercase().trim_end_matches(':')));
    !dateline
        && (1..=3).any(|name| {
            let stamp = words.get(name..).map_or(0, time_ago_words);
            let rest = words.get(name + stamp..).unwrap_or_default();
            stamp > 0
                && words[..name].iter().all(|w| {
                    w.chars()
                        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-' | '@'))
                })
                && (rest.is_empty() || is_time_of_day_words(rest))
        })
}

/// Words that open an article's stamp of when it was published or changed.
const DATELINE_WORDS: &[&str] = &[
    "updated",
    "posted",
    "published",
    "edited",
    "modified",
    "actualizado",
    "publicado",
    "atualizado",
    "aktualisiert",
    "veröffentlicht",
    "aggiornato",
    "pubblicato",
    "publié",
    "modifié",
    "mis",
    "aktualizováno",
    "publikováno",
    "aktualizované",
    "zaktualizowano",
    "opublikowano",
    "bijgewerkt",
    "gepubliceerd",
    "uppdaterad",
    "publicerad",
    "opdateret",
    "oppdatert",
    "publisert",
    "обновлено",
    "опубликовано",
];

/// An hour of the clock as one word: "20:44", "9:05", "08:15:02".
pub(crate) fn is_hour(word: &str) -> bool {
    let parts: Vec<&str> = word.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

/// "at 07:52 am", "a las 14:10": the hour a comment was written, after its stamp.
fn is_time_of_day_words(words: &[&str]) -> bool {
    words.len() <= 4
        && words.iter().any(|w| is_hour(w))
        && words.iter().all(|w| {
            is_hour(w)
                || matches!(
                    w.to_lowercase().as_str(),
                    "at" | "am" | "pm" | "a" | "las" | "la" | "às" | "à" | "um" | "alle"
                )
        })
}

/// How a block is stamped with times counted back from now ("2 days ago"): how many stamps it
/// holds, and whether one opens it, after at most a name, with words after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TimeAgo {
    pub stamps: usize,
    pub opens: bool,
}

impl TimeAgo {
    pub(crate) fn of(text: &str) -> TimeAgo {
        let mut found = TimeAgo {
            stamps: 0,
            opens: false,
        };
        if text.len() > 50_000 {
            return found;
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        for at in 0..words.len() {
            let stamp = counted_time_ago(&words[at..]);
            if stamp == 0 {
                continue;
            }
            found.stamps += 1;
            // Alone on its line, "Updated 3 hours ago" is the article's dateline: a comment
            // has its words after the stamp, and no comma parts them from it as a sentence
            // that opens on a time does ("2 years ago, I moved to Lyon"). Read in English
            // only: a name, a stamp and words after them are as often an article's byline
            // over its standfirst, run together ("Aleš Vávra před 2 hodinami Zázrak jedné
            // sezony? West Ham…"), and what is read in more languages must hide no more.
            let last = words[at + stamp - 1];
            let english = last
                .trim_end_matches([',', '.'])
                .eq_ignore_ascii_case("ago");
            let named = words[..at].iter().all(|w| is_name_word(w));
            found.opens |= english
                && found.stamps == 1
                && at <= 3
                && named
                && !last.ends_with(',')
                && words.len() >= at + stamp + 8;
        }
        found
    }

    /// A reader's comment, or a teaser of another page: it opens on a name (or nothing) and a stamp
    /// ("Woyzeck 2 days ago at 07:52 am It's good to see …", "16 hours ago on iOS Blog …").
    pub(crate) fn opens_entry(self) -> bool {
        self.opens
    }

    /// Not the article's prose: an entry, or a block holding two stamps or more (a list of
    /// teasers, a thread run together). Articles date themselves; they do not say "3 hours
    /// ago" of themselves, least of all twice.
    pub(crate) fn is_not_article(self) -> bool {
        self.opens || self.stamps >= 2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_open_on_a_name_and_a_time_ago_and_datelines_do_not() {
        let comment = TimeAgo::of(
            "Woyzeck 2 days ago at 07:52 am It is good to see Apple unveiling its products again.",
        );
        assert!(comment.opens_entry() && comment.is_not_article());
        // A dateline alone, or an article that mentions a time ago once, is the article's.
        assert!(!TimeAgo::of("Updated 3 hours ago").is_not_article());
        let prose = TimeAgo::of(
            "The council, which met 2 days ago for the first time since the vote, agreed on the budget.",
        );
        assert!(!prose.is_not_article());
        // Two stamps: a run of teasers.
        let teasers = TimeAgo::of(
            "Weather: sunshine by the end of the day. 1 hour ago Weather: patchy fog overnight 7 hours ago",
        );
        assert!(!teasers.opens_entry() && teasers.is_not_article());
        // A sentence that opens on a time, a comma after it, is prose.
        let opening = TimeAgo::of(
            "2 years ago, I moved to Lyon with nothing but a suitcase and a few words of French.",
        );
        assert!(!opening.is_not_article());
    }

    #[test]
    fn teasers_and_comments_are_stamped_in_other_languages_too() {
        for teasers in [
            "Tiempo: sol por la tarde hace 2 horas Tráfico: atascos en la A-6 hace 5 horas",
            "Wetter: Sonne am Nachmittag vor 3 Stunden Verkehr: Stau auf der A8 vor 5 Stunden",
            "Météo : soleil l'après-midi il y a 2 heures Trafic : bouchons il y a 4 heures",
            "Pogoda: słońce po południu 2 godziny temu Ruch: korki na A1 5 godzin temu",
        ] {
            assert!(TimeAgo::of(teasers).is_not_article(), "{teasers}");
        }
        // One stamp after a name, words after it: a comment, or a byline over its
        // standfirst. Only English pages have been read to tell them.
        let byline = TimeAgo::of(
            "Aleš Vávra před 2 hodinami Zázrak jedné sezony? West Ham dává pochybovačům stále pádnější odpovědi.",
        );
        assert!(!byline.is_not_article());
        // Said in words, a time ago is as often prose's as a stamp's.
        let prose = TimeAgo::of(
            "Hace un año la ciudad abrió el puente, y hace una semana lo cerró otra vez por obras.",
        );
        assert!(!prose.is_not_article());
    }

    #[test]
    fn a_comments_head_is_a_name_and_a_time_ago_in_several_languages() {
        for head in [
            "Alcalino\nHace 28 minutos",
            "angelcaido Hace una hora",
            "Ada Quill 2 days ago at 07:52 am",
            "Hugo Lind\nvor 3 Stunden",
            "marie_d il y a 2 jours",
            "Aleš Vávra\npřed 2 hodinami",
            "Jan Kowalski 3 godziny temu",
            "Pieter 2 uur geleden",
            "Ольга час назад",
            "Paolo 5 ore fa",
            "Joana Silva há 4 dias",
        ] {
            assert!(is_comment_head(head), "{head}");
        }
        for text in [
            "Updated 3 hours ago at the council",
            "El juez lo imputó hace 3 años por blanqueo de capitales.",
            "Hace 28 minutos",
            "Updated 3 hours ago",
            "Actualizado hace 2 horas",
            "Posted by the desk, 2 days ago",
            "Soud rozhodl před 2 lety o vině obžalovaného.",
            "Aktualizováno před hodinou",
        ] {
            assert!(!is_comment_head(text), "{text}");
        }
    }
}
