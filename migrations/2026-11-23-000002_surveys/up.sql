-- Program rule settings: one row, changed by the administrator.
CREATE TABLE program_settings (
    id INTEGER PRIMARY KEY NOT NULL,
    min_completed_surveys INTEGER NOT NULL,
    max_counted_per_customer_org INTEGER NOT NULL,
    window_months INTEGER NOT NULL,
    reporting_period_months INTEGER NOT NULL,
    anonymity_threshold INTEGER NOT NULL,
    resurvey_interval_days INTEGER NOT NULL,
    invitation_ttl_days INTEGER NOT NULL,
    default_locale TEXT NOT NULL,
    version BIGINT NOT NULL,
    updated_at TEXT NOT NULL
);
INSERT INTO program_settings VALUES (1, 10, 8, 12, 3, 5, 90, 30, 'en', 1, '2026-11-23T00:00:00.000000Z');

CREATE TABLE surveys (
    id TEXT PRIMARY KEY NOT NULL,
    office_id TEXT NOT NULL REFERENCES offices (id),
    membership_id TEXT NOT NULL REFERENCES memberships (id),
    partner_id TEXT NOT NULL REFERENCES partners (id),
    title TEXT NOT NULL,
    status TEXT NOT NULL,
    locales TEXT NOT NULL,
    closes_at TEXT,
    opened_at TEXT,
    closed_at TEXT,
    questionnaire TEXT,
    version BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX surveys_office_idx ON surveys (office_id, id);
CREATE INDEX surveys_partner_idx ON surveys (partner_id, id);

-- Standard questions have no survey; custom questions belong to one survey.
-- prompt, scale_labels and options hold translations keyed by locale (JSON).
CREATE TABLE questions (
    id TEXT PRIMARY KEY NOT NULL,
    survey_id TEXT REFERENCES surveys (id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    metric TEXT,
    required INTEGER NOT NULL,
    min_value INTEGER,
    max_value INTEGER,
    prompt TEXT NOT NULL,
    scale_labels TEXT,
    options TEXT,
    version BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX questions_survey_idx ON questions (survey_id, position);

CREATE TABLE invitations (
    id TEXT PRIMARY KEY NOT NULL,
    survey_id TEXT NOT NULL REFERENCES surveys (id),
    contact_id TEXT NOT NULL REFERENCES contacts (id),
    office_id TEXT NOT NULL REFERENCES offices (id),
    partner_id TEXT NOT NULL REFERENCES partners (id),
    delivery TEXT NOT NULL,
    status TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    sent_at TEXT,
    opened_at TEXT,
    completed_at TEXT,
    bounced_at TEXT,
    reminders_sent INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX invitations_survey_idx ON invitations (survey_id, id);
CREATE INDEX invitations_contact_idx ON invitations (contact_id, created_at);

-- The SHA-256 of each personal link issued for an invitation (a reminder issues another); never the link itself.
CREATE TABLE invitation_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    invitation_id TEXT NOT NULL REFERENCES invitations (id),
    created_at TEXT NOT NULL
);
CREATE INDEX invitation_tokens_invitation_idx ON invitation_tokens (invitation_id);

-- Mail waiting to be delivered; the body (which holds the personal link) is cleared once sent.
CREATE TABLE outbox (
    id TEXT PRIMARY KEY NOT NULL,
    invitation_id TEXT NOT NULL REFERENCES invitations (id),
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT,
    attempts INTEGER NOT NULL,
    next_attempt_at TEXT NOT NULL,
    locked_until TEXT,
    sent_at TEXT,
    failed_at TEXT,
    last_error TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX outbox_due_idx ON outbox (sent_at, failed_at, next_attempt_at);

CREATE TABLE responses (
    id TEXT PRIMARY KEY NOT NULL,
    survey_id TEXT NOT NULL REFERENCES surveys (id),
    office_id TEXT NOT NULL REFERENCES offices (id),
    membership_id TEXT NOT NULL REFERENCES memberships (id),
    partner_id TEXT NOT NULL REFERENCES partners (id),
    invitation_id TEXT UNIQUE REFERENCES invitations (id),
    contact_id TEXT REFERENCES contacts (id),
    anonymous INTEGER NOT NULL,
    org_key TEXT NOT NULL,
    locale TEXT,
    source TEXT NOT NULL,
    completed_at TEXT NOT NULL,
    voided_at TEXT,
    voided_by TEXT,
    void_reason TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX responses_survey_idx ON responses (survey_id, id);
CREATE INDEX responses_office_completed_idx ON responses (office_id, completed_at);
CREATE INDEX responses_membership_completed_idx ON responses (membership_id, completed_at);

-- One row per answered question; multi-choice answers are a JSON array in text_value.
CREATE TABLE answers (
    response_id TEXT NOT NULL REFERENCES responses (id),
    question_id TEXT NOT NULL REFERENCES questions (id),
    metric TEXT,
    number_value BIGINT,
    text_value TEXT,
    PRIMARY KEY (response_id, question_id)
);
CREATE INDEX answers_question_idx ON answers (question_id);

INSERT INTO questions VALUES (
    '00000000-0000-7000-8000-000000000001', NULL, 1, 'single_choice', 'nsat', 1, NULL, NULL,
    '{"en":"Overall, how satisfied are you with the service you received from this partner?","bg":"Като цяло, колко сте доволни от услугата, която получихте от този партньор?","ru":"В целом, насколько вы удовлетворены услугами, полученными от этого партнёра?"}',
    NULL,
    '[{"value":"very_satisfied","label":{"en":"Very satisfied","bg":"Много доволен","ru":"Очень удовлетворён"}},{"value":"somewhat_satisfied","label":{"en":"Somewhat satisfied","bg":"Донякъде доволен","ru":"Скорее удовлетворён"}},{"value":"somewhat_dissatisfied","label":{"en":"Somewhat dissatisfied","bg":"Донякъде недоволен","ru":"Скорее не удовлетворён"}},{"value":"very_dissatisfied","label":{"en":"Very dissatisfied","bg":"Много недоволен","ru":"Совсем не удовлетворён"}},{"value":"dont_know","label":{"en":"Don''t know","bg":"Не мога да преценя","ru":"Затрудняюсь ответить"}}]',
    1, '2026-11-23T00:00:00.000000Z', '2026-11-23T00:00:00.000000Z'
);
INSERT INTO questions VALUES (
    '00000000-0000-7000-8000-000000000002', NULL, 2, 'nps', 'nps', 1, 0, 10,
    '{"en":"How likely are you to recommend this partner to a colleague or friend?","bg":"Колко вероятно е да препоръчате този партньор на колега или приятел?","ru":"Насколько вероятно, что вы порекомендуете этого партнёра коллеге или другу?"}',
    '{"min":{"en":"Not at all likely","bg":"Изобщо не е вероятно","ru":"Совершенно маловероятно"},"max":{"en":"Extremely likely","bg":"Изключително вероятно","ru":"Крайне вероятно"}}',
    NULL, 1, '2026-11-23T00:00:00.000000Z', '2026-11-23T00:00:00.000000Z'
);
INSERT INTO questions VALUES (
    '00000000-0000-7000-8000-000000000003', NULL, 3, 'rating', 'ces', 1, 1, 7,
    '{"en":"How easy was it to get the help you needed from this partner?","bg":"Колко лесно беше да получите нужната помощ от този партньор?","ru":"Насколько легко было получить нужную помощь от этого партнёра?"}',
    '{"min":{"en":"Very easy","bg":"Много лесно","ru":"Очень легко"},"max":{"en":"Very difficult","bg":"Много трудно","ru":"Очень трудно"}}',
    NULL, 1, '2026-11-23T00:00:00.000000Z', '2026-11-23T00:00:00.000000Z'
);
INSERT INTO questions VALUES (
    '00000000-0000-7000-8000-000000000004', NULL, 4, 'text', 'comment', 0, NULL, NULL,
    '{"en":"Is there anything else you would like to tell us?","bg":"Има ли нещо друго, което бихте искали да ни кажете?","ru":"Хотите ли вы ещё что-нибудь нам сообщить?"}',
    NULL, NULL, 1, '2026-11-23T00:00:00.000000Z', '2026-11-23T00:00:00.000000Z'
);
