//! Events (issue 12): what happened, as webhooks deliver it and the change feed lists it. Each event
//! has a stable `type`, a payload schema `version`, and a payload of ids and figures only: never a
//! contact's personal data, never free text, and for an anonymous response nothing that tells its
//! respondent apart (DESIGN §2.2): no invitation, only the day, and it is held back until that day is
//! over, so neither its time nor the moment it is delivered tells when the respondent answered.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::ids::PartnerId;

/// The payload schema version every event type has today.
pub const VERSION: i32 = 1;

/// The type of an event: a stable name, the same in webhooks and in the change feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub enum EventType {
    /// A response was completed (answered through a personal link, or imported by the administrator).
    #[serde(rename = "response.completed")]
    ResponseCompleted,
    /// The administrator voided a response: it no longer counts.
    #[serde(rename = "response.voided")]
    ResponseVoided,
    /// An invitation email could not be delivered and was given up: the invitation bounced.
    #[serde(rename = "invitation.delivery_failed")]
    InvitationDeliveryFailed,
    /// A membership started or stopped meeting the requirement.
    #[serde(rename = "membership.compliance_changed")]
    MembershipComplianceChanged,
    /// A reporting period was closed: its compliance snapshots are stored and its quarters published.
    #[serde(rename = "reporting_period.closed")]
    ReportingPeriodClosed,
}

impl EventType {
    /// Every event type.
    pub const ALL: [EventType; 5] = [
        EventType::ResponseCompleted,
        EventType::ResponseVoided,
        EventType::InvitationDeliveryFailed,
        EventType::MembershipComplianceChanged,
        EventType::ReportingPeriodClosed,
    ];

    /// The stable name (`response.completed`).
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::ResponseCompleted => "response.completed",
            EventType::ResponseVoided => "response.voided",
            EventType::InvitationDeliveryFailed => "invitation.delivery_failed",
            EventType::MembershipComplianceChanged => "membership.compliance_changed",
            EventType::ReportingPeriodClosed => "reporting_period.closed",
        }
    }

    /// The type named `name`, if any.
    pub fn parse(name: &str) -> Option<EventType> {
        EventType::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

impl std::fmt::Display for EventType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `response.completed`: a response was completed. For an anonymous response only the day is given and
/// no invitation, and the event is not delivered before that day is over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ResponseCompleted {
    /// The response.
    pub response_id: Uuid,
    /// Its survey.
    pub survey_id: Uuid,
    /// The survey's office.
    pub office_id: Uuid,
    /// The office's membership.
    pub membership_id: Uuid,
    /// The membership's partner.
    pub partner_id: Uuid,
    /// When it was completed; for an anonymous response the start (00:00 UTC) of that day.
    pub completed_at: DateTime<Utc>,
    /// Whether the respondent chose to stay anonymous.
    pub anonymous: bool,
    /// The invitation answered; absent for an anonymous or imported response.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invitation_id: Option<Uuid>,
}

/// `response.voided`: the administrator voided a response, which no longer counts. The reason is not
/// carried (free text the administrator wrote may name people): read the response for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ResponseVoided {
    /// The response.
    pub response_id: Uuid,
    /// Its survey.
    pub survey_id: Uuid,
    /// The survey's office.
    pub office_id: Uuid,
    /// The office's membership.
    pub membership_id: Uuid,
    /// The membership's partner.
    pub partner_id: Uuid,
    /// When it was voided.
    pub voided_at: DateTime<Utc>,
}

/// `invitation.delivery_failed`: an invitation email was given up and the invitation marked bounced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct InvitationDeliveryFailed {
    /// The invitation.
    pub invitation_id: Uuid,
    /// Its survey.
    pub survey_id: Uuid,
    /// The survey's office.
    pub office_id: Uuid,
    /// The office's membership.
    pub membership_id: Uuid,
    /// The membership's partner.
    pub partner_id: Uuid,
    /// Delivery attempts made.
    pub attempts: i32,
    /// Whether the mail server refused for good (else attempts ran out on temporary failures).
    pub permanent: bool,
    /// The last error, with any email address replaced by `<address>`.
    pub error: String,
}

/// `membership.compliance_changed`: a membership started (`met`) or stopped meeting the requirement,
/// after a response was added or voided, or because a day passed and a response left the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct MembershipComplianceChanged {
    /// The membership.
    pub membership_id: Uuid,
    /// Its partner.
    pub partner_id: Uuid,
    /// Whether it meets the requirement now.
    pub met: bool,
    /// Whether it met it before (always `!met`).
    pub previous_met: bool,
    /// Counted responses of its best office.
    pub best_office_counted: i64,
    /// Counted responses an office needs.
    pub required: i64,
    /// When met: the last day it stays met without new responses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<NaiveDate>,
    /// The day it was judged on.
    pub as_of: NaiveDate,
}

/// `reporting_period.closed`: a reporting period was closed. Program-level, seen by the administrator
/// and the vendor (who already sees every membership's compliance), not by partners.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ReportingPeriodClosed {
    /// The period (`2026-Q4`).
    pub period_id: String,
    /// Its first day.
    pub starts_on: NaiveDate,
    /// Its last day.
    pub ends_on: NaiveDate,
    /// When it was closed.
    pub closed_at: DateTime<Utc>,
    /// Memberships that met the requirement on its last day.
    pub memberships_met: i64,
    /// Memberships that did not.
    pub memberships_not_met: i64,
}

/// An event's payload (`data`), one schema per type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(untagged)]
pub enum EventData {
    /// `response.completed`.
    ResponseCompleted(ResponseCompleted),
    /// `response.voided`.
    ResponseVoided(ResponseVoided),
    /// `invitation.delivery_failed`.
    InvitationDeliveryFailed(InvitationDeliveryFailed),
    /// `membership.compliance_changed`.
    MembershipComplianceChanged(MembershipComplianceChanged),
    /// `reporting_period.closed`.
    ReportingPeriodClosed(ReportingPeriodClosed),
}

/// Who may see an event, and when it may be seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Audience {
    /// The partner whose data it is (`None`: program-level, the administrator's and maybe the vendor's).
    pub partner_id: Option<PartnerId>,
    /// Whether the vendor may see it (aggregates only).
    pub vendor_visible: bool,
}

impl EventData {
    /// Its type.
    pub fn event_type(&self) -> EventType {
        match self {
            EventData::ResponseCompleted(_) => EventType::ResponseCompleted,
            EventData::ResponseVoided(_) => EventType::ResponseVoided,
            EventData::InvitationDeliveryFailed(_) => EventType::InvitationDeliveryFailed,
            EventData::MembershipComplianceChanged(_) => EventType::MembershipComplianceChanged,
            EventData::ReportingPeriodClosed(_) => EventType::ReportingPeriodClosed,
        }
    }

    /// Who may see it: a partner its own events; the vendor only program-level aggregates.
    pub fn audience(&self) -> Audience {
        let partner = |id: Uuid| Audience {
            partner_id: Some(id.into()),
            vendor_visible: false,
        };
        match self {
            EventData::ResponseCompleted(e) => partner(e.partner_id),
            EventData::ResponseVoided(e) => partner(e.partner_id),
            EventData::InvitationDeliveryFailed(e) => partner(e.partner_id),
            EventData::MembershipComplianceChanged(e) => partner(e.partner_id),
            EventData::ReportingPeriodClosed(_) => Audience {
                partner_id: None,
                vendor_visible: true,
            },
        }
    }

    /// When it occurred and from when it may be seen, for an event emitted at `now`. An anonymous
    /// response's completion occurred, as far as anyone is told, at the start of its day (its
    /// `completed_at`, already cut to the day), and is held back until that day is over (an imported
    /// one of a past day is seen at once); every other event is stamped `now` and seen at once.
    pub fn timing(&self, now: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
        match self {
            EventData::ResponseCompleted(e) if e.anonymous => {
                let day = start_of_day(e.completed_at);
                (day, now.max(day + chrono::Duration::days(1)))
            }
            _ => (now, now),
        }
    }
}

/// 00:00 UTC of `time`'s day.
pub fn start_of_day(time: DateTime<Utc>) -> DateTime<Utc> {
    time.date_naive()
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default()
        .and_utc()
}

/// A delivery error as an event may carry it: every word holding an `@` (an address, `<a@b>` or
/// `RCPT TO:<a@b>`) becomes `<address>`, and it is cut to 200 characters.
pub fn redact_addresses(error: &str) -> String {
    let redacted: Vec<String> = error
        .split(' ')
        .map(|word| match word.contains('@') {
            true => "<address>".to_owned(),
            false => word.to_owned(),
        })
        .collect();
    redacted.join(" ").chars().take(200).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    fn completed(anonymous: bool) -> EventData {
        EventData::ResponseCompleted(ResponseCompleted {
            response_id: Uuid::new_v4(),
            survey_id: Uuid::new_v4(),
            office_id: Uuid::new_v4(),
            membership_id: Uuid::new_v4(),
            partner_id: Uuid::new_v4(),
            completed_at: at("2026-11-28T00:00:00Z"),
            anonymous,
            invitation_id: (!anonymous).then(Uuid::new_v4),
        })
    }

    #[test]
    fn type_names_are_stable_and_round_trip() {
        let names: Vec<&str> = EventType::ALL.iter().map(|t| t.as_str()).collect();
        assert_eq!(
            names,
            [
                "response.completed",
                "response.voided",
                "invitation.delivery_failed",
                "membership.compliance_changed",
                "reporting_period.closed"
            ]
        );
        for t in EventType::ALL {
            assert_eq!(EventType::parse(t.as_str()), Some(t));
            assert_eq!(
                serde_json::to_value(t).unwrap(),
                serde_json::json!(t.as_str())
            );
        }
        assert_eq!(EventType::parse("response.created"), None);
    }

    #[test]
    fn an_anonymous_completion_is_stamped_with_its_day_and_held_until_the_next() {
        let now = at("2026-11-28T15:42:17Z");
        assert_eq!(
            completed(true).timing(now),
            (at("2026-11-28T00:00:00Z"), at("2026-11-29T00:00:00Z"))
        );
        assert_eq!(completed(false).timing(now), (now, now));
        let midnight = at("2026-11-28T00:00:00Z");
        assert_eq!(
            completed(true).timing(midnight).1,
            at("2026-11-29T00:00:00Z")
        );
        let imported_days_later = at("2026-12-03T09:00:00Z");
        assert_eq!(
            completed(true).timing(imported_days_later),
            (at("2026-11-28T00:00:00Z"), imported_days_later)
        );
    }

    #[test]
    fn an_anonymous_completion_carries_no_invitation() {
        let json = serde_json::to_value(completed(true)).unwrap();
        assert!(json.get("invitation_id").is_none(), "{json}");
        assert_eq!(json["anonymous"], true);
        let json = serde_json::to_value(completed(false)).unwrap();
        assert!(json["invitation_id"].is_string(), "{json}");
    }

    #[test]
    fn only_period_closings_reach_the_vendor_and_no_partner() {
        assert!(!completed(false).audience().vendor_visible);
        assert!(completed(false).audience().partner_id.is_some());
        let closed = EventData::ReportingPeriodClosed(ReportingPeriodClosed {
            period_id: "2026-Q3".into(),
            starts_on: NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(),
            ends_on: NaiveDate::from_ymd_opt(2026, 9, 30).unwrap(),
            closed_at: at("2026-10-02T08:00:00Z"),
            memberships_met: 3,
            memberships_not_met: 1,
        });
        assert_eq!(
            closed.audience(),
            Audience {
                partner_id: None,
                vendor_visible: true
            }
        );
        assert_eq!(closed.event_type(), EventType::ReportingPeriodClosed);
    }

    #[test]
    fn delivery_errors_lose_their_addresses() {
        assert_eq!(
            redact_addresses(
                "permanent failure: 550 5.1.1 <maria@contoso.example>: Recipient address rejected"
            ),
            "permanent failure: 550 5.1.1 <address> Recipient address rejected"
        );
        assert_eq!(
            redact_addresses("invalid recipient: maria@@x"),
            "invalid recipient: <address>"
        );
        assert_eq!(redact_addresses(&"x".repeat(500)).len(), 200);
    }
}
