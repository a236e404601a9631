//! Pure rules of the program: no IO, unit-tested.

pub mod anonymity;
pub mod compliance;
pub mod contact;
pub mod country;
pub mod disclosure;
pub mod events;
pub mod ids;
pub mod invitation;
pub mod metrics;
pub mod org_key;
pub mod periods;
pub mod questionnaire;
pub mod response;
pub mod survey;
pub mod webhooks;

/// The field error for text holding control characters.
pub const CONTROL_CHARACTERS: &str =
    "must not contain control characters (tab and line breaks are allowed)";

/// Whether text holds a control character other than tab, line feed or carriage return: such
/// characters are invisible, PostgreSQL cannot store NUL, and no name, key or answer needs them.
pub fn has_control_characters(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// Whether `locale` looks like a BCP 47 language tag we can serve (`en`, `bg`, `pt-BR`, `zh-Hant`).
pub fn is_valid_locale(locale: &str) -> bool {
    let mut parts = locale.split('-');
    let language = parts.next().unwrap_or_default();
    let language_ok =
        (2..=3).contains(&language.len()) && language.bytes().all(|b| b.is_ascii_lowercase());
    language_ok
        && parts.all(|part| {
            (part.len() == 2 && part.bytes().all(|b| b.is_ascii_uppercase()))
                || (part.len() == 4 && part.bytes().all(|b| b.is_ascii_alphabetic()))
                || (part.len() == 3 && part.bytes().all(|b| b.is_ascii_digit()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_other_than_tab_and_line_breaks_are_refused() {
        for bad in [
            "a\u{0}b",
            "\u{7}",
            "x\u{1b}[31m",
            "\u{7f}",
            "\u{85}",
            "\u{9f}",
        ] {
            assert!(has_control_characters(bad), "{bad:?}");
        }
        for fine in [
            "",
            "plain",
            "tab\there",
            "two\r\nlines\n",
            "Добре 👍",
            "\u{a0}",
        ] {
            assert!(!has_control_characters(fine), "{fine:?}");
        }
    }

    #[test]
    fn locales() {
        for ok in ["en", "bg", "ru", "pt-BR", "zh-Hant", "es-419", "fil"] {
            assert!(is_valid_locale(ok), "{ok}");
        }
        for bad in ["", "EN", "english", "en_US", "en-", "e", "en-us1"] {
            assert!(!is_valid_locale(bad), "{bad}");
        }
    }
}
