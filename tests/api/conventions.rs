//! Shared conventions: idempotent POST, ETag / If-Match, cursor pagination, 503 on an exhausted pool.

use std::{sync::atomic::Ordering, time::Duration};

use chrono::{DateTime, Utc};
use serde_json::json;

use crate::common::{backends, id_of, movable_clock, Options, TestApp};

#[actix_rt::test]
async fn a_retried_post_with_the_same_idempotency_key_returns_the_first_answer() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let body = json!({"external_key": "IDEM", "name": "Idempotent"});
        let first = app
            .post("/api/v1/partners")
            .admin()
            .header("Idempotency-Key", "key-1")
            .json(body.clone())
            .send()
            .await;
        let first_id = id_of(first.expect(201));
        let retry = app
            .post("/api/v1/partners")
            .admin()
            .header("Idempotency-Key", "key-1")
            .json(body.clone())
            .send()
            .await;
        assert_eq!(id_of(retry.expect(201)), first_id, "{backend:?}");
        assert_eq!(retry.header("idempotent-replayed").as_deref(), Some("true"));
        assert_eq!(retry.header("location"), first.header("location"));
        assert_eq!(retry.header("etag"), first.header("etag"));

        let other_body = app
            .post("/api/v1/partners")
            .admin()
            .header("Idempotency-Key", "key-1")
            .json(json!({"external_key": "OTHER", "name": "Other"}))
            .send()
            .await;
        other_body.problem(422);

        let listed = app.get("/api/v1/partners").admin().send().await;
        assert_eq!(
            listed.expect(200)["items"].as_array().unwrap().len(),
            1,
            "the retry created nothing"
        );

        // A failed first request is not remembered: fixing the body under the same key works.
        let invalid = app
            .post("/api/v1/partners")
            .admin()
            .header("Idempotency-Key", "key-2")
            .json(json!({"external_key": "", "name": "X"}))
            .send()
            .await;
        invalid.problem(422);
        let fixed = app
            .post("/api/v1/partners")
            .admin()
            .header("Idempotency-Key", "key-2")
            .json(json!({"external_key": "FIXED", "name": "X"}))
            .send()
            .await;
        fixed.expect(201);

        // Keys belong to their caller: another principal's same key is a new request.
        let partner = id_of(fixed.expect(201));
        let membership = app.membership(&partner, "M-IDEM").await;
        let office_body = json!({"name": "O", "country": "DE", "city": "Bonn"});
        let by_partner = app
            .post(&format!("/api/v1/memberships/{membership}/offices"))
            .partner(&partner)
            .header("Idempotency-Key", "key-1")
            .json(office_body)
            .send()
            .await;
        by_partner.expect(201);
    }
}

#[actix_rt::test]
async fn stale_if_match_is_412_and_if_none_match_is_304() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let (partner, _, office, contact) = app.partner_tree("ETAG").await;
        let uri = format!("/api/v1/offices/{office}");
        let read = app.get(&uri).partner(&partner).send().await;
        let etag = read.header("etag").expect("reads carry an ETag");

        let not_modified = app
            .get(&uri)
            .partner(&partner)
            .header("If-None-Match", &etag)
            .send()
            .await;
        assert_eq!(not_modified.status.as_u16(), 304, "{backend:?}");

        let first = app
            .patch(&uri)
            .partner(&partner)
            .header("If-Match", &etag)
            .json(json!({"city": "Plovdiv"}))
            .send()
            .await;
        assert_eq!(first.expect(200)["city"], "Plovdiv");
        let new_etag = first.header("etag").unwrap();
        assert_ne!(new_etag, etag);

        let stale = app
            .patch(&uri)
            .partner(&partner)
            .header("If-Match", &etag)
            .json(json!({"city": "Varna"}))
            .send()
            .await;
        stale.problem(412);
        let unknown_tag = app
            .patch(&uri)
            .partner(&partner)
            .header("If-Match", "\"banana\"")
            .json(json!({"city": "Varna"}))
            .send()
            .await;
        unknown_tag.problem(412);
        let current = app.get(&uri).partner(&partner).send().await;
        assert_eq!(
            current.expect(200)["city"],
            "Plovdiv",
            "the stale write changed nothing"
        );

        let contact_uri = format!("/api/v1/contacts/{contact}");
        app.delete(&contact_uri)
            .partner(&partner)
            .header("If-Match", "\"99\"")
            .send()
            .await
            .problem(412);
        let contact_etag = app
            .get(&contact_uri)
            .partner(&partner)
            .send()
            .await
            .header("etag")
            .unwrap();
        app.delete(&contact_uri)
            .partner(&partner)
            .header("If-Match", &contact_etag)
            .send()
            .await
            .expect(204);
    }
}

#[actix_rt::test]
async fn cursor_pagination_walks_every_item_once_in_a_stable_order() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let mut created = Vec::new();
        for i in 0..5 {
            created.push(app.partner(&format!("P{i}")).await);
        }
        let mut seen = Vec::new();
        let mut uri = "/api/v1/partners?limit=2".to_owned();
        let mut pages = 0;
        loop {
            let page = app.get(&uri).vendor().send().await;
            let body = page.expect(200);
            pages += 1;
            seen.extend(body["items"].as_array().unwrap().iter().map(id_of));
            match body["next_cursor"].as_str() {
                Some(cursor) => uri = format!("/api/v1/partners?limit=2&cursor={cursor}"),
                None => break,
            }
        }
        assert_eq!(pages, 3, "{backend:?}");
        assert_eq!(seen, created, "every partner once, in creation order");
    }
}

#[actix_rt::test]
async fn an_exhausted_pool_answers_503_instead_of_hanging() {
    for backend in backends() {
        let app = TestApp::start_with(
            backend,
            Options {
                pool_size: 1,
                pool_timeout: Duration::from_secs(1),
                ..Options::default()
            },
        )
        .await;
        let held = csat_index::testing::pool(&app.state)
            .get()
            .expect("the only connection");
        let reply = app.get("/api/v1/partners").admin().send().await;
        reply.problem(503);
        assert!(reply.header("retry-after").is_some());
        drop(held);
        app.get("/api/v1/partners").admin().send().await.expect(200);
    }
}

#[actix_rt::test]
async fn idempotency_keys_are_remembered_for_24_hours_by_the_clock() {
    for backend in backends() {
        let start =
            DateTime::from_timestamp((Utc::now() - chrono::Duration::days(3)).timestamp(), 0)
                .unwrap();
        let (clock, seconds) = movable_clock(start);
        let app = TestApp::start_with(
            backend,
            Options {
                clock: Some(clock),
                ..Options::default()
            },
        )
        .await;
        let (partner, membership, _, _) = app.partner_tree("CLOCK").await;
        let uri = format!("/api/v1/memberships/{membership}/offices");
        let body = json!({"name": "Retry", "country": "FR", "city": "Lyon"});

        let first = app
            .post(&uri)
            .partner(&partner)
            .header("Idempotency-Key", "daily")
            .json(body.clone())
            .send()
            .await;
        let first_id = id_of(first.expect(201));
        assert_eq!(
            first.body["created_at"]
                .as_str()
                .unwrap()
                .parse::<DateTime<Utc>>()
                .unwrap(),
            start,
            "{backend:?}: timestamps come from the clock"
        );

        seconds.fetch_add(23 * 3600, Ordering::SeqCst);
        let replayed = app
            .post(&uri)
            .partner(&partner)
            .header("Idempotency-Key", "daily")
            .json(body.clone())
            .send()
            .await;
        assert_eq!(id_of(replayed.expect(201)), first_id);

        seconds.fetch_add(2 * 3600, Ordering::SeqCst);
        let fresh = app
            .post(&uri)
            .partner(&partner)
            .header("Idempotency-Key", "daily")
            .json(body)
            .send()
            .await;
        assert_ne!(
            id_of(fresh.expect(201)),
            first_id,
            "after 24 hours the key is forgotten"
        );
        assert!(fresh.header("idempotent-replayed").is_none());
    }
}

#[actix_rt::test]
async fn a_claim_left_by_a_request_that_died_is_released_after_a_minute() {
    for backend in backends() {
        let start =
            DateTime::from_timestamp((Utc::now() - chrono::Duration::days(1)).timestamp(), 0)
                .unwrap();
        let (clock, seconds) = movable_clock(start);
        let app = TestApp::start_with(
            backend,
            Options {
                clock: Some(clock),
                ..Options::default()
            },
        )
        .await;
        let body = json!({"external_key": "DIED", "name": "Died"});
        // The first request claimed the key, then its process died before answering.
        let principal = csat_index::auth::Principal {
            subject: "test-user".into(),
            role: csat_index::auth::Role::Admin,
            partner_id: None,
        };
        let claim = csat_index::testing::db::idempotency::IdempotencyRow {
            principal: principal.key(),
            idempotency_key: "died".into(),
            request_hash: {
                use sha2::{Digest, Sha256};
                let mut hasher = Sha256::new();
                hasher.update("POST");
                hasher.update("/api/v1/partners");
                hasher.update(serde_json::to_vec(&body).unwrap());
                format!("{:x}", hasher.finalize())
            },
            status: None,
            response_body: None,
            location: None,
            etag: None,
            created_at: csat_index::testing::db::timestamp(start),
        };
        let pool = csat_index::testing::pool(&app.state).clone();
        actix_web::web::block(move || {
            csat_index::testing::db::idempotency::claim(
                &mut pool.get().unwrap(),
                &claim,
                "0000",
                "0000",
            )
        })
        .await
        .unwrap()
        .unwrap();
        let early = app
            .post("/api/v1/partners")
            .admin()
            .header("Idempotency-Key", "died")
            .json(body.clone())
            .send()
            .await;
        assert!(
            early.problem(409)["detail"]
                .as_str()
                .unwrap()
                .contains("still running"),
            "{backend:?}"
        );
        seconds.fetch_add(61, Ordering::SeqCst);
        let retried = app
            .post("/api/v1/partners")
            .admin()
            .header("Idempotency-Key", "died")
            .json(body)
            .send()
            .await;
        retried.expect(201);
    }
}

#[actix_rt::test]
async fn every_request_carries_a_request_id() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let echoed = app
            .get("/api/v1/partners")
            .admin()
            .header("X-Request-Id", "trace-42")
            .send()
            .await;
        assert_eq!(
            echoed.header("x-request-id").as_deref(),
            Some("trace-42"),
            "{backend:?}"
        );
        let failed = app.get("/api/v1/partners").send().await;
        failed.problem(401);
        let generated = failed.header("x-request-id").expect("errors carry one too");
        assert!(uuid::Uuid::parse_str(&generated).is_ok(), "{generated}");
        let refused = app
            .get("/api/v1/partners")
            .admin()
            .header("X-Request-Id", "has spaces in it")
            .send()
            .await;
        assert_ne!(
            refused.header("x-request-id").as_deref(),
            Some("has spaces in it"),
            "a malformed id is replaced"
        );
    }
}

#[derive(diesel::QueryableByName)]
struct Setting {
    #[diesel(sql_type = diesel::sql_types::Text)]
    value: String,
}

#[actix_rt::test]
async fn sqlite_connections_are_durable_and_enforce_foreign_keys() {
    use diesel::RunQueryDsl;
    let app = TestApp::start(crate::common::Backend::Sqlite).await;
    let mut conn = csat_index::testing::pool(&app.state).get().unwrap();
    let csat_index::testing::db::DbConnection::Sqlite(sqlite) = &mut *conn else {
        panic!("a SQLite connection")
    };
    let mut pragma = |name: &str, column: &str| -> String {
        let sql = format!("SELECT CAST({column} AS TEXT) AS value FROM pragma_{name}");
        diesel::sql_query(sql)
            .get_result::<Setting>(sqlite)
            .unwrap()
            .value
    };
    assert_eq!(pragma("journal_mode", "journal_mode"), "wal");
    assert_eq!(pragma("synchronous", "synchronous"), "2", "FULL");
    assert_eq!(pragma("foreign_keys", "foreign_keys"), "1");
    assert_eq!(pragma("busy_timeout", "timeout"), "5000");
}
