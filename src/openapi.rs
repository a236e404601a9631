//! The OpenAPI document, generated from the handlers.

use utoipa::{
    openapi::{
        path::{Operation, ParameterBuilder, ParameterIn},
        schema::Schema,
        security::{Http, HttpAuthScheme, SecurityRequirement, SecurityScheme},
        Content, HttpMethod, OpenApi as OpenApiDoc, Ref, RefOr, Required, ResponseBuilder,
    },
    Modify, OpenApi, PartialSchema, ToSchema,
};
use utoipa_actix_web::AppExt;

use crate::{
    api::v1::{
        compliance, contacts, events, insights, invitations, memberships, offices, partners,
        periods, program, respond, responses, results, surveys, webhooks,
    },
    domain::{events::EventType, questionnaire::Question},
    error::{ErrorCode, Problem},
};

/// The static part of the document; paths are collected from the registered handlers.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Partner CSAT Index API",
        description = "Customer-satisfaction surveys and compliance for a vendor's partner program. \
            Partners manage memberships, offices and confidential customer contacts; the vendor sees aggregates only. \
            Authenticate with `Authorization: Bearer <JWT>` (roles `admin`, `partner`, `vendor`). \
            Errors are RFC 9457 `application/problem+json`. \
            Each token may make a number of requests per minute set for its role (600 for a partner by default): \
            every authenticated answer carries `RateLimit-Policy` and `RateLimit` \
            (draft-ietf-httpapi-ratelimit-headers), and a request over the limit is answered 429 with `Retry-After`.",
        license(name = "Apache-2.0", identifier = "Apache-2.0"),
    ),
    servers((url = "http://127.0.0.1:8080", description = "The service as `cargo run -- serve` starts it; use your deployment's `CSAT_PUBLIC_URL`.")),
    // The success bodies: the typed responders of `api::v1` (`IntoResponses`) only reference their
    // schemas, so they are registered here (`every_reference_resolves` finds a missing one).
    components(schemas(
        Problem, ErrorCode, results::ChartMetric,
        compliance::MembershipCompliance, compliance::MembershipStatusPage,
        contacts::Contact, contacts::ContactPage, contacts::ImportResult,
        insights::ProgramMetrics, insights::Benchmarks, insights::MembershipBenchmark,
        invitations::Invitation, invitations::InvitationPage, invitations::InvitationBatch,
        invitations::RemindersQueued, invitations::PersonalLink,
        memberships::Membership, memberships::MembershipPage,
        offices::Office, offices::OfficePage,
        partners::Partner, partners::PartnerPage,
        periods::ReportingPeriods, periods::ClosedPeriod, periods::Publications, periods::Publication,
        periods::SnapshotPage, periods::MembershipSnapshots,
        program::ProgramSettings, program::StandardQuestions,
        respond::RespondentSurvey, respond::Submitted,
        responses::Response, responses::ResponsePage, responses::ResponseImportResult,
        results::SurveyResults, results::ScopeResults,
        surveys::Survey, surveys::SurveyPage, surveys::Questionnaire, Question,
        events::EventPage,
        webhooks::Webhook, webhooks::WebhookPage, webhooks::WebhookWithSecret, webhooks::WebhookStatus,
        webhooks::WebhookAttempt, webhooks::WebhookAttemptPage, webhooks::Redelivery,
    )),
    tags(
        (name = "partners", description = "Partner organizations."),
        (name = "memberships", description = "Program memberships; each must meet the survey requirement on its own."),
        (name = "offices", description = "A membership's offices, one country each."),
        (name = "contacts", description = "Confidential customer contacts of an office (never visible to the vendor)."),
        (name = "program", description = "Program rule settings and the standard questionnaire."),
        (name = "surveys", description = "An office's survey campaigns and their custom questions."),
        (name = "invitations", description = "Personal survey links for consenting contacts, emailed or handed to the partner."),
        (name = "respondent", description = "For customers answering through a personal link: the link's token is the only credential (rate-limited)."),
        (name = "responses", description = "Completed responses, for the partner and the administrator only."),
        (name = "results", description = "Metrics with their n, answer distributions, time series per period and SVG charts (partner and administrator)."),
        (name = "compliance", description = "Where each membership stands against the program rule, and why."),
        (name = "periods", description = "Reporting periods, the immutable compliance snapshots stored when one is closed, and the publications of quarterly figures (with the administrator's audited restatements)."),
        (name = "events", description = "The change feed: the events webhooks deliver, in commit order, filtered by the caller's role, kept at least 30 days."),
        (name = "webhooks", description = "Signed event deliveries (Standard Webhooks) to the caller's own HTTPS endpoint, with retries for more than 3 days, a delivery log and redelivery. Each role receives only what it may read."),
        (name = "insights", description = "The program in aggregate, for the vendor and partners: published quarterly metrics by country and benchmarks. Figures are frozen when a period closes and shown only where disclosure control allows: at least the anonymity threshold of responses (default 5), at least 3 memberships and no dominant partner above the membership level, and no two shown figures that subtract to a small group. See *Get program metrics by country and quarter*."),
    )
)]
struct ApiDoc;

/// The complete OpenAPI document of the API (deterministic: the same code gives the same document).
pub fn openapi() -> OpenApiDoc {
    let (_, mut doc) = actix_web::App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .service(utoipa_actix_web::scope("/api/v1").configure(crate::api::v1::routes))
        .split_for_parts();
    doc.info.version = env!("CARGO_PKG_VERSION").to_owned();
    Conventions.modify(&mut doc);
    add_webhooks(&mut doc);
    doc
}

/// The payload schema of each event type.
fn payload_schema(event_type: EventType) -> &'static str {
    match event_type {
        EventType::ResponseCompleted => "ResponseCompleted",
        EventType::ResponseVoided => "ResponseVoided",
        EventType::InvitationDeliveryFailed => "InvitationDeliveryFailed",
        EventType::MembershipComplianceChanged => "MembershipComplianceChanged",
        EventType::ReportingPeriodClosed => "ReportingPeriodClosed",
    }
}

/// The OpenAPI 3.1 `webhooks` section (utoipa 5 has no field for it, so it goes in as a top-level
/// member through the document's flattened extensions): one `POST` per event type, its body the
/// event envelope with that type's payload, and the Standard Webhooks headers.
fn add_webhooks(doc: &mut OpenApiDoc) {
    let description_of = |name: &str| -> String {
        doc.components
            .as_ref()
            .and_then(|c| c.schemas.get(name))
            .and_then(|schema| serde_json::to_value(schema).ok())
            .and_then(|schema| schema["description"].as_str().map(str::to_owned))
            .unwrap_or_default()
    };
    let headers = serde_json::json!([
        {"name": "webhook-id", "in": "header", "required": true, "schema": {"type": "string"},
         "description": "The event's id: the same in every retry and redelivery of it (deduplicate on it)."},
        {"name": "webhook-timestamp", "in": "header", "required": true, "schema": {"type": "integer", "format": "int64"},
         "description": "Unix seconds of this attempt; refuse a delivery more than 5 minutes away from your clock."},
        {"name": "webhook-signature", "in": "header", "required": true, "schema": {"type": "string"},
         "description": "Space-separated `v1,<base64 HMAC-SHA256>` signatures of `{webhook-id}.{webhook-timestamp}.{body}` under the subscription's secret (the base64 part after `whsec_`); during a secret rotation one per secret. Verify with the SDKs' helpers."}
    ]);
    let mut webhooks = serde_json::Map::new();
    for event_type in EventType::ALL {
        let payload = payload_schema(event_type);
        let operation = serde_json::json!({
            "post": {
                "tags": ["webhooks"],
                "summary": format!("`{}` event", event_type.as_str()),
                "description": description_of(payload),
                "operationId": format!("webhook_{}", event_type.as_str().replace('.', "_")),
                // No bearer token: a delivery is authenticated by its `webhook-signature`.
                "security": [],
                "parameters": headers,
                "requestBody": {
                    "required": true,
                    "content": {"application/json": {"schema": {"allOf": [
                        {"$ref": "#/components/schemas/EventEnvelope"},
                        {"type": "object", "properties": {
                            "type": {"const": event_type.as_str()},
                            "data": {"$ref": format!("#/components/schemas/{payload}")}
                        }}
                    ]}}}
                },
                "responses": {
                    "200": {"description": "Any `2xx` answer marks the delivery delivered; anything else (a redirect too, which is not followed), a timeout or a refused connection is retried with backoff for more than 3 days."}
                }
            }
        });
        webhooks.insert(event_type.as_str().to_owned(), operation);
    }
    doc.extensions
        .get_or_insert_with(Default::default)
        .insert("webhooks".to_owned(), serde_json::Value::Object(webhooks));
}

/// The document as pretty JSON with a trailing newline (the form checked in under `openapi/`).
pub fn openapi_json() -> String {
    let mut text = openapi()
        .to_pretty_json()
        .expect("the OpenAPI document serializes");
    text.push('\n');
    text
}

/// Adds what every operation shares: bearer security and the problem responses it can give.
struct Conventions;

const PROBLEMS: &[(&str, &str, &str)] = &[
    ("400", "BadRequest", "Malformed request: invalid JSON, path or query parameter."),
    ("401", "Unauthorized", "Missing, expired or invalid bearer token."),
    ("403", "Forbidden", "The caller's role may not do this."),
    ("404", "NotFound", "No such object, or not visible to the caller."),
    ("409", "Conflict", "Conflicts with the current state (duplicate, still in use, or an idempotent request still running)."),
    ("410", "Gone", "The survey link expired or its survey is closed; or events after a change-feed cursor were deleted."),
    ("412", "PreconditionFailed", "`If-Match` does not match the current `ETag`."),
    ("413", "PayloadTooLarge", "The body is larger than allowed."),
    ("415", "UnsupportedMediaType", "The body is not `application/json`."),
    ("422", "Unprocessable", "Validation failed; see `errors`. Also: an `Idempotency-Key` reused with another request."),
    ("429", "TooManyRequests", "Too many requests from this token (on the respondent endpoints: from this client); retry after `Retry-After` seconds."),
    ("500", "Internal", "Unexpected error (logged with the request id)."),
    ("503", "Unavailable", "The database is unavailable; retry later."),
];

impl Modify for Conventions {
    fn modify(&self, doc: &mut OpenApiDoc) {
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                Http::builder()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
        components
            .schemas
            .insert(Problem::name().into_owned(), Problem::schema());
        for (code, name, description) in PROBLEMS {
            let mut response = ResponseBuilder::new().description(*description).content(
                "application/problem+json",
                Content::new(Some(Ref::from_schema_name("Problem"))),
            );
            if matches!(*code, "429" | "503") {
                response = response.header(
                    "Retry-After",
                    header("Seconds to wait before retrying.", i64::schema()),
                );
            }
            if *code == "429" {
                response = response
                    .header(
                        "RateLimit-Policy",
                        header(
                            "The limit, e.g. `\"default\";q=600;w=60`: `q` requests per `w` seconds \
                             (draft-ietf-httpapi-ratelimit-headers).",
                            String::schema(),
                        ),
                    )
                    .header(
                        "RateLimit",
                        header(
                            "What is left of the limit, e.g. `\"default\";r=0;t=42`: `r` requests remain for \
                             the next `t` seconds (draft-ietf-httpapi-ratelimit-headers).",
                            String::schema(),
                        ),
                    );
            }
            components
                .responses
                .insert((*name).to_owned(), RefOr::T(response.build()));
        }
        for schema in components.schemas.values_mut() {
            if let RefOr::T(Schema::Object(object)) = schema {
                object
                    .properties
                    .values_mut()
                    .for_each(describe_nullable_reference);
            }
        }
        for item in doc.paths.paths.values_mut() {
            for (method, operation) in [
                (HttpMethod::Get, item.get.as_mut()),
                (HttpMethod::Post, item.post.as_mut()),
                (HttpMethod::Patch, item.patch.as_mut()),
                (HttpMethod::Put, item.put.as_mut()),
                (HttpMethod::Delete, item.delete.as_mut()),
            ] {
                if let Some(operation) = operation {
                    apply(method, operation);
                }
            }
        }
    }
}

fn apply(method: HttpMethod, operation: &mut Operation) {
    let public = operation
        .tags
        .as_ref()
        .is_some_and(|tags| tags.iter().any(|t| t == "respondent"));
    let codes: &[&str] = match (public, &method) {
        (true, HttpMethod::Post) => &[
            "400", "404", "409", "410", "413", "415", "422", "429", "500", "503",
        ],
        (true, _) => &["400", "404", "409", "410", "429", "500", "503"],
        (false, HttpMethod::Post) => &[
            "400", "401", "403", "404", "409", "413", "415", "422", "429", "500", "503",
        ],
        (false, HttpMethod::Patch | HttpMethod::Put) => &[
            "400", "401", "403", "404", "409", "412", "413", "415", "422", "429", "500", "503",
        ],
        (false, HttpMethod::Delete) => &[
            "400", "401", "403", "404", "409", "412", "429", "500", "503",
        ],
        (false, _) => &["400", "401", "403", "404", "422", "429", "500", "503"],
    };
    operation.security = if public {
        Some(Vec::new())
    } else {
        Some(vec![SecurityRequirement::new(
            "bearer",
            Vec::<String>::new(),
        )])
    };
    for (code, name, _) in PROBLEMS.iter().filter(|(code, ..)| codes.contains(code)) {
        operation
            .responses
            .responses
            .entry((*code).to_owned())
            .or_insert_with(|| RefOr::Ref(Ref::from_response_name(*name)));
    }
    for response in operation.responses.responses.values_mut() {
        if let RefOr::T(response) = response {
            if let Some(etag) = response.headers.get_mut("ETag") {
                etag.description = Some(
                    "The version of the object; send it in `If-Match` to update or delete it safely, or in \
                     `If-None-Match` on a GET to be answered 304 Not Modified, without a body, while it is unchanged."
                        .into(),
                );
            }
        }
    }
    if public {
        return;
    }
    if method == HttpMethod::Post {
        let successes = operation.responses.responses.iter_mut();
        for (_, response) in successes.filter(|(code, _)| code.starts_with('2')) {
            if let RefOr::T(response) = response {
                response.headers.insert(
                    "Idempotent-Replayed".into(),
                    header(
                        "`true` when this answer is replayed for a retry with the same `Idempotency-Key`.",
                        bool::schema(),
                    ),
                );
            }
        }
    }
    let header = match method {
        HttpMethod::Post => Some(("Idempotency-Key", "Makes the request safe to retry: the first successful answer is replayed for 24 hours.")),
        HttpMethod::Patch | HttpMethod::Put | HttpMethod::Delete => Some(("If-Match", "The `ETag` last read; the write is refused with 412 when the object changed since.")),
        _ => None,
    };
    if let Some((name, description)) = header {
        operation.parameters.get_or_insert_with(Vec::new).push(
            ParameterBuilder::new()
                .name(name)
                .parameter_in(ParameterIn::Header)
                .required(Required::False)
                .description(Some(description))
                .schema(Some(String::schema()))
                .build(),
        );
    }
}

fn header(
    description: &str,
    schema: impl Into<RefOr<utoipa::openapi::schema::Schema>>,
) -> utoipa::openapi::header::Header {
    utoipa::openapi::header::HeaderBuilder::new()
        .schema(schema)
        .description(Some(description))
        .build()
}

/// utoipa describes a nullable reference (`oneOf: [null, $ref]`) inside the `$ref`, where generators
/// do not look; the description moves up to the property.
fn describe_nullable_reference(property: &mut RefOr<Schema>) {
    if let RefOr::T(Schema::OneOf(one_of)) = property {
        if one_of.description.is_none() {
            for item in &mut one_of.items {
                if let RefOr::Ref(reference) = item {
                    if !reference.description.is_empty() {
                        one_of.description = Some(std::mem::take(&mut reference.description));
                    }
                }
            }
        }
    }
}
