//! A strict OpenAPI 3.1 → 3.0.3 down-conversion.
//!
//! utoipa writes OpenAPI 3.1 (JSON Schema 2020-12); progenitor reads 3.0 only. This walks the
//! document along the OpenAPI object structure and rewrites the 3.1 constructs that have a 3.0
//! equivalent:
//!
//! - `openapi: 3.1.x` → `3.0.3`;
//! - `type: [T, "null"]` → `type: T, nullable: true`;
//! - `oneOf`/`anyOf` with a `{type: "null"}` branch → the other branch made `nullable` (a `$ref`
//!   becomes `allOf: [{$ref}]`, because 3.0 ignores a reference's siblings);
//! - a schema `$ref` with annotation siblings (`description`, …) → `allOf: [{$ref}]` + siblings;
//! - `examples: [...]` in a schema → `example` (the first one); `const` → a one-value `enum`;
//!   numeric `exclusiveMinimum`/`exclusiveMaximum` → `minimum`/`maximum` + boolean flag;
//! - `propertyNames: {type: string}` is dropped (JSON object keys are strings anyway);
//! - `license.identifier` (SPDX) → `license.url` pointing at the SPDX page;
//! - `summary`/`description` beside a non-schema `$ref` are dropped (3.0 ignores them);
//! - the 3.1 `webhooks` section is dropped (3.0 has none; its payload types stay in `components`).
//!
//! Anything it does not know — an unknown key anywhere, a 3.1-only object such as `pathItems`,
//! a type union of two real types, a `propertyNames` with constraints — is an error naming the
//! JSON pointer, never silently passed through. `x-` extensions are copied everywhere.

use serde_json::{json, Map, Value};

/// A conversion failure: what is wrong, and where (a JSON pointer).
pub type Result<T> = std::result::Result<T, String>;

/// Converts an OpenAPI 3.1 document into an equivalent OpenAPI 3.0.3 document.
pub fn downconvert(doc: &Value) -> Result<Value> {
    let out = fields(doc, "", |key, value, at| {
        Ok(Some(match key {
            "openapi" => match value.as_str() {
                Some(v) if v.starts_with("3.1.") => json!("3.0.3"),
                _ => {
                    return Err(format!(
                        "{at}: expected an OpenAPI 3.1.x document, got {value}"
                    ))
                }
            },
            "info" => info(value, at)?,
            "servers" => each(value, at, server)?,
            "paths" => map(value, at, path_item)?,
            "components" => components(value, at)?,
            "security" | "externalDocs" => value.clone(),
            "webhooks" => return Ok(None),
            "tags" => each(value, at, |v, at| {
                copy_only(v, at, &["name", "description", "externalDocs"])
            })?,
            _ => return Err(unknown(at)),
        }))
    })?;
    if out.get("paths").is_none() {
        return Err("/paths: OpenAPI 3.0 requires `paths`".to_string());
    }
    Ok(out)
}

/// Walks an object's keys: `x-` extensions are copied, every other key is handed to `f`, which
/// returns the new value, `None` to drop the key, or an error for a key it does not know.
fn fields(
    value: &Value,
    at: &str,
    mut f: impl FnMut(&str, &Value, &str) -> Result<Option<Value>>,
) -> Result<Value> {
    let object = value
        .as_object()
        .ok_or_else(|| format!("{at}: expected an object"))?;
    let mut out = Map::new();
    for (key, value) in object {
        if key.starts_with("x-") {
            out.insert(key.clone(), value.clone());
        } else if let Some(new) = f(key, value, &pointer(at, key))? {
            out.insert(key.clone(), new);
        }
    }
    Ok(Value::Object(out))
}

/// Copies an object whose keys must all be in `known` (or extensions).
fn copy_only(value: &Value, at: &str, known: &[&str]) -> Result<Value> {
    fields(value, at, |key, value, at| {
        if known.contains(&key) {
            Ok(Some(value.clone()))
        } else {
            Err(unknown(at))
        }
    })
}

/// Converts every value of a map (`paths`, `properties`, `responses`, …) with `f`.
fn map(value: &Value, at: &str, f: fn(&Value, &str) -> Result<Value>) -> Result<Value> {
    let object = value
        .as_object()
        .ok_or_else(|| format!("{at}: expected an object"))?;
    let mut out = Map::new();
    for (key, value) in object {
        out.insert(key.clone(), f(value, &pointer(at, key))?);
    }
    Ok(Value::Object(out))
}

/// Converts every element of an array with `f`.
fn each(value: &Value, at: &str, f: impl Fn(&Value, &str) -> Result<Value>) -> Result<Value> {
    let items = value
        .as_array()
        .ok_or_else(|| format!("{at}: expected an array"))?;
    let out = items
        .iter()
        .enumerate()
        .map(|(i, v)| f(v, &format!("{at}/{i}")))
        .collect::<Result<Vec<_>>>()?;
    Ok(Value::Array(out))
}

fn pointer(at: &str, key: &str) -> String {
    format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"))
}

fn unknown(at: &str) -> String {
    format!(
        "{at}: not known to the 3.1 → 3.0.3 down-conversion (teach sdk/rust/generator about it)"
    )
}

fn info(value: &Value, at: &str) -> Result<Value> {
    fields(value, at, |key, value, at| {
        Ok(Some(match key {
            "title" | "description" | "termsOfService" | "version" => value.clone(),
            "contact" => copy_only(value, at, &["name", "url", "email"])?,
            "license" => license(value, at)?,
            _ => return Err(unknown(at)),
        }))
    })
}

/// 3.0 has no SPDX `identifier`: it becomes the `url` of the SPDX licence page (unless a `url`
/// is given, which 3.1 forbids beside `identifier`).
fn license(value: &Value, at: &str) -> Result<Value> {
    let mut out = fields(value, at, |key, value, at| match key {
        "name" | "url" => Ok(Some(value.clone())),
        "identifier" => Ok(None),
        _ => Err(unknown(at)),
    })?;
    if let Some(id) = value.get("identifier") {
        let id = id
            .as_str()
            .ok_or_else(|| format!("{at}/identifier: expected a string"))?;
        if out.get("url").is_some() {
            return Err(format!("{at}: both `identifier` and `url`"));
        }
        out["url"] = json!(format!("https://spdx.org/licenses/{id}.html"));
    }
    Ok(out)
}

fn server(value: &Value, at: &str) -> Result<Value> {
    fields(value, at, |key, value, at| {
        Ok(Some(match key {
            "url" | "description" => value.clone(),
            "variables" => map(value, at, |v, at| {
                copy_only(v, at, &["enum", "default", "description"])
            })?,
            _ => return Err(unknown(at)),
        }))
    })
}

const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

fn path_item(value: &Value, at: &str) -> Result<Value> {
    fields(value, at, |key, value, at| {
        Ok(Some(match key {
            "summary" | "description" => value.clone(),
            "servers" => each(value, at, server)?,
            "parameters" => each(value, at, parameter)?,
            method if METHODS.contains(&method) => operation(value, at)?,
            _ => return Err(unknown(at)),
        }))
    })
}

fn operation(value: &Value, at: &str) -> Result<Value> {
    fields(value, at, |key, value, at| {
        Ok(Some(match key {
            "tags" | "summary" | "description" | "externalDocs" | "operationId" | "deprecated"
            | "security" => value.clone(),
            "servers" => each(value, at, server)?,
            "parameters" => each(value, at, parameter)?,
            "requestBody" => request_body(value, at)?,
            "responses" => map(value, at, response)?,
            _ => return Err(unknown(at)),
        }))
    })
}

/// A Reference Object outside schemas: 3.1 allows `summary`/`description` beside `$ref`, 3.0
/// ignores them, so they are dropped. `None` when `value` is not a reference.
fn reference(value: &Value, at: &str) -> Result<Option<Value>> {
    if value.get("$ref").is_none() {
        return Ok(None);
    }
    fields(value, at, |key, value, at| match key {
        "$ref" => Ok(Some(value.clone())),
        "summary" | "description" => Ok(None),
        _ => Err(unknown(at)),
    })
    .map(Some)
}

/// The fields Parameter and Header objects share.
fn parameter_field(key: &str, value: &Value, at: &str) -> Result<Option<Value>> {
    Ok(Some(match key {
        "description" | "required" | "deprecated" | "allowEmptyValue" | "style" | "explode"
        | "allowReserved" | "example" => value.clone(),
        "schema" => schema(value, at)?,
        "examples" => map(value, at, example)?,
        "content" => map(value, at, media_type)?,
        _ => return Err(unknown(at)),
    }))
}

fn parameter(value: &Value, at: &str) -> Result<Value> {
    if let Some(reference) = reference(value, at)? {
        return Ok(reference);
    }
    fields(value, at, |key, value, at| match key {
        "name" | "in" => Ok(Some(value.clone())),
        _ => parameter_field(key, value, at),
    })
}

fn header(value: &Value, at: &str) -> Result<Value> {
    if let Some(reference) = reference(value, at)? {
        return Ok(reference);
    }
    fields(value, at, parameter_field)
}

fn example(value: &Value, at: &str) -> Result<Value> {
    if let Some(reference) = reference(value, at)? {
        return Ok(reference);
    }
    copy_only(
        value,
        at,
        &["summary", "description", "value", "externalValue"],
    )
}

fn request_body(value: &Value, at: &str) -> Result<Value> {
    if let Some(reference) = reference(value, at)? {
        return Ok(reference);
    }
    fields(value, at, |key, value, at| {
        Ok(Some(match key {
            "description" | "required" => value.clone(),
            "content" => map(value, at, media_type)?,
            _ => return Err(unknown(at)),
        }))
    })
}

fn media_type(value: &Value, at: &str) -> Result<Value> {
    fields(value, at, |key, value, at| {
        Ok(Some(match key {
            "example" => value.clone(),
            "schema" => schema(value, at)?,
            "examples" => map(value, at, example)?,
            "encoding" => map(value, at, |v, at| {
                fields(v, at, |key, value, at| {
                    Ok(Some(match key {
                        "contentType" | "style" | "explode" | "allowReserved" => value.clone(),
                        "headers" => map(value, at, header)?,
                        _ => return Err(unknown(at)),
                    }))
                })
            })?,
            _ => return Err(unknown(at)),
        }))
    })
}

fn response(value: &Value, at: &str) -> Result<Value> {
    if let Some(reference) = reference(value, at)? {
        return Ok(reference);
    }
    fields(value, at, |key, value, at| {
        Ok(Some(match key {
            "description" => value.clone(),
            "headers" => map(value, at, header)?,
            "content" => map(value, at, media_type)?,
            "links" => map(value, at, link)?,
            _ => return Err(unknown(at)),
        }))
    })
}

fn link(value: &Value, at: &str) -> Result<Value> {
    if let Some(reference) = reference(value, at)? {
        return Ok(reference);
    }
    let known = [
        "operationRef",
        "operationId",
        "parameters",
        "requestBody",
        "description",
    ];
    fields(value, at, |key, value, at| {
        Ok(Some(match key {
            "server" => server(value, at)?,
            _ if known.contains(&key) => value.clone(),
            _ => return Err(unknown(at)),
        }))
    })
}

fn components(value: &Value, at: &str) -> Result<Value> {
    fields(value, at, |key, value, at| {
        Ok(Some(match key {
            "schemas" => map(value, at, schema)?,
            "responses" => map(value, at, response)?,
            "parameters" => map(value, at, parameter)?,
            "examples" => map(value, at, example)?,
            "requestBodies" => map(value, at, request_body)?,
            "headers" => map(value, at, header)?,
            "securitySchemes" => map(value, at, security_scheme)?,
            "links" => map(value, at, link)?,
            _ => return Err(unknown(at)),
        }))
    })
}

fn security_scheme(value: &Value, at: &str) -> Result<Value> {
    if let Some(reference) = reference(value, at)? {
        return Ok(reference);
    }
    fields(value, at, |key, value, at| {
        Ok(Some(match key {
            "type" if value == "mutualTLS" => {
                return Err(format!("{at}: `mutualTLS` does not exist in 3.0"))
            }
            "type" | "description" | "name" | "in" | "scheme" | "bearerFormat" | "flows"
            | "openIdConnectUrl" => value.clone(),
            _ => return Err(unknown(at)),
        }))
    })
}

/// Schema keywords that mean the same in 3.0 and 3.1 and hold no sub-schema.
const SCHEMA_COPIED: &[&str] = &[
    "title",
    "description",
    "multipleOf",
    "maximum",
    "minimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "maxProperties",
    "minProperties",
    "required",
    "enum",
    "format",
    "default",
    "discriminator",
    "readOnly",
    "writeOnly",
    "xml",
    "externalDocs",
    "example",
    "deprecated",
];

/// Annotations that may stand beside a `$ref` or a nullable `oneOf` (they describe, not constrain).
const ANNOTATIONS: &[&str] = &[
    "title",
    "description",
    "default",
    "example",
    "examples",
    "deprecated",
    "readOnly",
    "writeOnly",
];

/// Converts one Schema Object.
fn schema(value: &Value, at: &str) -> Result<Value> {
    let object = value
        .as_object()
        .ok_or_else(|| format!("{at}: a boolean schema does not exist in 3.0"))?;

    if let Some(target) = object.get("$ref") {
        if object.len() == 1 {
            return Ok(json!({ "$ref": target }));
        }
        // 3.0 ignores a reference's siblings: keep them on an `allOf` wrapper instead.
        let mut out = Map::new();
        out.insert("allOf".to_string(), json!([{ "$ref": target }]));
        merge_annotations(&mut out, object, at, "$ref")?;
        return Ok(Value::Object(out));
    }

    for union in ["oneOf", "anyOf"] {
        if let Some(branches) = object.get(union) {
            if let Some(nullable) = nullable_union(object, union, branches, at)? {
                return Ok(nullable);
            }
        }
    }

    let mut out = Map::new();
    for (key, value) in object {
        let at = pointer(at, key);
        match key.as_str() {
            k if k.starts_with("x-") => {
                out.insert(key.clone(), value.clone());
            }
            "type" => {
                let (name, nullable) = schema_type(value, &at)?;
                out.insert("type".to_string(), json!(name));
                if nullable {
                    out.insert("nullable".to_string(), json!(true));
                }
            }
            "properties" => {
                out.insert(key.clone(), map(value, &at, schema)?);
            }
            "items" | "not" => {
                out.insert(key.clone(), schema(value, &at)?);
            }
            "additionalProperties" => {
                let converted = if value.is_boolean() {
                    value.clone()
                } else {
                    schema(value, &at)?
                };
                out.insert(key.clone(), converted);
            }
            "allOf" | "oneOf" | "anyOf" => {
                out.insert(key.clone(), each(value, &at, schema)?);
            }
            "examples" => {
                if !object.contains_key("example") {
                    out.insert("example".to_string(), first_example(value, &at)?);
                }
            }
            "const" => {
                out.insert("enum".to_string(), json!([value]));
            }
            "exclusiveMinimum" | "exclusiveMaximum" => {
                let bound = if key == "exclusiveMinimum" {
                    "minimum"
                } else {
                    "maximum"
                };
                if !value.is_number() || object.contains_key(bound) {
                    return Err(format!(
                        "{at}: expected a number, and no `{bound}` beside it"
                    ));
                }
                out.insert(bound.to_string(), value.clone());
                out.insert(key.clone(), json!(true));
            }
            "propertyNames" => {
                if value != &json!({ "type": "string" }) {
                    return Err(format!(
                        "{at}: only `{{\"type\": \"string\"}}` can be dropped"
                    ));
                }
            }
            k if SCHEMA_COPIED.contains(&k) => {
                out.insert(key.clone(), value.clone());
            }
            _ => return Err(unknown(&at)),
        }
    }
    Ok(Value::Object(out))
}

/// `type: "string"` or `type: ["string", "null"]` → (`"string"`, nullable?). A lone `"null"` or a
/// union of two real types has no 3.0 form.
fn schema_type(value: &Value, at: &str) -> Result<(String, bool)> {
    let names: Vec<&str> = match value {
        Value::String(name) => vec![name.as_str()],
        Value::Array(names) => names
            .iter()
            .map(|n| {
                n.as_str()
                    .ok_or_else(|| format!("{at}: expected type names"))
            })
            .collect::<Result<_>>()?,
        _ => return Err(format!("{at}: expected a type name or a list of them")),
    };
    let nullable = names.contains(&"null");
    let real: Vec<&str> = names.into_iter().filter(|n| *n != "null").collect();
    match real.as_slice() {
        [name] => Ok((name.to_string(), nullable)),
        [] => Err(format!(
            "{at}: `null` alone is only understood as a branch of oneOf/anyOf"
        )),
        _ => Err(format!("{at}: a union of types {value} has no 3.0 form")),
    }
}

/// `oneOf: [{type: null}, X]` (either order; also `anyOf`) → X made nullable, with the outer
/// annotations. `None` when the union has no null branch.
fn nullable_union(
    object: &Map<String, Value>,
    union: &str,
    branches: &Value,
    at: &str,
) -> Result<Option<Value>> {
    let at_union = pointer(at, union);
    let branches = branches
        .as_array()
        .ok_or_else(|| format!("{at_union}: expected an array"))?;
    let null = json!({ "type": "null" });
    if !branches.contains(&null) {
        return Ok(None);
    }
    let rest: Vec<(usize, &Value)> = branches
        .iter()
        .enumerate()
        .filter(|(_, b)| **b != null)
        .collect();
    let mut out = match rest.as_slice() {
        [(i, branch)] => {
            let converted = schema(branch, &format!("{at_union}/{i}"))?;
            match converted {
                // `{$ref}` alone cannot carry `nullable` in 3.0.
                Value::Object(m) if m.contains_key("$ref") => {
                    let mut out = Map::new();
                    out.insert("allOf".to_string(), json!([m]));
                    out
                }
                Value::Object(m) => m,
                _ => unreachable!("schema() returns objects"),
            }
        }
        [] => return Err(format!("{at_union}: only `null`")),
        _ => {
            let mut out = Map::new();
            let converted = rest
                .iter()
                .map(|(i, b)| schema(b, &format!("{at_union}/{i}")))
                .collect::<Result<Vec<_>>>()?;
            out.insert(union.to_string(), Value::Array(converted));
            out
        }
    };
    out.insert("nullable".to_string(), json!(true));
    merge_annotations(&mut out, object, at, union)?;
    Ok(Some(Value::Object(out)))
}

/// Copies the annotations of `object` (all keys but `skip`) onto `out`; the outer annotation
/// wins over one the inner schema had. Anything that is not an annotation is an error.
fn merge_annotations(
    out: &mut Map<String, Value>,
    object: &Map<String, Value>,
    at: &str,
    skip: &str,
) -> Result<()> {
    for (key, value) in object {
        let at = pointer(at, key);
        if key == skip {
            continue;
        } else if key.starts_with("x-") {
            out.insert(key.clone(), value.clone());
        } else if key == "examples" {
            if !object.contains_key("example") {
                out.insert("example".to_string(), first_example(value, &at)?);
            }
        } else if ANNOTATIONS.contains(&key.as_str()) {
            out.insert(key.clone(), value.clone());
        } else {
            return Err(format!(
                "{at}: only annotations can stand beside `{skip}` here"
            ));
        }
    }
    Ok(())
}

fn first_example(value: &Value, at: &str) -> Result<Value> {
    match value.as_array().and_then(|e| e.first()) {
        Some(first) => Ok(first.clone()),
        None => Err(format!("{at}: expected a non-empty array")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal 3.1 document with `schemas` as its only components.
    fn doc(schemas: Value) -> Value {
        json!({
            "openapi": "3.1.0",
            "info": {"title": "t", "version": "1", "license": {"name": "Apache-2.0", "identifier": "Apache-2.0"}},
            "paths": {},
            "components": {"schemas": schemas}
        })
    }

    fn convert_schema(schema: Value) -> Result<Value> {
        downconvert(&doc(json!({ "S": schema }))).map(|d| d["components"]["schemas"]["S"].clone())
    }

    #[test]
    fn version_and_license() {
        let out = downconvert(&doc(json!({}))).unwrap();
        assert_eq!(out["openapi"], "3.0.3");
        assert_eq!(
            out["info"]["license"],
            json!({"name": "Apache-2.0", "url": "https://spdx.org/licenses/Apache-2.0.html"})
        );
    }

    #[test]
    fn type_array_with_null_becomes_nullable() {
        let out =
            convert_schema(json!({"type": ["string", "null"], "format": "date-time"})).unwrap();
        assert_eq!(
            out,
            json!({"type": "string", "nullable": true, "format": "date-time"})
        );
    }

    #[test]
    fn one_of_null_and_ref_becomes_nullable_all_of() {
        let out = convert_schema(json!({
            "oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/T", "description": "inner"}],
            "description": "outer"
        }))
        .unwrap();
        assert_eq!(
            out,
            json!({"allOf": [{"$ref": "#/components/schemas/T"}], "description": "outer", "nullable": true})
        );
        let out = convert_schema(
            json!({"anyOf": [{"$ref": "#/components/schemas/T"}, {"type": "null"}]}),
        )
        .unwrap();
        assert_eq!(
            out,
            json!({"allOf": [{"$ref": "#/components/schemas/T"}], "nullable": true})
        );
    }

    #[test]
    fn one_of_null_and_inline_schema_becomes_nullable_schema() {
        let out =
            convert_schema(json!({"oneOf": [{"type": "null"}, {"type": "integer", "minimum": 1}]}))
                .unwrap();
        assert_eq!(
            out,
            json!({"type": "integer", "minimum": 1, "nullable": true})
        );
    }

    #[test]
    fn ref_with_siblings_becomes_all_of() {
        let out =
            convert_schema(json!({"$ref": "#/components/schemas/T", "description": "d"})).unwrap();
        assert_eq!(
            out,
            json!({"allOf": [{"$ref": "#/components/schemas/T"}], "description": "d"})
        );
        let plain = convert_schema(json!({"$ref": "#/components/schemas/T"})).unwrap();
        assert_eq!(plain, json!({"$ref": "#/components/schemas/T"}));
    }

    #[test]
    fn nested_schemas_are_converted() {
        let out = convert_schema(json!({
            "type": "object",
            "properties": {"a": {"type": ["array", "null"], "items": {"type": ["integer", "null"]}}},
            "additionalProperties": {"type": ["boolean", "null"]},
            "propertyNames": {"type": "string"},
            "examples": [{"a": [1]}]
        }))
        .unwrap();
        assert_eq!(
            out,
            json!({
                "type": "object",
                "properties": {"a": {"type": "array", "nullable": true, "items": {"type": "integer", "nullable": true}}},
                "additionalProperties": {"type": "boolean", "nullable": true},
                "example": {"a": [1]}
            })
        );
    }

    #[test]
    fn const_and_exclusive_bounds() {
        let out =
            convert_schema(json!({"type": "integer", "const": 3, "exclusiveMinimum": 0})).unwrap();
        assert_eq!(
            out,
            json!({"type": "integer", "enum": [3], "minimum": 0, "exclusiveMinimum": true})
        );
    }

    #[test]
    fn operations_parameters_and_responses_are_walked() {
        let mut d = doc(json!({}));
        d["paths"] = json!({"/a": {"patch": {
            "operationId": "a",
            "parameters": [{"name": "q", "in": "query", "schema": {"type": ["integer", "null"]}}],
            "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/T", "description": "d"}}}},
            "responses": {
                "200": {"description": "ok", "headers": {"ETag": {"schema": {"type": "string"}}}},
                "400": {"$ref": "#/components/responses/Bad", "description": "dropped"}
            }
        }}});
        let out = downconvert(&d).unwrap();
        let op = &out["paths"]["/a"]["patch"];
        assert_eq!(
            op["parameters"][0]["schema"],
            json!({"type": "integer", "nullable": true})
        );
        assert_eq!(
            op["requestBody"]["content"]["application/json"]["schema"]["allOf"],
            json!([{"$ref": "#/components/schemas/T"}])
        );
        assert_eq!(
            op["responses"]["400"],
            json!({"$ref": "#/components/responses/Bad"})
        );
    }

    #[test]
    fn extensions_pass_through() {
        let out = convert_schema(json!({"type": "string", "x-rust-type": {"crate": "c"}})).unwrap();
        assert_eq!(out["x-rust-type"], json!({"crate": "c"}));
    }

    #[test]
    fn unknown_constructs_fail_loudly() {
        let refused = [
            json!({"type": ["string", "integer"]}),
            json!({"type": "null"}),
            json!({"type": "object", "propertyNames": {"pattern": "^a"}}),
            json!({"type": "array", "prefixItems": [{"type": "string"}]}),
            json!({"type": "string", "nullable": true}),
            json!({"if": {"type": "string"}}),
            json!({"$ref": "#/components/schemas/T", "minimum": 1}),
            json!({"oneOf": [{"type": "null"}, {"type": "string"}], "maxLength": 3}),
        ];
        for schema in refused {
            let err = convert_schema(schema.clone()).expect_err(&schema.to_string());
            assert!(err.starts_with("/components/schemas/S"), "{err}");
        }
        let mut webhooks = doc(json!({}));
        webhooks["webhooks"] = json!({"e": {"post": {}}});
        assert!(downconvert(&webhooks).unwrap().get("webhooks").is_none());
        let mut path_items = doc(json!({}));
        path_items["components"]["pathItems"] = json!({});
        assert!(downconvert(&path_items).is_err());
        let mut summary = doc(json!({}));
        summary["info"]["summary"] = json!("s");
        assert!(downconvert(&summary)
            .unwrap_err()
            .starts_with("/info/summary"));
        let mut version = doc(json!({}));
        version["openapi"] = json!("3.0.3");
        assert!(downconvert(&version).is_err());
    }

    #[test]
    fn error_names_the_pointer() {
        let err = convert_schema(json!({"properties": {"a/b": {"type": ["string", "integer"]}}}))
            .unwrap_err();
        assert!(
            err.starts_with("/components/schemas/S/properties/a~1b/type:"),
            "{err}"
        );
    }
}
