//! The API mounted under a prefix inside a host app with its own extractor settings and 404 handler
//! (each answering 418), as an embedding host would: every URL it emits follows the prefix, and the
//! host's settings never answer for it.

use serde_json::json;

use crate::common::*;

const PREFIX: &str = "/csat";

/// Resolves a relative reference against a page's path, as a browser does (no query, no host).
fn resolve(page: &str, reference: &str) -> String {
    if reference.starts_with('/') {
        return reference.to_owned();
    }
    let mut segments: Vec<&str> = page.split('/').collect();
    segments.pop();
    for part in reference.split('/') {
        match part {
            ".." => {
                segments.pop();
            }
            "." => {}
            part => segments.push(part),
        }
    }
    segments.join("/")
}

/// The value of the first `attribute="…"` in an HTML text.
fn attribute<'a>(html: &'a str, attribute: &str) -> &'a str {
    let start = html
        .find(&format!("{attribute}=\""))
        .unwrap_or_else(|| panic!("no {attribute} in {html}"))
        + attribute.len()
        + 2;
    &html[start..start + html[start..].find('"').unwrap()]
}

#[actix_rt::test]
async fn under_a_prefix_every_url_the_api_emits_follows_it_and_the_hosts_settings_never_answer_for_it(
) {
    for backend in backends() {
        let app = TestApp::start_with(
            backend,
            Options {
                hosted_at: Some(PREFIX),
                ..Default::default()
            },
        )
        .await;

        // Location headers.
        let created = app
            .post("/api/v1/partners")
            .admin()
            .json(json!({"external_key": "EMB-1", "name": "Embedded"}))
            .send()
            .await;
        created.expect(201);
        let location = created.header("location").unwrap();
        assert!(
            location.starts_with("/csat/api/v1/partners/"),
            "{backend:?}: {location}"
        );
        let followed = app
            .get(location.strip_prefix(PREFIX).unwrap())
            .admin()
            .send()
            .await;
        assert_eq!(followed.expect(200)["external_key"], "EMB-1");

        // The spec names the mount point, and Swagger UI loads it from there.
        let spec = app.get("/api/v1/openapi.json").send().await;
        assert_eq!(spec.expect(200)["servers"][0]["url"], PREFIX);
        assert!(spec.body["paths"]["/api/v1/partners"].is_object());
        let redirect = app.get("/swagger-ui").send().await;
        assert_eq!(
            redirect.header("location").as_deref(),
            Some("/csat/swagger-ui/")
        );
        let ui = app.get("/swagger-ui/").send().await;
        assert_eq!(ui.status.as_u16(), 200, "{}", ui.text);
        let initializer = app.get("/swagger-ui/swagger-initializer.js").send().await;
        assert_eq!(initializer.status.as_u16(), 200);
        let spec_url = initializer
            .text
            .split('"')
            .find(|part| part.ends_with("openapi.json"))
            .unwrap_or_else(|| panic!("no spec URL in {}", initializer.text));
        assert_eq!(
            resolve("/csat/swagger-ui/index.html", spec_url),
            "/csat/api/v1/openapi.json"
        );

        // The API's own extractor errors and 404, never the host's 418.
        let malformed = app
            .post("/api/v1/partners")
            .admin()
            .raw("application/json", "{\"name\": ")
            .send()
            .await;
        assert_eq!(malformed.status.as_u16(), 400, "{}", malformed.text);
        assert_eq!(
            malformed.header("content-type").as_deref(),
            Some("application/problem+json")
        );
        let bad_query = app.get("/api/v1/partners?limit=many").admin().send().await;
        assert_eq!(bad_query.status.as_u16(), 400, "{}", bad_query.text);
        let unknown = app.get("/api/v1/no-such-thing").admin().send().await;
        assert_eq!(unknown.status.as_u16(), 404, "{}", unknown.text);

        // The survey page: its language links and form lead back under the prefix, and answering works.
        let invited = app.invited("EMB", "answering@emb.example").await;
        let token = invited.token();
        let page_path = format!("{PREFIX}/s/{token}");
        let page = app.get(&format!("/s/{token}")).send().await;
        assert_eq!(page.status.as_u16(), 200, "{}", page.text);
        assert_eq!(
            resolve(&page_path, attribute(&page.text, "action")),
            page_path
        );
        assert_eq!(
            resolve(&page_path, attribute(&page.text, "href"))
                .split('?')
                .next(),
            Some(page_path.as_str())
        );
        let broken_query = app.get(&format!("/s/{token}?lang=en&lang=bg")).send().await;
        assert_ne!(broken_query.status.as_u16(), 418, "{}", broken_query.text);
        let custom = &invited.custom;
        let answered = app
            .post(&format!("/s/{token}"))
            .raw(
                "application/x-www-form-urlencoded",
                format!("locale=bg&q_{NSAT}=very_satisfied&q_{NPS}=9&q_{CES}=2&q_{custom}=support"),
            )
            .send()
            .await;
        assert_eq!(answered.status.as_u16(), 200, "{}", answered.text);
        let responses = app
            .get(&format!("/api/v1/surveys/{}/responses", invited.survey))
            .admin()
            .send()
            .await;
        assert_eq!(
            responses.expect(200)["items"].as_array().unwrap().len(),
            1,
            "{backend:?}: the answer submitted under the prefix is stored"
        );
    }
}
