//! Anonymity against the partner: an anonymous respondent must look, in everything the partner can
//! read, like any other invitee who did not answer under their name (DESIGN §2.2).

/// The invitation state a partner is shown. Opening a link is not shown (every anonymous respondent
/// opened theirs), and an anonymously answered invitation looks unanswered: both show as `sent` once
/// the link was delivered, else `pending`. Expiry is then judged on the state shown, as for any
/// unanswered link.
pub fn partner_visible_status(stored: &str, answered_anonymously: bool, delivered: bool) -> &str {
    let unanswered = if delivered { "sent" } else { "pending" };
    match stored {
        "opened" => unanswered,
        "completed" if answered_anonymously => unanswered,
        other => other,
    }
}

/// The answer locale kept with a response: none for an anonymous one (it could point at the contact),
/// and only a valid language tag otherwise.
pub fn kept_locale(locale: Option<String>, anonymous: bool) -> Option<String> {
    locale.filter(|l| !anonymous && super::is_valid_locale(l))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_anonymous_answer_looks_like_a_link_sent_and_not_answered() {
        assert_eq!(partner_visible_status("completed", true, true), "sent");
        assert_eq!(partner_visible_status("opened", false, true), "sent");
        assert_eq!(partner_visible_status("sent", false, true), "sent");
        assert_eq!(partner_visible_status("completed", true, false), "pending");
        assert_eq!(partner_visible_status("opened", false, false), "pending");
    }

    #[test]
    fn an_anonymous_response_keeps_no_locale() {
        assert_eq!(kept_locale(Some("bg".into()), true), None);
        assert_eq!(kept_locale(Some("bg".into()), false).as_deref(), Some("bg"));
        assert_eq!(kept_locale(Some("bulgarian".into()), false), None);
    }

    #[test]
    fn named_answers_and_other_states_show_as_they_are() {
        assert_eq!(
            partner_visible_status("completed", false, true),
            "completed"
        );
        for state in ["pending", "bounced"] {
            assert_eq!(partner_visible_status(state, false, false), state);
        }
    }
}
