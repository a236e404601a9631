//! The checked-in OpenAPI document is the contract.

use serde_json::Value;

const SPEC_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/v1.json");

#[test]
fn checked_in_openapi_document_matches_the_code() {
    let generated = csat_index::openapi::openapi_json();
    let checked_in = std::fs::read_to_string(SPEC_PATH).unwrap_or_default();
    assert!(
        generated == checked_in,
        "openapi/v1.json differs from what the code generates. Regenerate it with:\n\n    scripts/generate-openapi.sh\n\nand commit the result."
    );
}

#[test]
fn every_operation_is_documented_secured_and_lists_its_errors() {
    let spec: Value = serde_json::from_str(&csat_index::openapi::openapi_json()).unwrap();
    let paths = spec["paths"].as_object().unwrap();
    assert!(paths.len() >= 9);
    for (path, item) in paths {
        for (method, operation) in item.as_object().unwrap() {
            let name = format!("{method} {path}");
            assert!(
                operation["summary"].as_str().is_some_and(|s| !s.is_empty()),
                "{name} has no summary"
            );
            assert!(
                operation["tags"].as_array().is_some_and(|t| !t.is_empty()),
                "{name} has no tag"
            );
            let public = operation["tags"][0] == "respondent";
            if public {
                assert_eq!(
                    operation["security"],
                    serde_json::json!([]),
                    "{name} must be public"
                );
                assert!(
                    operation["responses"]["429"].is_object(),
                    "{name} lacks 429"
                );
            } else {
                assert_eq!(
                    operation["security"][0]["bearer"],
                    serde_json::json!([]),
                    "{name} has no security"
                );
                for status in ["401", "403"] {
                    assert!(
                        operation["responses"][status].is_object(),
                        "{name} lacks {status}"
                    );
                }
            }
            for status in ["500", "503"] {
                assert!(
                    operation["responses"][status].is_object(),
                    "{name} lacks {status}"
                );
            }
        }
    }
}

#[test]
fn every_schema_field_has_a_description() {
    let spec: Value = serde_json::from_str(&csat_index::openapi::openapi_json()).unwrap();
    for (name, schema) in spec["components"]["schemas"].as_object().unwrap() {
        for (field, property) in schema["properties"].as_object().into_iter().flatten() {
            let described = |p: &Value| p["description"].as_str().is_some_and(|d| !d.is_empty());
            let described = described(property)
                || property["oneOf"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(described);
            assert!(described, "{name}.{field} has no description");
        }
    }
}

#[test]
fn every_reference_resolves() {
    fn references<'a>(node: &'a Value, found: &mut Vec<&'a str>) {
        match node {
            Value::Object(map) => {
                if let Some(Value::String(target)) = map.get("$ref") {
                    found.push(target);
                }
                map.values().for_each(|v| references(v, found));
            }
            Value::Array(items) => items.iter().for_each(|v| references(v, found)),
            _ => {}
        }
    }
    let spec: Value = serde_json::from_str(&csat_index::openapi::openapi_json()).unwrap();
    let mut found = Vec::new();
    references(&spec, &mut found);
    assert!(
        found.len() > 50,
        "the document uses references ({})",
        found.len()
    );
    for reference in found {
        let path = reference.strip_prefix("#/").expect("local references only");
        let target = path.split('/').fold(&spec, |node, part| &node[part]);
        assert!(
            target.is_object(),
            "{reference} is referenced but not defined"
        );
    }
}

#[test]
fn operation_ids_are_unique_and_schema_names_read_well() {
    let spec: Value = serde_json::from_str(&csat_index::openapi::openapi_json()).unwrap();
    let mut seen = std::collections::BTreeMap::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let id = operation["operationId"]
                .as_str()
                .unwrap_or_else(|| panic!("{method} {path} has no operationId"));
            if let Some(first) = seen.insert(id.to_owned(), format!("{method} {path}")) {
                panic!("operationId `{id}` names both {first} and {method} {path}");
            }
        }
    }
    for name in spec["components"]["schemas"].as_object().unwrap().keys() {
        assert!(
            !["BTreeMap", "HashMap", "Vec", "Option", "Value"].contains(&name.as_str()),
            "schema `{name}` is named after a Rust container, not what it holds"
        );
    }
}

#[test]
fn every_operation_is_described_and_every_body_has_an_example() {
    let spec: Value = serde_json::from_str(&csat_index::openapi::openapi_json()).unwrap();
    assert!(spec["servers"][0]["url"].is_string(), "servers is not set");
    let schema_of = |reference: &Value| {
        let name = reference.as_str().unwrap().rsplit('/').next().unwrap();
        spec["components"]["schemas"][name].clone()
    };
    let mut bodies = 0;
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let name = format!("{method} {path}");
            assert!(
                operation["description"]
                    .as_str()
                    .is_some_and(|d| d.len() > 20),
                "{name} has no description"
            );
            if let Some(body) = operation["requestBody"]["content"].get("application/json") {
                bodies += 1;
                assert!(
                    schema_of(&body["schema"]["$ref"])["example"].is_object(),
                    "the body of {name} has no example"
                );
            }
            let created = &operation["responses"]["201"];
            if created.is_object() {
                assert!(
                    created["headers"]["Location"].is_object(),
                    "{name}: 201 without Location"
                );
                assert!(
                    created["headers"]["ETag"].is_object(),
                    "{name}: 201 without ETag"
                );
            }
            if method == "post" && operation["tags"][0] != "respondent" {
                let success = operation["responses"]
                    .as_object()
                    .unwrap()
                    .iter()
                    .find(|(code, _)| code.starts_with('2'))
                    .unwrap()
                    .1;
                assert!(
                    success["headers"]["Idempotent-Replayed"].is_object(),
                    "{name} does not declare Idempotent-Replayed"
                );
            }
        }
    }
    assert!(bodies >= 19, "only {bodies} request bodies");
    for response in ["TooManyRequests", "Unavailable"] {
        assert!(spec["components"]["responses"][response]["headers"]["Retry-After"].is_object());
    }
    for header in ["RateLimit", "RateLimit-Policy"] {
        assert!(
            spec["components"]["responses"]["TooManyRequests"]["headers"][header].is_object(),
            "the 429 response documents {header}"
        );
    }
}

/// The code between `quickstart:begin` and `quickstart:end` in a journey test, without its indentation.
fn quickstart_of(test_file: &str) -> String {
    let path = format!("{}/{test_file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let lines: Vec<&str> = text
        .lines()
        .skip_while(|line| !line.trim_end().ends_with("quickstart:begin"))
        .skip(1)
        .take_while(|line| !line.trim_end().ends_with("quickstart:end"))
        .collect();
    assert!(!lines.is_empty(), "{test_file} has no quickstart markers");
    let indent = lines
        .iter()
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.len() - line.trim_start().len())
        .min()
        .unwrap_or(0);
    let dedented: Vec<&str> = lines
        .iter()
        .map(|line| line.get(indent..).unwrap_or(""))
        .collect();
    dedented.join("\n")
}

#[test]
fn every_readme_quickstart_is_the_opening_of_its_journey_test() {
    let languages = [
        ("typescript", "ts", "sdk/typescript/test/journey.test.ts"),
        ("python", "python", "sdk/python/tests/test_journey.py"),
        ("rust", "rust", "sdk/rust/tests/journey.rs"),
    ];
    for (language, fence, test_file) in languages {
        let quickstart = format!("```{fence}\n{}\n```", quickstart_of(test_file));
        for readme in ["README.md".to_owned(), format!("sdk/{language}/README.md")] {
            let path = format!("{}/{readme}", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            assert!(
                text.contains(&quickstart),
                "{readme} lacks the {language} quickstart, which must be the opening of {test_file} word for word:\n{quickstart}"
            );
        }
    }
}
