//! Diesel table definitions (hand-kept in step with `migrations/`).

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

diesel::allow_tables_to_appear_in_same_query!(
    partners,
    memberships,
    offices,
    contacts,
    idempotency_keys
);
