//! Anonymity against the partner: an anonymous respondent must look, in everything the partner can
//! read, like any other invitee who did not answer under their name (DESIGN §2.2).

use super::invitation::InvitationStatus;

/// The invitation state a partner is shown. Opening a link is not shown (every anonymous respondent
/// opened theirs), and an anonymously answered invitation looks unanswered: both show as `sent` once
/// the link was delivered, else `pending`. Expiry is then judged on the state shown, as for any
/// unanswered link.
pub fn partner_visible_status(
    stored: InvitationStatus,
    answered_anonymously: bool,
    delivered: bool,
) -> InvitationStatus {
    let unanswered = if delivered {
        InvitationStatus::Sent
    } else {
        InvitationStatus::Pending
    };
    match stored {
        InvitationStatus::Opened => unanswered,
        InvitationStatus::Completed if answered_anonymously => unanswered,
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
    use InvitationStatus::*;

    use super::*;

    #[test]
    fn an_anonymous_answer_looks_like_a_link_sent_and_not_answered() {
        assert_eq!(partner_visible_status(Completed, true, true), Sent);
        assert_eq!(partner_visible_status(Opened, false, true), Sent);
        assert_eq!(partner_visible_status(Sent, false, true), Sent);
        assert_eq!(partner_visible_status(Completed, true, false), Pending);
        assert_eq!(partner_visible_status(Opened, false, false), Pending);
    }

    #[test]
    fn an_anonymous_response_keeps_no_locale() {
        assert_eq!(kept_locale(Some("bg".into()), true), None);
        assert_eq!(kept_locale(Some("bg".into()), false).as_deref(), Some("bg"));
        assert_eq!(kept_locale(Some("bulgarian".into()), false), None);
    }

    #[test]
    fn named_answers_and_other_states_show_as_they_are() {
        assert_eq!(partner_visible_status(Completed, false, true), Completed);
        for state in [Pending, Bounced] {
            assert_eq!(partner_visible_status(state, false, false), state);
        }
    }
}
