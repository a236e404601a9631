// The partner journey through the SDK only, against the real binary: server.ts starts
// `csat-index serve` on a fresh SQLite file and mints tokens. The opening (between the quickstart
// markers) is the README's quickstart, word for word; the steps after it share its `csat` client.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { startServer } from "./server.js";

const server = await startServer();
after(() => server.stop());
process.env.CSAT_BASE_URL = server.baseUrl;
process.env.CSAT_TOKEN = server.token("admin");

// quickstart:begin
import { createCsatClient, ProblemError, unwrap } from "csat-index-sdk";

// One client per server and bearer token (`csat-index token --role admin` prints one for development).
const csat = createCsatClient({ baseUrl: process.env.CSAT_BASE_URL!, token: process.env.CSAT_TOKEN! });

// Operations are typed by method and path; unwrap() returns the typed body or throws a ProblemError.
const partner = await unwrap(
    csat.POST("/api/v1/partners", {
        body: { external_key: "PN-4711", name: "Northwind Consulting", email_domains: ["northwind.example"] },
    }),
);
console.log(`partner ${partner.name}: ${partner.id}`);

// Every error is an RFC 9457 problem: status, type, title, detail and the field errors.
let invalid: ProblemError | undefined;
try {
    await unwrap(csat.POST("/api/v1/partners", { body: { external_key: "", name: "Nameless" } }));
} catch (err) {
    if (!(err instanceof ProblemError)) throw err;
    invalid = err;
    console.log(err.status, err.detail, err.errors); // 422 … [{ field: "external_key", message: "…" }]
}
// quickstart:end

import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import { listAll, paginate, verifyWebhook, WebhookVerificationError, type Schemas } from "csat-index-sdk";

const NSAT = "00000000-0000-7000-8000-000000000001";
const NPS = "00000000-0000-7000-8000-000000000002";
const CES = "00000000-0000-7000-8000-000000000003";
const COMMENT = "00000000-0000-7000-8000-000000000004";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Expects `pending` to fail with a problem of `status`, and returns that problem. */
async function rejectsWith(status: number, pending: Promise<unknown>): Promise<ProblemError> {
    try {
        await pending;
    } catch (err) {
        assert.ok(err instanceof ProblemError, `expected a ProblemError, got ${String(err)}`);
        assert.equal(err.status, status, err.message);
        return err;
    }
    assert.fail(`expected a ${status} problem, but the call succeeded`);
}

// State the steps hand on to each other.
const admin = csat;
let membership: Schemas["Membership"];
let sofia: Schemas["Office"];
let bucharest: Schemas["Office"];
let partnerApi: typeof csat;
let contacts: Schemas["Contact"][] = [];
let survey: Schemas["Survey"];
let customQuestionId: string;
const respondentTokens: string[] = [];

test("quickstart: a partner is created and a bad request is a typed 422 with field errors", () => {
    assert.match(partner.id, UUID);
    assert.equal(partner.external_key, "PN-4711");
    assert.deepEqual(partner.email_domains, ["northwind.example"]);
    assert.ok(invalid, "the invalid partner was accepted");
    assert.equal(invalid.status, 422);
    assert.equal(invalid.code, "validation_failed");
    assert.equal(invalid.response.status, 422);
    assert.deepEqual(
        invalid.errors.map((e) => e.field),
        ["external_key"],
    );
    assert.ok(invalid.type.length > 0 && invalid.detail.length > 0);
});

test("admin: a membership and offices in two countries; a retried create with the same Idempotency-Key", async () => {
    membership = await unwrap(
        admin.POST("/api/v1/partners/{partner_id}/memberships", {
            params: { path: { partner_id: partner.id } },
            body: { membership_number: "MPN-1234567", renewal_date: "2027-06-30" },
        }),
    );
    assert.equal(membership.partner_id, partner.id);

    sofia = await unwrap(
        admin.POST("/api/v1/memberships/{membership_id}/offices", {
            params: { path: { membership_id: membership.id } },
            body: { name: "Northwind Sofia", country: "BG", city: "Sofia" },
        }),
    );

    // The same create sent twice with one Idempotency-Key (a retry after a lost answer) creates one office.
    const key = randomUUID();
    const create = () =>
        admin.POST("/api/v1/memberships/{membership_id}/offices", {
            params: { path: { membership_id: membership.id }, header: { "Idempotency-Key": key } },
            body: { name: "Northwind Bucharest", country: "ro", city: "Bucharest" },
        });
    const first = await create();
    const retry = await create();
    bucharest = await unwrap(first);
    assert.deepEqual(await unwrap(retry), bucharest);
    assert.equal(retry.response.headers.get("Idempotent-Replayed"), "true");
    assert.equal(bucharest.country, "RO");

    const offices = await listAll((cursor) =>
        admin.GET("/api/v1/memberships/{membership_id}/offices", {
            params: { path: { membership_id: membership.id }, query: { cursor } },
        }),
    );
    assert.deepEqual(offices.map((o) => o.country).sort(), ["BG", "RO"]);
});

test("partner: imports contacts with consent and walks the contact list page by page", async () => {
    partnerApi = createCsatClient({ baseUrl: server.baseUrl, token: server.token("partner", partner.id) });
    const consent = { given_at: new Date(Date.now() - 86_400_000).toISOString(), method: "web_form" as const };
    const imported = await unwrap(
        partnerApi.POST("/api/v1/offices/{office_id}/contacts/import", {
            params: { path: { office_id: sofia.id } },
            body: {
                contacts: [
                    { name: "Maria Ivanova", email: "maria.ivanova@contoso.example", organization: "Contoso Ltd", locale: "en", consent },
                    { name: "Petar Petrov", email: "petar.petrov@contoso.example", organization: "contoso ltd.", consent },
                    { name: "Elena Georgieva", email: "elena@fabrikam.example", organization: "Fabrikam", locale: "bg", consent },
                ],
            },
        }),
    );
    assert.equal(imported.created, 3, JSON.stringify(imported.rows));
    assert.deepEqual(
        imported.rows.map((row) => row.status),
        ["created", "created", "created"],
    );

    // limit=1: one contact per page, so the walk follows next_cursor twice.
    let pages = 0;
    for await (const contact of paginate((cursor) => {
        pages += 1;
        return partnerApi.GET("/api/v1/offices/{office_id}/contacts", {
            params: { path: { office_id: sofia.id }, query: { limit: 1, cursor } },
        });
    })) {
        contacts.push(contact);
    }
    assert.ok(pages >= 3, `walked ${pages} pages`);
    assert.deepEqual(
        contacts.map((c) => c.id).sort(),
        imported.rows.map((row) => row.contact_id).sort(),
    );
    // "Contoso Ltd" and "contoso ltd." are one customer organization.
    const orgKeys = new Set(contacts.map((c) => c.organization_key));
    assert.equal(orgKeys.size, 2);
});

test("partner: builds a survey with a custom question, opens it and invites with partner delivery", async () => {
    const closesAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    survey = await unwrap(
        partnerApi.POST("/api/v1/offices/{office_id}/surveys", {
            params: { path: { office_id: sofia.id } },
            body: { title: "Customer satisfaction 2026", locales: ["en", "bg"], closes_at: closesAt },
        }),
    );
    assert.equal(survey.status, "draft");
    assert.equal(Date.parse(survey.closes_at ?? ""), Date.parse(closesAt));

    const question = await unwrap(
        partnerApi.POST("/api/v1/surveys/{survey_id}/questions", {
            params: { path: { survey_id: survey.id } },
            body: {
                kind: "single_choice",
                prompt: { en: "Which service did you use?", bg: "Коя услуга използвахте?" },
                options: [
                    { value: "consulting", label: { en: "Consulting", bg: "Консултации" } },
                    { value: "support", label: { en: "Support", bg: "Поддръжка" } },
                ],
            },
        }),
    );
    customQuestionId = question.id;
    assert.equal(question.standard, false);

    const opened = await unwrap(partnerApi.POST("/api/v1/surveys/{survey_id}/open", { params: { path: { survey_id: survey.id } } }));
    assert.equal(opened.status, "open");

    const questionnaire = await unwrap(
        partnerApi.GET("/api/v1/surveys/{survey_id}/questions", { params: { path: { survey_id: survey.id } } }),
    );
    assert.equal(questionnaire.frozen, true);
    assert.deepEqual(
        questionnaire.items.map((q) => q.id),
        [NSAT, NPS, CES, COMMENT, customQuestionId],
    );

    const batch = await unwrap(
        partnerApi.POST("/api/v1/surveys/{survey_id}/invitations", {
            params: { path: { survey_id: survey.id } },
            body: { contact_ids: contacts.map((c) => c.id), delivery: "partner" },
        }),
    );
    assert.equal(batch.refused.length, 0, JSON.stringify(batch.refused));
    assert.equal(batch.invited.length, 3);
    for (const invited of batch.invited) {
        assert.ok(invited.link, "partner delivery returns the personal link");
        respondentTokens.push(invited.link.slice(invited.link.lastIndexOf("/") + 1));
    }
});

// A webhook receiver on loopback: it records each delivery's headers and raw body.
const deliveries: { headers: IncomingHttpHeaders; body: Buffer }[] = [];
const receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
        deliveries.push({ headers: request.headers, body: Buffer.concat(chunks) });
        response.writeHead(204).end();
    });
});
after(() => receiver.close());
let webhookSecret = "";

test("webhooks: the partner subscribes to its responses; the secret is shown once", async () => {
    await new Promise<void>((done) => receiver.listen(0, "127.0.0.1", done));
    const address = receiver.address();
    assert.ok(address !== null && typeof address === "object");
    const created = await unwrap(
        partnerApi.POST("/api/v1/webhooks", {
            body: { url: `http://127.0.0.1:${address.port}/hooks`, event_types: ["response.completed"] },
        }),
    );
    assert.match(created.secret, /^whsec_/);
    assert.equal(created.status, "active");
    webhookSecret = created.secret;
    const read = await unwrap(partnerApi.GET("/api/v1/webhooks/{webhook_id}", { params: { path: { webhook_id: created.id } } }));
    assert.equal((read as Record<string, unknown>).secret, undefined);
});

test("respondents: read the questionnaire and answer, one of them anonymously", async () => {
    const respondent = createCsatClient({ baseUrl: server.baseUrl }); // the link's token is the credential
    const [named, anonymous] = respondentTokens;
    assert.ok(named && anonymous);

    const page = await unwrap(respondent.GET("/api/v1/respond/{token}", { params: { path: { token: named } } }));
    assert.equal(page.title, "Customer satisfaction 2026");
    assert.ok(page.questions.some((q) => q.id === customQuestionId));

    const answered = await unwrap(
        respondent.POST("/api/v1/respond/{token}", {
            params: { path: { token: named } },
            body: {
                answers: { [NSAT]: "very_satisfied", [NPS]: 9, [CES]: 2, [COMMENT]: "Quick and friendly.", [customQuestionId]: "support" },
            },
        }),
    );
    assert.equal(answered.status, "completed");
    await unwrap(
        respondent.POST("/api/v1/respond/{token}", {
            params: { path: { token: anonymous } },
            body: { answers: { [NSAT]: "somewhat_satisfied", [NPS]: 6, [CES]: 3 }, anonymous: true },
        }),
    );

    // A link answers once.
    await rejectsWith(
        409,
        unwrap(respondent.POST("/api/v1/respond/{token}", { params: { path: { token: named } }, body: { answers: { [NSAT]: "very_satisfied" } } })),
    );

    const responses = await listAll((cursor) =>
        partnerApi.GET("/api/v1/surveys/{survey_id}/responses", { params: { path: { survey_id: survey.id }, query: { cursor } } }),
    );
    assert.equal(responses.length, 2);
    const hidden = responses.find((r) => r.anonymous);
    assert.ok(hidden, "the anonymous response is listed");
    assert.equal(hidden.respondent ?? null, null, "the partner never sees who answered anonymously");
});

test("webhooks: the named answer arrives signed, and verifyWebhook refuses a tampered body", async () => {
    const deadline = Date.now() + 20_000;
    while (deliveries.length === 0 && Date.now() < deadline) {
        await new Promise((done) => setTimeout(done, 100));
    }
    const delivery = deliveries[0];
    assert.ok(delivery, "a delivery arrived");
    const event = await verifyWebhook<Schemas["EventEnvelope"]>(webhookSecret, delivery.headers, delivery.body);
    assert.equal(event.type, "response.completed");
    assert.equal(event.id, delivery.headers["webhook-id"]);
    assert.equal((event.data as Schemas["ResponseCompleted"]).survey_id, survey.id);
    assert.equal((event.data as Schemas["ResponseCompleted"]).anonymous, false);
    const tampered = Buffer.from(delivery.body.toString("utf8").replace('"anonymous":false', '"anonymous":true'));
    await assert.rejects(verifyWebhook(webhookSecret, delivery.headers, tampered), WebhookVerificationError);
    const stale = Number(delivery.headers["webhook-timestamp"]) + 301;
    await assert.rejects(verifyWebhook(webhookSecret, delivery.headers, delivery.body, stale), WebhookVerificationError);
    // The anonymous answer is held back until its day is over: nothing else arrived.
    assert.equal(deliveries.length, 1);
});

test("partner: reads the survey's results and chart, and the membership's compliance", async () => {
    const results = await unwrap(
        partnerApi.GET("/api/v1/surveys/{survey_id}/results", { params: { path: { survey_id: survey.id } } }),
    );
    assert.equal(results.responses, 2);
    // NSAT = %VS − %(SD+VD) + 100 = 50 − 0 + 100; NPS = %promoters − %detractors = 50 − 50.
    assert.deepEqual(results.metrics.nsat, { value: 150, n: 2 });
    assert.deepEqual(results.metrics.nps, { value: 0, n: 2 });

    // An SVG operation answers text: parseAs "text" makes `data` the SVG string.
    const chart = await unwrap(
        partnerApi.GET("/api/v1/surveys/{survey_id}/results/chart.svg", {
            params: { path: { survey_id: survey.id }, query: { question_id: NSAT } },
            parseAs: "text",
        }),
    );
    assert.match(chart, /<svg[\s>]/);

    const compliance = await unwrap(
        partnerApi.GET("/api/v1/memberships/{membership_id}/compliance", { params: { path: { membership_id: membership.id } } }),
    );
    assert.equal(compliance.status, "not_met");
    const bg = compliance.offices.find((o) => o.office_id === sofia.id);
    const ro = compliance.offices.find((o) => o.office_id === bucharest.id);
    assert.ok(bg && ro);
    assert.equal(bg.completed, 2);
    assert.equal(bg.counted, 2);
    assert.equal(bg.shortfall, compliance.rules.min_completed_surveys - 2);
    assert.equal(ro.completed, 0);
});

test("partner: a stale If-Match is a typed 412; an explicit null clears closes_at", async () => {
    const path = { survey_id: survey.id };
    const read = await partnerApi.GET("/api/v1/surveys/{survey_id}", { params: { path } });
    const before = await unwrap(read);
    assert.ok(before.closes_at, "the survey has a close time");
    const staleTag = read.response.headers.get("ETag");
    assert.ok(staleTag, "reads carry an ETag");

    const renamed = await partnerApi.PATCH("/api/v1/surveys/{survey_id}", {
        params: { path, header: { "If-Match": staleTag } },
        body: { title: "Customer satisfaction 2026 (EMEA)" },
    });
    assert.equal((await unwrap(renamed)).title, "Customer satisfaction 2026 (EMEA)");
    const currentTag = renamed.response.headers.get("ETag");
    assert.ok(currentTag && currentTag !== staleTag, "a write changes the ETag");

    // Someone else's change happened since staleTag was read: the write is refused, not applied.
    const stale = await rejectsWith(
        412,
        unwrap(partnerApi.PATCH("/api/v1/surveys/{survey_id}", { params: { path, header: { "If-Match": staleTag } }, body: { title: "Lost update" } })),
    );
    assert.ok(stale.detail.length > 0);

    // `null` is sent as JSON null (omitting the field would leave it as it is).
    const cleared = await unwrap(
        partnerApi.PATCH("/api/v1/surveys/{survey_id}", { params: { path, header: { "If-Match": currentTag } }, body: { closes_at: null } }),
    );
    assert.equal(cleared.closes_at, null);
    const reread = await unwrap(partnerApi.GET("/api/v1/surveys/{survey_id}", { params: { path } }));
    assert.equal(reread.closes_at, null);
    assert.equal(reread.title, "Customer satisfaction 2026 (EMEA)");
});

test("vendor: reads program-wide compliance and gets a typed 403 for a contact", async () => {
    const vendor = createCsatClient({ baseUrl: server.baseUrl, token: server.token("vendor") });
    const statuses = await listAll((cursor) => vendor.GET("/api/v1/program/compliance", { params: { query: { limit: 1, cursor } } }));
    const ours = statuses.find((s) => s.membership_id === membership.id);
    assert.ok(ours, "the membership is in the program's compliance list");
    assert.equal(ours.membership_number, "MPN-1234567");
    assert.deepEqual([...ours.countries].sort(), ["BG", "RO"]);

    const contact = contacts[0];
    assert.ok(contact);
    const forbidden = await rejectsWith(403, unwrap(vendor.GET("/api/v1/contacts/{contact_id}", { params: { path: { contact_id: contact.id } } })));
    assert.ok(contact.email && !forbidden.message.includes(contact.email), "the problem names no contact field");
});
