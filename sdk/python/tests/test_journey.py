"""The partner journey through the Python SDK only, against the real server (see conftest.py).

The opening of test_journey, between the quickstart markers, is the quickstart in sdk/python/README.md.
"""

from __future__ import annotations

import http.server
import threading
import time
from datetime import UTC, date, datetime
from uuid import uuid4

import pytest

# ProblemError, call and client are imported by the quickstart at the top of test_journey.
from csat_index import WebhookVerificationError, paginate, unwrap, verify_webhook
from csat_index_client import Client
from csat_index_client.api.compliance import membership_compliance, program_compliance
from csat_index_client.api.contacts import get_contact, import_contacts, list_contacts, update_contact
from csat_index_client.api.invitations import create_invitations
from csat_index_client.api.memberships import create_membership
from csat_index_client.api.offices import create_office, list_offices
from csat_index_client.api.respondent import get_respondent_survey, submit_answers
from csat_index_client.api.results import membership_chart, survey_chart, survey_results
from csat_index_client.api.webhooks import create_webhook
from csat_index_client.api.surveys import (
    create_question,
    create_survey,
    get_survey,
    list_surveys,
    open_survey,
    update_survey,
)
from csat_index_client.models import (
    ChartMetric,
    ComplianceStatus,
    Consent,
    ConsentMethod,
    CreateContact,
    CreateInvitations,
    CreateMembership,
    CreateOffice,
    CreateQuestion,
    CreateSurvey,
    CreateWebhook,
    Delivery,
    ImportContacts,
    ImportStatus,
    QuestionKind,
    SubmitAnswers,
    SubmitAnswersAnswers,
    SurveyStatus,
    Translations,
    UpdateContact,
    UpdateSurvey,
)

# The standard questions every survey carries.
NSAT = "00000000-0000-7000-8000-000000000001"
NPS = "00000000-0000-7000-8000-000000000002"
CES = "00000000-0000-7000-8000-000000000003"
COMMENT = "00000000-0000-7000-8000-000000000004"


def test_journey(base_url: str, admin_token: str, server, capsys: pytest.CaptureFixture[str]) -> None:
    # quickstart:begin
    from csat_index import ProblemError, call, client
    from csat_index_client.api.partners import create_partner
    from csat_index_client.models import CreatePartner

    admin = client(base_url, admin_token)
    partner = call(
        create_partner.sync_detailed,
        client=admin,
        body=CreatePartner(external_key="PN-4711", name="Northwind Consulting", email_domains=["northwind.example"]),
    )
    print(partner.id, partner.name)

    try:
        call(create_partner.sync_detailed, client=admin, body=CreatePartner(external_key="PN-4712", name=""))
    except ProblemError as problem:
        print(problem.status, problem.title, problem.detail)
        for error in problem.errors:
            print(error.field, error.message)
    # quickstart:end

    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == f"{partner.id} Northwind Consulting"
    assert printed[1].startswith("422 ")
    assert any(line.startswith("name ") for line in printed[2:]), printed

    # The administrator: a membership and two offices in two countries.
    membership = call(
        create_membership.sync_detailed,
        partner.id,
        client=admin,
        body=CreateMembership(membership_number="MPN-1234567", renewal_date=date(2027, 6, 30)),
    )
    sofia = call(
        create_office.sync_detailed,
        membership.id,
        client=admin,
        body=CreateOffice(name="Northwind Sofia", country="BG", city="Sofia"),
    )
    berlin = call(
        create_office.sync_detailed,
        membership.id,
        client=admin,
        body=CreateOffice(name="Northwind Berlin", country="DE", city="Berlin"),
    )
    offices = list(paginate(list_offices.sync_detailed, membership.id, client=admin, limit=1))
    assert sorted((office.country, office.id) for office in offices) == [("BG", sofia.id), ("DE", berlin.id)]

    # The partner imports its contacts, with their consent.
    northwind = client(base_url, server.token("partner", partner.id))
    consent = Consent(given_at=datetime(2026, 1, 15, 9, 0, tzinfo=UTC), method=ConsentMethod.WEB_FORM)
    people = [
        ("Maria Ivanova", "maria.ivanova@contoso.example", "Contoso Ltd", "en"),
        ("Ivan Petrov", "ivan.petrov@fabrikam.example", "Fabrikam", "bg"),
        ("Elena Georgieva", "elena.georgieva@tailspin.example", "Tailspin Toys", "en"),
    ]
    imported = call(
        import_contacts.sync_detailed,
        sofia.id,
        client=northwind,
        body=ImportContacts(
            contacts=[
                CreateContact(name=name, email=email, organization=org, locale=locale, consent=consent)
                for name, email, org, locale in people
            ]
        ),
    )
    assert (imported.created, imported.invalid, imported.duplicate) == (3, 0, 0)
    assert [row.status for row in imported.rows] == [ImportStatus.CREATED] * 3
    contact_ids = [row.contact_id for row in imported.rows]

    # A paginated list walked to its end, one contact per page.
    pages = []

    def list_contacts_counting(*args, **kwargs):
        response = list_contacts.sync_detailed(*args, **kwargs)
        pages.append(response)
        return response

    contacts = list(paginate(list_contacts_counting, sofia.id, client=northwind, limit=1))
    assert sorted(contact.id for contact in contacts) == sorted(contact_ids)
    assert len(pages) >= 3
    assert {contact.email for contact in contacts} == {email for _, email, _, _ in people}

    # A survey, created with an Idempotency-Key: the retry gets the same survey, not a second one.
    key = str(uuid4())
    new_survey = CreateSurvey(title="Customer satisfaction 2026", locales=["en", "bg"])
    first = create_survey.sync_detailed(sofia.id, client=northwind, body=new_survey, idempotency_key=key)
    survey = unwrap(first)
    retry = create_survey.sync_detailed(sofia.id, client=northwind, body=new_survey, idempotency_key=key)
    assert unwrap(retry).id == survey.id
    assert retry.headers.get("Idempotent-Replayed") == "true"
    assert [s.id for s in paginate(list_surveys.sync_detailed, sofia.id, client=northwind)] == [survey.id]

    # A custom question, then the survey opens.
    onboarding = call(
        create_question.sync_detailed,
        survey.id,
        client=northwind,
        body=CreateQuestion(
            kind=QuestionKind.RATING,
            prompt=Translations.from_dict({"en": "How was the onboarding?", "bg": "Как мина въвеждането?"}),
            min_value=1,
            max_value=5,
        ),
    )
    assert call(open_survey.sync_detailed, survey.id, client=northwind).status == SurveyStatus.OPEN

    # Invitations delivered by the partner: each answer carries the personal link.
    batch = call(
        create_invitations.sync_detailed,
        survey.id,
        client=northwind,
        body=CreateInvitations(contact_ids=contact_ids[:2], delivery=Delivery.PARTNER),
    )
    assert batch.refused == []
    assert sorted(invited.contact_id for invited in batch.invited) == sorted(contact_ids[:2])
    tokens = [invited.link.rsplit("/", 1)[-1] for invited in batch.invited]

    # A webhook receiver on loopback, subscribed by the partner to its completed responses.
    deliveries: list[tuple[dict[str, str], bytes]] = []

    class Receiver(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (the handler's API)
            body = self.rfile.read(int(self.headers["Content-Length"]))
            deliveries.append(({k.lower(): v for k, v in self.headers.items()}, body))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    receiver = http.server.HTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    subscription = call(
        create_webhook.sync_detailed,
        client=northwind,
        body=CreateWebhook(
            url=f"http://127.0.0.1:{receiver.server_address[1]}/hooks", event_types=["response.completed"]
        ),
    )
    assert subscription.secret.startswith("whsec_")

    # The respondents answer through their links, without a bearer token; the second stays anonymous.
    respondent = Client(base_url=base_url)
    questionnaire = call(get_respondent_survey.sync_detailed, tokens[0], client=respondent)
    assert [NSAT, NPS, CES, COMMENT, str(onboarding.id)] == [str(q.id) for q in questionnaire.questions]
    answers = [
        {NSAT: "very_satisfied", NPS: 9, CES: 2, COMMENT: "Quick and friendly.", str(onboarding.id): 5},
        {NSAT: "somewhat_satisfied", NPS: 6, CES: 4, str(onboarding.id): 3},
    ]
    for token, given, anonymous in zip(tokens, answers, [False, True], strict=True):
        body = SubmitAnswers(answers=SubmitAnswersAnswers.from_dict(given), anonymous=anonymous)
        assert call(submit_answers.sync_detailed, token, client=respondent, body=body).status == "completed"
    with pytest.raises(ProblemError) as twice:
        call(
            submit_answers.sync_detailed,
            tokens[0],
            client=respondent,
            body=SubmitAnswers(answers=SubmitAnswersAnswers.from_dict(answers[0])),
        )
    assert (twice.value.status, twice.value.code) == (409, "invitation_already_answered")

    # The named answer arrives signed (the anonymous one is held until its day is over).
    deadline = time.monotonic() + 20
    while not deliveries and time.monotonic() < deadline:
        time.sleep(0.1)
    receiver.shutdown()
    assert len(deliveries) == 1
    headers, raw = deliveries[0]
    event = verify_webhook(subscription.secret, headers, raw)
    assert event["type"] == "response.completed"
    assert event["id"] == headers["webhook-id"]
    assert event["data"]["survey_id"] == str(survey.id)
    assert event["data"]["anonymous"] is False
    with pytest.raises(WebhookVerificationError):
        verify_webhook(subscription.secret, headers, raw.replace(b'"anonymous":false', b'"anonymous":true'))
    with pytest.raises(WebhookVerificationError):
        verify_webhook(subscription.secret, headers, raw, now=int(headers["webhook-timestamp"]) + 301)

    # The survey's results: NSAT = %VS − %(SD+VD) + 100 = 150, NPS = %promoters − %detractors = 0.
    results = call(survey_results.sync_detailed, survey.id, client=northwind)
    assert results.responses == 2
    assert (results.metrics.nsat.value, results.metrics.nsat.n) == (150.0, 2)
    assert (results.metrics.nps.value, results.metrics.nps.n) == (0.0, 2)
    # The chart operations are there (image/svg+xml mapped to bytes by the generator config).
    chart = survey_chart.sync_detailed(survey.id, client=northwind, question_id=onboarding.id)
    assert chart.headers["content-type"].startswith("image/svg+xml")
    assert unwrap(chart).startswith(b"<svg")
    trend = membership_chart.sync_detailed(membership.id, client=northwind, metric=ChartMetric.NSAT)
    assert unwrap(trend).startswith(b"<svg")

    # Where the membership stands: 2 completed surveys in Sofia, none in Berlin, 8 short of 10.
    compliance = call(membership_compliance.sync_detailed, membership.id, client=northwind)
    assert compliance.status == ComplianceStatus.NOT_MET
    by_office = {office.office_id: office for office in compliance.offices}
    assert (by_office[sofia.id].completed, by_office[sofia.id].counted, by_office[sofia.id].shortfall) == (2, 2, 8)
    assert by_office[berlin.id].completed == 0

    # A stale If-Match is refused with a typed 412 instead of overwriting someone else's change.
    read = get_survey.sync_detailed(survey.id, client=northwind)
    etag = read.headers["ETag"]
    renamed = call(
        update_survey.sync_detailed,
        survey.id,
        client=northwind,
        body=UpdateSurvey(title="Customer satisfaction 2026 (H1)"),
        if_match=etag,
    )
    with pytest.raises(ProblemError) as stale:
        call(update_survey.sync_detailed, survey.id, client=northwind, body=UpdateSurvey(title="Lost"), if_match=etag)
    assert (stale.value.status, stale.value.code) == (412, "version_mismatch")
    assert call(get_survey.sync_detailed, survey.id, client=northwind).title == renamed.title

    # A nullable field cleared with an explicit null: UNSET leaves a field out, None sends null.
    closes_at = datetime(2027, 1, 31, 17, 0, tzinfo=UTC)
    assert (
        call(update_survey.sync_detailed, survey.id, client=northwind, body=UpdateSurvey(closes_at=closes_at)).closes_at
        == closes_at
    )
    assert UpdateSurvey(title="Renamed").to_dict() == {"title": "Renamed"}
    assert UpdateSurvey(closes_at=None).to_dict() == {"closes_at": None}
    call(update_survey.sync_detailed, survey.id, client=northwind, body=UpdateSurvey(title="Renamed"))
    assert call(get_survey.sync_detailed, survey.id, client=northwind).closes_at == closes_at
    call(update_survey.sync_detailed, survey.id, client=northwind, body=UpdateSurvey(closes_at=None))
    assert call(get_survey.sync_detailed, survey.id, client=northwind).closes_at is None
    call(update_contact.sync_detailed, contact_ids[2], client=northwind, body=UpdateContact(organization=None))
    assert call(get_contact.sync_detailed, contact_ids[2], client=northwind).organization is None

    # The vendor: program-wide compliance, and a typed 403 for a contact.
    vendor = client(base_url, server.token("vendor"))
    statuses = list(paginate(program_compliance.sync_detailed, client=vendor, limit=1))
    mine = [status for status in statuses if status.membership_id == membership.id]
    assert len(mine) == 1
    assert (mine[0].membership_number, sorted(mine[0].countries)) == ("MPN-1234567", ["BG", "DE"])
    with pytest.raises(ProblemError) as forbidden:
        call(get_contact.sync_detailed, contact_ids[0], client=vendor)
    assert forbidden.value.status == 403
    assert forbidden.value.type and forbidden.value.title

    # A bad request: a typed 422 naming each wrong field.
    with pytest.raises(ProblemError) as invalid:
        call(
            create_office.sync_detailed,
            membership.id,
            client=admin,
            body=CreateOffice(name="", country="Bulgaria", city="Sofia"),
        )
    assert invalid.value.status == 422
    assert {"name", "country"} <= {error.field for error in invalid.value.errors}
