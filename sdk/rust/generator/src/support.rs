//! What progenitor does not derive from the document, generated beside its output
//! (`sdk/rust/src/generated_support.rs`):
//!
//! - `impl Paginated` for the builder of every operation that takes a `cursor` query parameter
//!   and answers a page (`{items, next_cursor}`), so `.all_items()` walks any list to its end;
//! - `NULLABLE_PATCH_FIELDS`: per PATCH operation, the body fields that are nullable, so
//!   `Client::sending_null` can refuse a field that cannot be cleared before anything is sent.
//!
//! It reads the 3.0.3 document (after the down-conversion) and fails on a list operation whose
//! answer is not a page, rather than leaving it out.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use serde_json::Value;

/// The tokens of `generated_support.rs` for the 3.0.3 document `spec`.
pub fn support(spec: &Value) -> Result<TokenStream, String> {
    let mut paginated = Vec::new();
    let mut nullable = Vec::new();
    let paths = spec["paths"].as_object().ok_or("no paths")?;
    for (path, item) in paths {
        for (method, operation) in item.as_object().ok_or("a path item is not an object")? {
            let Some(id) = operation.get("operationId").and_then(Value::as_str) else {
                continue;
            };
            let at = format!("{method} {path} ({id})");
            if takes_cursor(operation) {
                paginated
                    .push(paginated_impl(spec, id, operation).map_err(|e| format!("{at}: {e}"))?);
            }
            if method == "patch" {
                let fields =
                    nullable_body_fields(spec, operation).map_err(|e| format!("{at}: {e}"))?;
                nullable.push(quote! { (#id, &[#(#fields),*]) });
            }
        }
    }
    Ok(quote! {
        use crate::{builder, types, ApiError, Paginated, ResponseValue};

        #(#paginated)*

        /// For each PATCH operation (by operationId), the body fields that may be sent as `null`
        /// to clear them.
        pub(crate) const NULLABLE_PATCH_FIELDS: &[(&str, &[&str])] = &[#(#nullable),*];
    })
}

fn takes_cursor(operation: &Value) -> bool {
    operation["parameters"].as_array().is_some_and(|ps| {
        ps.iter()
            .any(|p| p["in"] == "query" && p["name"] == "cursor")
    })
}

/// `#/components/schemas/Name` → (`Name`, its schema).
fn component<'a>(spec: &'a Value, reference: &Value) -> Result<(&'a str, &'a Value), String> {
    let reference = reference
        .as_str()
        .ok_or("expected a $ref to a component schema")?;
    let name = reference
        .strip_prefix("#/components/schemas/")
        .ok_or_else(|| format!("{reference}: expected a component schema"))?;
    let (name, schema) = spec["components"]["schemas"]
        .as_object()
        .and_then(|schemas| schemas.get_key_value(name))
        .ok_or_else(|| format!("{reference}: no such schema"))?;
    Ok((name.as_str(), schema))
}

fn paginated_impl(spec: &Value, id: &str, operation: &Value) -> Result<TokenStream, String> {
    let answer = &operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"];
    let (page, schema) = component(spec, answer).map_err(|e| format!("200 answer: {e}"))?;
    let has_items = schema["required"]
        .as_array()
        .is_some_and(|required| required.contains(&Value::from("items")));
    if !has_items || schema["properties"].get("next_cursor").is_none() {
        return Err(format!(
            "{page} is not a page: expected required `items` and `next_cursor`"
        ));
    }
    let (item, _) = component(spec, &schema["properties"]["items"]["items"]["$ref"])
        .map_err(|e| format!("{page}.items: {e}"))?;
    let builder = format_ident!("{}", pascal_case(id)?);
    let (page, item) = (format_ident!("{page}"), format_ident!("{item}"));
    Ok(quote! {
        impl Paginated for builder::#builder<'_> {
            type Page = types::#page;

            fn with_cursor(self, cursor: String) -> Self {
                self.cursor(cursor)
            }

            async fn send_page(self) -> Result<ResponseValue<types::#page>, ApiError> {
                self.send().await
            }
        }

        impl crate::Page for types::#page {
            type Item = types::#item;

            fn into_parts(self) -> (Vec<types::#item>, Option<String>) {
                (self.items, self.next_cursor)
            }
        }
    })
}

/// The names of the body's properties that are `nullable` (in document order).
fn nullable_body_fields(spec: &Value, operation: &Value) -> Result<Vec<String>, String> {
    let body = &operation["requestBody"]["content"]["application/json"]["schema"]["$ref"];
    let (name, schema) = component(spec, body).map_err(|e| format!("request body: {e}"))?;
    let properties = schema["properties"]
        .as_object()
        .ok_or_else(|| format!("{name} has no properties"))?;
    Ok(properties
        .iter()
        .filter(|(_, p)| p["nullable"] == true)
        .map(|(field, _)| field.clone())
        .collect())
}

/// progenitor names an operation's builder after its snake_case operationId in PascalCase.
fn pascal_case(id: &str) -> Result<String, String> {
    if id.is_empty()
        || !id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        return Err(format!("operationId {id:?} is not snake_case"));
    }
    Ok(id
        .split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or(String::new(), |c| {
                c.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn spec(list_answer: Value) -> Value {
        json!({
            "paths": {
                "/things": {"get": {
                    "operationId": "list_things",
                    "parameters": [{"name": "cursor", "in": "query", "schema": {"type": "string"}}],
                    "responses": {"200": {"content": {"application/json": {"schema": list_answer}}}}
                }},
                "/things/{id}": {"patch": {
                    "operationId": "update_thing",
                    "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/UpdateThing"}}}},
                    "responses": {}
                }}
            },
            "components": {"schemas": {
                "Thing": {"type": "object"},
                "ThingPage": {"type": "object", "required": ["items"], "properties": {
                    "items": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}},
                    "next_cursor": {"type": "string", "nullable": true}
                }},
                "UpdateThing": {"type": "object", "properties": {
                    "name": {"type": "string"},
                    "note": {"type": "string", "nullable": true},
                    "due": {"allOf": [{"$ref": "#/components/schemas/Thing"}], "nullable": true}
                }}
            }}
        })
    }

    #[test]
    fn pages_and_nullable_fields() {
        let code = support(&spec(json!({"$ref": "#/components/schemas/ThingPage"})))
            .unwrap()
            .to_string();
        assert!(
            code.contains("impl Paginated for builder :: ListThings < '_ >"),
            "{code}"
        );
        assert!(code.contains("type Page = types :: ThingPage ;"), "{code}");
        assert!(code.contains("type Item = types :: Thing ;"), "{code}");
        assert!(
            code.contains("(\"update_thing\" , & [\"note\" , \"due\"])"),
            "{code}"
        );
    }

    #[test]
    fn a_list_whose_answer_is_not_a_page_fails() {
        let err = support(&spec(json!({"$ref": "#/components/schemas/Thing"}))).unwrap_err();
        assert!(
            err.starts_with("get /things (list_things): Thing is not a page"),
            "{err}"
        );
        let err = support(&spec(json!({"type": "array"}))).unwrap_err();
        assert!(err.contains("200 answer"), "{err}");
    }

    #[test]
    fn pascal_case_of_operation_ids() {
        assert_eq!(pascal_case("list_contacts").unwrap(), "ListContacts");
        assert!(pascal_case("listContacts").is_err());
    }
}
