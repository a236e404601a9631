//! `csat-index demo`: a realistic sample program, so Swagger UI, the partner views and the vendor view
//! show meaningful figures right after the first start.

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use crate::{
    auth::Visibility,
    db::{
        self,
        contacts::ContactRow,
        invitations::InvitationRow,
        memberships::MembershipRow,
        offices::OfficeRow,
        partners::PartnerRow,
        questions::QuestionRow,
        responses::{AnswerRow, ResponseRow},
        surveys::SurveyRow,
        DbConnection,
    },
    domain::{
        contact::ConsentMethod,
        disclosure::Quarter,
        ids::{QuestionId, ResponseId},
        invitation::{Delivery, InvitationStatus},
        org_key::org_key,
        questionnaire::{ChoiceOption, Metric, Question, QuestionKind},
        response::ResponseSource,
        survey::SurveyStatus as Status,
    },
    error::{ApiError, ApiResult},
    service::respond::new_token,
};

/// What the demo created.
#[derive(Debug, Default)]
pub struct DemoSummary {
    /// Partners.
    pub partners: usize,
    /// Memberships.
    pub memberships: usize,
    /// Offices.
    pub offices: usize,
    /// Contacts.
    pub contacts: usize,
    /// Responses.
    pub responses: usize,
    /// Ended quarters published, as if their reporting periods had been closed.
    pub published_quarters: usize,
    /// One partner id, for `csat-index token --role partner --partner-id …`.
    pub example_partner: Option<Uuid>,
}

/// A deterministic pseudo-random sequence (the demo is the same every time).
struct Dice(u64);

impl Dice {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below.max(1)
    }
}

/// One office of the demo: where it is, and the responses it collected as (organization, count, days ago from, to, mood).
struct OfficePlan {
    name: &'static str,
    country: &'static str,
    city: &'static str,
    batches: &'static [(&'static str, usize, i64, i64, Mood)],
}

#[derive(Clone, Copy)]
enum Mood {
    Happy,
    Mixed,
    Unhappy,
}

struct PartnerPlan {
    key: &'static str,
    name: &'static str,
    domain: &'static str,
    memberships: &'static [(&'static str, &'static [OfficePlan])],
}

const PLAN: &[PartnerPlan] = &[
    PartnerPlan {
        key: "PN-1001",
        name: "Northwind Consulting",
        domain: "northwind.example",
        memberships: &[
            (
                "MPN-1001-A",
                &[
                    OfficePlan {
                        name: "Northwind Sofia",
                        country: "BG",
                        city: "Sofia",
                        batches: &[
                            ("Contoso Ltd", 10, 20, 300, Mood::Happy),
                            ("Fabrikam", 3, 30, 200, Mood::Mixed),
                            ("Litware", 2, 40, 100, Mood::Happy),
                            ("Adventure Works", 2, 10, 90, Mood::Happy),
                            ("Old Client", 3, 380, 430, Mood::Mixed),
                        ],
                    },
                    OfficePlan {
                        name: "Northwind Berlin",
                        country: "DE",
                        city: "Berlin",
                        batches: &[
                            ("Proseware GmbH", 4, 20, 200, Mood::Mixed),
                            ("Wide World Importers", 3, 50, 250, Mood::Happy),
                        ],
                    },
                ],
            ),
            (
                "MPN-1001-B",
                &[OfficePlan {
                    name: "Northwind Plovdiv",
                    country: "BG",
                    city: "Plovdiv",
                    batches: &[
                        ("Trey Research", 4, 30, 300, Mood::Mixed),
                        ("Blue Yonder", 4, 60, 200, Mood::Happy),
                        ("Coho Winery", 1, 15, 15, Mood::Unhappy),
                    ],
                }],
            ),
        ],
    },
    PartnerPlan {
        key: "PN-2002",
        name: "Fabrikam Solutions",
        domain: "fabrikam-solutions.example",
        memberships: &[(
            "MPN-2002-A",
            &[
                OfficePlan {
                    name: "Fabrikam Paris",
                    country: "FR",
                    city: "Paris",
                    batches: &[
                        ("Margie's Travel", 6, 20, 250, Mood::Happy),
                        ("Tailspin Toys", 6, 40, 330, Mood::Happy),
                        ("Graphic Design Institute", 2, 5, 60, Mood::Mixed),
                    ],
                },
                OfficePlan {
                    name: "Fabrikam Lyon",
                    country: "FR",
                    city: "Lyon",
                    batches: &[("Humongous Insurance", 5, 30, 200, Mood::Mixed)],
                },
            ],
        )],
    },
    PartnerPlan {
        key: "PN-3003",
        name: "Tailspin Integrators",
        domain: "tailspin-integrators.example",
        memberships: &[(
            "MPN-3003-A",
            &[
                OfficePlan {
                    name: "Tailspin Moscow",
                    country: "RU",
                    city: "Moscow",
                    batches: &[
                        ("Alpine Ski House", 2, 20, 200, Mood::Unhappy),
                        ("Lucerne Publishing", 1, 100, 100, Mood::Mixed),
                    ],
                },
                OfficePlan {
                    name: "Tailspin Seattle",
                    country: "US",
                    city: "Seattle",
                    batches: &[
                        ("Woodgrove Bank", 5, 30, 300, Mood::Mixed),
                        ("Nod Publishers", 5, 10, 200, Mood::Happy),
                        ("School of Fine Art", 2, 60, 120, Mood::Happy),
                    ],
                },
            ],
        )],
    },
    PartnerPlan {
        key: "PN-4004",
        name: "Adatum Partners",
        domain: "adatum-partners.example",
        memberships: &[
            (
                "MPN-4004-A",
                &[OfficePlan {
                    name: "Adatum Munich",
                    country: "DE",
                    city: "Munich",
                    batches: &[
                        ("Relecloud", 6, 15, 300, Mood::Unhappy),
                        ("VanArsdel", 6, 20, 280, Mood::Mixed),
                    ],
                }],
            ),
            (
                "MPN-4004-B",
                &[
                    OfficePlan {
                        name: "Adatum Varna",
                        country: "BG",
                        city: "Varna",
                        batches: &[
                            ("Contoso Ltd", 2, 20, 200, Mood::Happy),
                            ("Lamna Healthcare", 1, 30, 150, Mood::Happy),
                        ],
                    },
                    OfficePlan {
                        name: "Adatum Bucharest",
                        country: "RO",
                        city: "Bucharest",
                        batches: &[
                            ("Munson's Pickles", 2, 20, 100, Mood::Mixed),
                            ("Best For You Organics", 1, 40, 160, Mood::Happy),
                        ],
                    },
                ],
            ),
        ],
    },
];

/// No demo response is older than this (the oldest batch, plus the minutes before `now`).
const OLDEST_DAYS_AGO: u64 = 500;

/// Connects to the database of `config` and seeds the demo program there (see [`seed`]).
pub fn seed_database(config: &crate::Config, now: DateTime<Utc>) -> ApiResult<DemoSummary> {
    let pool = db::connect(config).map_err(ApiError::Unavailable)?;
    let mut conn = pool
        .get()
        .map_err(|e| ApiError::Unavailable(e.to_string()))?;
    seed(&mut conn, now)
}

/// Seeds the demo program; refuses when the database already holds partners.
pub fn seed(conn: &mut DbConnection, now: DateTime<Utc>) -> ApiResult<DemoSummary> {
    db::write_tx(conn, |conn| {
        if !db::partners::list(conn, Visibility::All, None, 1)?
            .0
            .is_empty()
        {
            return Err(ApiError::Conflict(
                "the database already holds partners; run the demo on an empty database".into(),
            ));
        }
        let mut dice = Dice(2026);
        let mut summary = DemoSummary::default();
        let stamp = db::timestamp(now);
        let standard = db::questions::standard(conn)?;
        for plan in PLAN {
            let partner = PartnerRow {
                id: Uuid::now_v7().into(),
                external_key: plan.key.into(),
                name: plan.name.into(),
                email_domains: serde_json::to_string(&[plan.domain]).unwrap_or_default(),
                version: 1,
                created_at: stamp.clone(),
                updated_at: stamp.clone(),
            };
            db::partners::insert(conn, partner.clone())?;
            summary.partners += 1;
            summary.example_partner.get_or_insert(partner.id.into());
            for (number, offices) in plan.memberships {
                let membership = MembershipRow {
                    id: Uuid::now_v7().into(),
                    partner_id: partner.id,
                    membership_number: (*number).into(),
                    renewal_date: (now + Duration::days(120 + dice.next(200) as i64))
                        .date_naive()
                        .to_string(),
                    version: 1,
                    created_at: stamp.clone(),
                    updated_at: stamp.clone(),
                    external_id: None,
                };
                db::memberships::insert(conn, membership.clone())?;
                summary.memberships += 1;
                for office_plan in *offices {
                    let office = db::offices::insert(
                        conn,
                        OfficeRow {
                            id: Uuid::now_v7().into(),
                            membership_id: membership.id,
                            partner_id: partner.id,
                            name: office_plan.name.into(),
                            country: office_plan.country.into(),
                            city: office_plan.city.into(),
                            version: 1,
                            created_at: stamp.clone(),
                            updated_at: stamp.clone(),
                            external_id: None,
                        },
                    )?;
                    summary.offices += 1;
                    seed_office(
                        conn,
                        &office,
                        office_plan,
                        &standard,
                        &mut dice,
                        now,
                        &mut summary,
                    )?;
                }
                crate::service::standing::refresh(conn, membership.id, &stamp)?;
            }
        }
        let today = now.date_naive();
        let mut quarter = Quarter::containing(today - chrono::Days::new(OLDEST_DAYS_AGO));
        while quarter.ends_on() < today {
            if crate::service::publication::publish(conn, quarter, &stamp, "demo")?.is_some() {
                summary.published_quarters += 1;
            }
            quarter = Quarter::containing(quarter.ends_on() + chrono::Days::new(1));
        }
        Ok(summary)
    })
}

fn custom_question() -> Question {
    let texts = |en: &str, bg: &str, ru: &str| {
        [("en", en), ("bg", bg), ("ru", ru)]
            .into_iter()
            .map(|(l, t)| (l.to_owned(), t.to_owned()))
            .collect()
    };
    Question {
        id: Uuid::now_v7(),
        standard: false,
        position: 101,
        kind: QuestionKind::SingleChoice,
        metric: None,
        required: false,
        min_value: None,
        max_value: None,
        prompt: texts(
            "Which service did you use?",
            "Коя услуга използвахте?",
            "Какой услугой вы пользовались?",
        ),
        scale_labels: None,
        options: vec![
            ChoiceOption {
                value: "licensing".into(),
                label: texts("Licensing", "Лицензиране", "Лицензирование"),
            },
            ChoiceOption {
                value: "deployment".into(),
                label: texts("Deployment", "Внедряване", "Внедрение"),
            },
            ChoiceOption {
                value: "support".into(),
                label: texts("Support", "Поддръжка", "Поддержка"),
            },
        ],
    }
}

fn seed_office(
    conn: &mut DbConnection,
    office: &OfficeRow,
    plan: &OfficePlan,
    standard: &[Question],
    dice: &mut Dice,
    now: DateTime<Utc>,
    summary: &mut DemoSummary,
) -> ApiResult<()> {
    let stamp = db::timestamp(now);
    let mut survey =
        |title: &str, status: Status, opened_days_ago: i64| -> ApiResult<(SurveyRow, QuestionId)> {
            let custom = custom_question();
            let mut questionnaire = standard.to_vec();
            questionnaire.push(custom.clone());
            let opened = db::timestamp(now - Duration::days(opened_days_ago));
            let row = SurveyRow {
                id: Uuid::now_v7().into(),
                office_id: office.id,
                membership_id: office.membership_id,
                partner_id: office.partner_id,
                title: title.into(),
                status,
                locales: serde_json::to_string(&["en", "bg", "ru"]).unwrap_or_default(),
                closes_at: None,
                opened_at: Some(opened.clone()),
                closed_at: (status == Status::Closed)
                    .then(|| db::timestamp(now - Duration::days(opened_days_ago / 2))),
                questionnaire: Some(serde_json::to_string(&questionnaire).unwrap_or_default()),
                version: 1,
                created_at: opened.clone(),
                updated_at: opened,
            };
            let survey = db::surveys::insert(conn, row)?;
            db::questions::insert(
                conn,
                &QuestionRow::from_question(&custom, Some(survey.id), 1, &stamp, &stamp),
            )?;
            Ok((survey, QuestionId::from(custom.id)))
        };
    let earlier = survey(&format!("{} — 2025/26", plan.name), Status::Closed, 460)?;
    let current = survey(&format!("{} — 2026/27", plan.name), Status::Open, 200)?;
    let mut first_voided = summary.responses == 0;
    for (organization, count, newest, oldest, mood) in plan.batches {
        for i in 0..*count {
            let name = format!(
                "Customer {} {}",
                organization.split_whitespace().next().unwrap_or("X"),
                i + 1
            );
            let domain = organization
                .to_lowercase()
                .replace(|c: char| !c.is_ascii_alphanumeric(), "");
            // Small customers often use free mail; their organization name identifies them then.
            let email = if *count <= 3 && i % 3 == 2 {
                format!("{}.{}@gmail.com", domain, i)
            } else {
                format!("c{}@{}.example", i, domain)
            };
            let contact = db::contacts::insert(
                conn,
                ContactRow {
                    id: Uuid::now_v7().into(),
                    office_id: office.id,
                    partner_id: office.partner_id,
                    name: Some(name),
                    org_key: org_key(&email, Some(organization)),
                    email: Some(email),
                    organization: Some((*organization).into()),
                    locale: Some(["en", "bg", "ru"][dice.next(3) as usize].into()),
                    consent_given_at: Some(db::timestamp(now - Duration::days(500))),
                    consent_method: Some(ConsentMethod::Contract),
                    erased_at: None,
                    version: 1,
                    created_at: stamp.clone(),
                    updated_at: stamp.clone(),
                    external_id: None,
                },
            )?;
            summary.contacts += 1;
            let days_ago = newest + dice.next((oldest - newest + 1) as u64) as i64;
            let completed =
                now - Duration::days(days_ago) - Duration::minutes(dice.next(600) as i64);
            let (survey, custom_id) = if days_ago > 200 { &earlier } else { &current };
            let invitation = InvitationRow {
                id: Uuid::now_v7().into(),
                survey_id: survey.id,
                contact_id: contact.id,
                office_id: office.id,
                partner_id: office.partner_id,
                delivery: Delivery::Email,
                status: InvitationStatus::Completed,
                expires_at: db::timestamp(completed + Duration::days(25)),
                sent_at: Some(db::timestamp(completed - Duration::days(5))),
                opened_at: Some(db::timestamp(completed - Duration::minutes(12))),
                completed_at: Some(db::timestamp(completed)),
                bounced_at: None,
                reminders_sent: 0,
                created_at: db::timestamp(completed - Duration::days(5)),
                updated_at: db::timestamp(completed),
            };
            db::invitations::insert_many(conn, &[(invitation.clone(), new_token().1)])?;
            let response = ResponseRow {
                id: Uuid::now_v7().into(),
                survey_id: survey.id,
                office_id: office.id,
                membership_id: office.membership_id,
                partner_id: office.partner_id,
                invitation_id: Some(invitation.id),
                contact_id: Some(contact.id),
                anonymous: i32::from(dice.next(5) == 0),
                org_key: contact.org_key.clone(),
                locale: contact.locale.clone(),
                source: ResponseSource::Live,
                completed_at: db::timestamp(completed),
                voided_at: first_voided.then(|| stamp.clone()),
                voided_by: first_voided.then(|| "demo-admin".into()),
                void_reason: first_voided.then(|| "Submitted twice by the same person".into()),
                created_at: db::timestamp(completed),
            };
            first_voided = false;
            let answers = demo_answers(response.id, *mood, dice, *custom_id);
            db::responses::insert(conn, &response, &answers)?;
            summary.responses += 1;
        }
    }
    Ok(())
}

fn demo_answers(
    response_id: ResponseId,
    mood: Mood,
    dice: &mut Dice,
    custom_id: QuestionId,
) -> Vec<AnswerRow> {
    let roll = dice.next(10);
    let (satisfaction, recommend, effort) = match (mood, roll) {
        (Mood::Happy, 0..=6) => (
            "very_satisfied",
            9 + dice.next(2) as i64,
            1 + dice.next(2) as i64,
        ),
        (Mood::Happy, _) | (Mood::Mixed, 0..=4) => (
            "somewhat_satisfied",
            7 + dice.next(3) as i64,
            2 + dice.next(3) as i64,
        ),
        (Mood::Mixed, 5..=7) => (
            "somewhat_dissatisfied",
            4 + dice.next(4) as i64,
            3 + dice.next(3) as i64,
        ),
        (Mood::Mixed, _) => (
            "dont_know",
            6 + dice.next(3) as i64,
            3 + dice.next(2) as i64,
        ),
        (Mood::Unhappy, _) => (
            ["very_dissatisfied", "somewhat_dissatisfied"][dice.next(2) as usize],
            dice.next(6) as i64,
            5 + dice.next(3) as i64,
        ),
    };
    let answer = |question: QuestionId,
                  metric: Option<Metric>,
                  number: Option<i64>,
                  text: Option<&str>| AnswerRow {
        response_id,
        question_id: question,
        metric,
        number_value: number,
        text_value: text.map(str::to_owned),
    };
    // The standard questions' fixed ids, `00000000-0000-7000-8000-00000000000n`.
    let standard = |n: u128| QuestionId::from(Uuid::from_u128(0x7000_8000_0000_0000_0000 | n));
    let mut answers = vec![
        answer(standard(1), Some(Metric::Nsat), None, Some(satisfaction)),
        answer(
            standard(2),
            Some(Metric::Nps),
            Some(recommend.min(10)),
            None,
        ),
        answer(standard(3), Some(Metric::Ces), Some(effort.min(7)), None),
    ];
    if dice.next(3) == 0 {
        let comment = [
            "Quick and competent help.",
            "The licensing advice saved us money.",
            "Took a while to get an answer.",
            "Great team, would work with them again.",
        ][dice.next(4) as usize];
        answers.push(answer(
            standard(4),
            Some(Metric::Comment),
            None,
            Some(comment),
        ));
    }
    if dice.next(4) != 0 {
        let service = ["licensing", "deployment", "support"][dice.next(3) as usize];
        answers.push(answer(custom_id, None, None, Some(service)));
    }
    answers
}
