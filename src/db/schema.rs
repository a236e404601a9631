//! Diesel table definitions (hand-kept in step with `migrations/`): generated code, documented by the
//! migrations' SQL comments.
#![allow(missing_docs)]

diesel::table! {
    partners (id) {
        id -> Text,
        external_key -> Text,
        name -> Text,
        email_domains -> Text,
        version -> BigInt,
        created_at -> Text,
        updated_at -> Text,
    }
}

diesel::table! {
    memberships (id) {
        id -> Text,
        partner_id -> Text,
        membership_number -> Text,
        renewal_date -> Text,
        version -> BigInt,
        created_at -> Text,
        updated_at -> Text,
        external_id -> Nullable<Text>,
    }
}

diesel::table! {
    offices (id) {
        id -> Text,
        membership_id -> Text,
        partner_id -> Text,
        name -> Text,
        country -> Text,
        city -> Text,
        version -> BigInt,
        created_at -> Text,
        updated_at -> Text,
        external_id -> Nullable<Text>,
    }
}

diesel::table! {
    contacts (id) {
        id -> Text,
        office_id -> Text,
        partner_id -> Text,
        name -> Nullable<Text>,
        email -> Nullable<Text>,
        organization -> Nullable<Text>,
        org_key -> Text,
        locale -> Nullable<Text>,
        consent_given_at -> Nullable<Text>,
        consent_method -> Nullable<Text>,
        erased_at -> Nullable<Text>,
        version -> BigInt,
        created_at -> Text,
        updated_at -> Text,
        external_id -> Nullable<Text>,
    }
}

diesel::table! {
    idempotency_keys (principal, idempotency_key) {
        principal -> Text,
        idempotency_key -> Text,
        request_hash -> Text,
        status -> Nullable<Integer>,
        response_body -> Nullable<Text>,
        location -> Nullable<Text>,
        etag -> Nullable<Text>,
        created_at -> Text,
    }
}

diesel::joinable!(memberships -> partners (partner_id));
diesel::joinable!(offices -> memberships (membership_id));
diesel::joinable!(contacts -> offices (office_id));

diesel::table! {
    program_settings (id) {
        id -> Integer,
        min_completed_surveys -> Integer,
        max_counted_per_customer_org -> Integer,
        window_months -> Integer,
        reporting_period_months -> Integer,
        anonymity_threshold -> Integer,
        resurvey_interval_days -> Integer,
        invitation_ttl_days -> Integer,
        default_locale -> Text,
        version -> BigInt,
        updated_at -> Text,
    }
}

diesel::table! {
    surveys (id) {
        id -> Text,
        office_id -> Text,
        membership_id -> Text,
        partner_id -> Text,
        title -> Text,
        status -> Text,
        locales -> Text,
        closes_at -> Nullable<Text>,
        opened_at -> Nullable<Text>,
        closed_at -> Nullable<Text>,
        questionnaire -> Nullable<Text>,
        version -> BigInt,
        created_at -> Text,
        updated_at -> Text,
    }
}

diesel::table! {
    questions (id) {
        id -> Text,
        survey_id -> Nullable<Text>,
        position -> Integer,
        kind -> Text,
        metric -> Nullable<Text>,
        required -> Integer,
        min_value -> Nullable<Integer>,
        max_value -> Nullable<Integer>,
        prompt -> Text,
        scale_labels -> Nullable<Text>,
        options -> Nullable<Text>,
        version -> BigInt,
        created_at -> Text,
        updated_at -> Text,
    }
}

diesel::table! {
    invitations (id) {
        id -> Text,
        survey_id -> Text,
        contact_id -> Text,
        office_id -> Text,
        partner_id -> Text,
        delivery -> Text,
        status -> Text,
        expires_at -> Text,
        sent_at -> Nullable<Text>,
        opened_at -> Nullable<Text>,
        completed_at -> Nullable<Text>,
        bounced_at -> Nullable<Text>,
        reminders_sent -> Integer,
        created_at -> Text,
        updated_at -> Text,
    }
}

diesel::table! {
    invitation_tokens (token_hash) {
        token_hash -> Text,
        invitation_id -> Text,
        created_at -> Text,
    }
}

diesel::table! {
    outbox (id) {
        id -> Text,
        invitation_id -> Text,
        kind -> Text,
        recipient -> Text,
        subject -> Text,
        body -> Nullable<Text>,
        attempts -> Integer,
        next_attempt_at -> Text,
        locked_until -> Nullable<Text>,
        sent_at -> Nullable<Text>,
        failed_at -> Nullable<Text>,
        last_error -> Nullable<Text>,
        created_at -> Text,
    }
}

diesel::table! {
    responses (id) {
        id -> Text,
        survey_id -> Text,
        office_id -> Text,
        membership_id -> Text,
        partner_id -> Text,
        invitation_id -> Nullable<Text>,
        contact_id -> Nullable<Text>,
        anonymous -> Integer,
        org_key -> Text,
        locale -> Nullable<Text>,
        source -> Text,
        completed_at -> Text,
        voided_at -> Nullable<Text>,
        voided_by -> Nullable<Text>,
        void_reason -> Nullable<Text>,
        created_at -> Text,
    }
}

diesel::table! {
    answers (response_id, question_id) {
        response_id -> Text,
        question_id -> Text,
        metric -> Nullable<Text>,
        number_value -> Nullable<BigInt>,
        text_value -> Nullable<Text>,
    }
}

diesel::joinable!(surveys -> offices (office_id));
diesel::joinable!(invitations -> surveys (survey_id));
diesel::joinable!(invitations -> contacts (contact_id));
diesel::joinable!(invitation_tokens -> invitations (invitation_id));
diesel::joinable!(outbox -> invitations (invitation_id));
diesel::joinable!(responses -> surveys (survey_id));
diesel::joinable!(answers -> responses (response_id));

diesel::allow_tables_to_appear_in_same_query!(
    partners,
    memberships,
    offices,
    contacts,
    program_settings,
    surveys,
    questions,
    invitations,
    invitation_tokens,
    outbox,
    responses,
    answers,
    idempotency_keys,
);

diesel::table! {
    reporting_periods (id) {
        id -> Text,
        starts_on -> Text,
        ends_on -> Text,
        closed_at -> Text,
        closed_by -> Text,
    }
}

diesel::table! {
    compliance_snapshots (period_id, membership_id) {
        period_id -> Text,
        membership_id -> Text,
        partner_id -> Text,
        met -> Integer,
        best_office_counted -> BigInt,
        offices -> Text,
        created_at -> Text,
    }
}

diesel::joinable!(compliance_snapshots -> reporting_periods (period_id));
diesel::allow_tables_to_appear_in_same_query!(reporting_periods, compliance_snapshots, memberships);

diesel::table! {
    publications (quarter, revision) {
        quarter -> Text,
        revision -> Integer,
        published_at -> Text,
        published_by -> Text,
        reason -> Nullable<Text>,
        responses -> BigInt,
        changed_responses -> BigInt,
    }
}

diesel::table! {
    published_counts (quarter, membership_id, country, metric) {
        quarter -> Text,
        membership_id -> Text,
        partner_id -> Text,
        country -> Text,
        metric -> Text,
        number_value -> Nullable<BigInt>,
        text_value -> Nullable<Text>,
        answers -> BigInt,
    }
}

diesel::table! {
    published_cells (scope, scope_id, first_quarter, last_quarter) {
        scope -> Text,
        scope_id -> Text,
        first_quarter -> Text,
        last_quarter -> Text,
        shown -> Integer,
        shown_at -> Nullable<Text>,
    }
}

diesel::table! {
    rate_limit_windows (caller_key, window_start) {
        caller_key -> Text,
        window_start -> BigInt,
        requests -> BigInt,
    }
}

diesel::table! {
    membership_standings (membership_id) {
        membership_id -> Text,
        partner_id -> Text,
        status -> Text,
        best_office_counted -> BigInt,
        computed_on -> Text,
        valid_until -> Nullable<Text>,
        changes_seen -> BigInt,
    }
}

diesel::allow_tables_to_appear_in_same_query!(membership_standings, memberships);
diesel::allow_tables_to_appear_in_same_query!(membership_standings, offices);

diesel::table! {
    events (id) {
        id -> Text,
        seq -> Nullable<BigInt>,
        event_type -> Text,
        version -> Integer,
        partner_id -> Nullable<Text>,
        vendor_visible -> Integer,
        occurred_at -> Text,
        available_at -> Text,
        payload -> Text,
    }
}

diesel::table! {
    webhook_subscriptions (id) {
        id -> Text,
        owner_role -> Text,
        partner_id -> Nullable<Text>,
        url -> Text,
        event_types -> Text,
        description -> Nullable<Text>,
        secret -> Text,
        previous_secret -> Nullable<Text>,
        previous_secret_expires_at -> Nullable<Text>,
        status -> Text,
        failing_reason -> Nullable<Text>,
        version -> BigInt,
        created_at -> Text,
        updated_at -> Text,
    }
}

diesel::table! {
    webhook_deliveries (id) {
        id -> Text,
        subscription_id -> Text,
        event_id -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Text,
        locked_until -> Nullable<Text>,
        last_status_code -> Nullable<Integer>,
        last_error -> Nullable<Text>,
        delivered_at -> Nullable<Text>,
        created_at -> Text,
    }
}

diesel::table! {
    webhook_attempts (id) {
        id -> Text,
        delivery_id -> Text,
        subscription_id -> Text,
        event_id -> Text,
        attempt -> Integer,
        attempted_at -> Text,
        status_code -> Nullable<Integer>,
        latency_ms -> BigInt,
        error -> Nullable<Text>,
    }
}

diesel::table! {
    webhook_fanout (id) {
        id -> Integer,
        last_seq -> BigInt,
    }
}

diesel::joinable!(webhook_deliveries -> webhook_subscriptions (subscription_id));
diesel::allow_tables_to_appear_in_same_query!(webhook_deliveries, webhook_subscriptions);
