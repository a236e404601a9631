//! The respondent's survey page: server-rendered, accessible HTML that works without JavaScript,
//! posting through the same logic as the respondent API.

use std::collections::BTreeMap;

use actix_web::{http::StatusCode, web, HttpRequest, HttpResponse};
use uuid::Uuid;

use crate::{
    api::{
        rate_limit::rate_limited,
        v1::respond::{RespondentQuestion, RespondentSurvey},
    },
    db,
    domain::{
        questionnaire::{negotiate_locale, QuestionKind, REQUIRED},
        CONTROL_CHARACTERS,
    },
    error::{ApiError, FieldError},
    i18n::{self, Texts},
    service::respond::{self, Answers, RespondError, Submission},
    AppState,
};

/// Largest form body accepted.
const MAX_FORM_BYTES: usize = 64 * 1024;

/// Registers `GET` and `POST /s/{token}`, with the extractor settings of its own (a host's never apply).
/// Its links and form are relative, so the page works under any mount prefix.
pub fn configure(cfg: &mut web::ServiceConfig, state: web::Data<AppState>) {
    cfg.service(
        web::resource("/s/{token}")
            .wrap(actix_web::middleware::from_fn(
                crate::api::middleware::request_context,
            ))
            .app_data(state)
            .app_data(web::PayloadConfig::default().limit(MAX_FORM_BYTES))
            .app_data(web::QueryConfig::default().error_handler(crate::api::query_error))
            .route(web::get().to(show))
            .route(web::post().to(submit)),
    );
}

#[derive(serde::Deserialize)]
struct Lang {
    lang: Option<String>,
}

fn accept_language(req: &HttpRequest) -> Option<&str> {
    req.headers()
        .get("accept-language")
        .and_then(|v| v.to_str().ok())
}

/// The locale of a page shown before the survey is known.
fn page_locale(req: &HttpRequest, requested: Option<&str>) -> String {
    let offered: Vec<String> = i18n::LOCALES.iter().map(|l| l.to_string()).collect();
    negotiate_locale(requested, accept_language(req), &offered, "en")
}

async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<Lang>,
) -> HttpResponse {
    if let Err(error) = rate_limited(&state, &req) {
        return failure_page(&req, query.lang.as_deref(), RespondError::Failed(error));
    }
    let (token, now) = (path.into_inner(), state.timestamp());
    let opened = db::run(&state.pool, {
        let token = token.clone();
        move |conn| Ok(respond::open(conn, &token, &now))
    })
    .await;
    match opened {
        Ok(Ok(found)) => {
            let survey =
                RespondentSurvey::localized(&found, query.lang.as_deref(), accept_language(&req));
            html(
                StatusCode::OK,
                &survey.locale,
                &survey.title,
                &form(&token, &survey, &BTreeMap::new(), &[], false),
            )
        }
        Ok(Err(error)) => failure_page(&req, query.lang.as_deref(), error),
        Err(error) => failure_page(&req, query.lang.as_deref(), RespondError::Failed(error)),
    }
}

async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Bytes,
) -> HttpResponse {
    let fields: Vec<(String, String)> = form_urlencoded::parse(&body).into_owned().collect();
    let locale = fields
        .iter()
        .find(|(k, _)| k == "locale")
        .map(|(_, v)| v.clone());
    if let Err(error) = rate_limited(&state, &req) {
        return failure_page(&req, locale.as_deref(), RespondError::Failed(error));
    }
    let anonymous = fields.iter().any(|(k, v)| k == "anonymous" && v == "true");
    let mut answers: BTreeMap<Uuid, Vec<String>> = BTreeMap::new();
    for (key, value) in &fields {
        if let Some(id) = key
            .strip_prefix("q_")
            .and_then(|id| Uuid::parse_str(id).ok())
        {
            answers.entry(id).or_default().push(value.clone());
        }
    }
    let (token, now) = (path.into_inner(), state.timestamp());
    let submission = Submission {
        answers: Answers::Form(answers.clone()),
        anonymous,
        locale: locale.clone(),
    };
    let outcome = db::run(&state.pool, {
        let token = token.clone();
        move |conn| Ok(respond::submit(conn, &token, submission, &now))
    })
    .await
    .unwrap_or_else(|error| Err(RespondError::Failed(error)));
    match outcome {
        Ok(_) => {
            let texts = i18n::texts(locale.as_deref().unwrap_or("en"));
            message_page(
                StatusCode::OK,
                locale.as_deref().unwrap_or("en"),
                texts.thanks_title,
                texts.thanks_body,
            )
        }
        Err(RespondError::Invalid(errors, found)) => {
            let survey =
                RespondentSurvey::localized(&found, locale.as_deref(), accept_language(&req));
            html(
                StatusCode::UNPROCESSABLE_ENTITY,
                &survey.locale,
                &survey.title,
                &form(&token, &survey, &answers, &errors, anonymous),
            )
        }
        Err(error) => failure_page(&req, locale.as_deref(), error),
    }
}

fn failure_page(req: &HttpRequest, requested: Option<&str>, error: RespondError) -> HttpResponse {
    let contact_locale = match &error {
        RespondError::Expired(locale) | RespondError::Answered(locale) => locale.as_deref(),
        _ => None,
    };
    let locale = page_locale(req, requested.or(contact_locale));
    let texts = i18n::texts(&locale);
    let (status, title, body) = match &error {
        RespondError::Unknown => (
            StatusCode::NOT_FOUND,
            texts.unknown_title,
            texts.unknown_body,
        ),
        RespondError::Expired(_) => (StatusCode::GONE, texts.expired_title, texts.expired_body),
        RespondError::Answered(_) => (
            StatusCode::CONFLICT,
            texts.answered_title,
            texts.answered_body,
        ),
        RespondError::Failed(ApiError::TooManyRequests(exceeded)) => {
            let mut page = message_page(
                StatusCode::TOO_MANY_REQUESTS,
                &locale,
                texts.slow_down,
                texts.slow_down,
            );
            if let Ok(value) = exceeded.retry_after.to_string().parse() {
                page.headers_mut()
                    .insert(actix_web::http::header::RETRY_AFTER, value);
            }
            return page;
        }
        RespondError::Invalid(..) | RespondError::Failed(_) => {
            let api_error = ApiError::from(error);
            api_error.log_if_internal();
            let status = actix_web::ResponseError::status_code(&api_error);
            return message_page(
                status,
                &locale,
                status.canonical_reason().unwrap_or("Error"),
                &api_error.problem().detail,
            );
        }
    };
    message_page(status, &locale, title, body)
}

fn message_page(status: StatusCode, locale: &str, title: &str, body: &str) -> HttpResponse {
    html(
        status,
        locale,
        title,
        &format!("<h1>{}</h1>\n<p>{}</p>\n", escape(title), escape(body)),
    )
}

fn html(status: StatusCode, locale: &str, title: &str, main: &str) -> HttpResponse {
    let page = format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{main}</main>\n</body>\n</html>\n",
        lang = escape(locale),
        title = escape(title),
    );
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header(("Cache-Control", "no-store"))
        .insert_header(("Referrer-Policy", "no-referrer"))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .insert_header((
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
        ))
        .insert_header(("X-Frame-Options", "DENY"))
        .body(page)
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1b1f24;line-height:1.5}\
main{max-width:42rem;margin:0 auto;padding:1rem}h1{font-size:1.5rem}fieldset{border:1px solid #c9ced6;border-radius:.5rem;margin:0 0 1rem;padding:.75rem 1rem;background:#fff}\
legend,.prompt{font-weight:600;padding:0;float:left;width:100%;margin-bottom:.5rem}legend+*,.prompt+*{clear:both}.question{margin:0 0 1rem;padding:.75rem 1rem;background:#fff;border:1px solid #c9ced6;border-radius:.5rem}.choices{display:flex;flex-wrap:wrap;gap:.5rem}.choices label{display:inline-flex;align-items:center;gap:.35rem;padding:.4rem .6rem;border:1px solid #c9ced6;border-radius:.4rem;min-width:2.5rem}\
textarea{width:100%;box-sizing:border-box;min-height:6rem;font:inherit}\
.error{color:#a4161a;font-weight:600}.summary{border:2px solid #a4161a;padding:.5rem 1rem;background:#fff}button{font:inherit;font-size:1.1rem;padding:.6rem 1.4rem;border-radius:.4rem;border:0;background:#1f5fbf;color:#fff}\
nav a{margin-right:.75rem}.help{font-size:.9rem;color:#4a515c}";

/// HTML-escapes text.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn form(
    token: &str,
    survey: &RespondentSurvey,
    previous: &BTreeMap<Uuid, Vec<String>>,
    errors: &[FieldError],
    anonymous: bool,
) -> String {
    let texts: &Texts = i18n::texts(&survey.locale);
    let token = escape(token);
    let mut out = format!("<h1>{}</h1>\n", escape(&survey.title));
    if survey.locales.len() > 1 {
        out.push_str(&format!("<nav aria-label=\"{}\">", escape(texts.language)));
        for locale in &survey.locales {
            out.push_str(&format!(
                "<a href=\"{token}?lang={l}\" hreflang=\"{l}\" lang=\"{l}\">{name}</a>",
                l = escape(locale),
                name = escape(i18n::language_name(locale)),
            ));
        }
        out.push_str("</nav>\n");
    }
    out.push_str(&format!("<p>{}</p>\n", escape(texts.intro)));
    if !errors.is_empty() {
        out.push_str(&format!(
            "<div class=\"summary\" role=\"alert\"><p class=\"error\">{}</p></div>\n",
            escape(texts.fix_errors)
        ));
    }
    out.push_str(&format!(
        "<form method=\"post\" action=\"{token}\">\n<input type=\"hidden\" name=\"locale\" value=\"{}\">\n",
        escape(&survey.locale)
    ));
    for question in &survey.questions {
        let chosen = previous.get(&question.id).cloned().unwrap_or_default();
        let error = errors
            .iter()
            .find(|e| e.field == format!("answers.{}", question.id))
            .map(|e| match e.message.as_str() {
                REQUIRED => texts.answer_required,
                CONTROL_CHARACTERS => texts.answer_unstorable,
                _ => texts.answer_invalid,
            });
        out.push_str(&question_html(question, &chosen, error, texts));
    }
    out.push_str(&format!(
        "<fieldset>\n<legend>{legend}</legend>\n<label><input type=\"checkbox\" name=\"anonymous\" value=\"true\" aria-describedby=\"anonymous-help\"{checked}> {label}</label>\n<p id=\"anonymous-help\" class=\"help\">{help}</p>\n</fieldset>\n",
        legend = escape(texts.anonymous_legend),
        label = escape(texts.anonymous_label),
        help = escape(texts.anonymous_help),
        checked = if anonymous { " checked" } else { "" },
    ));
    out.push_str(&format!(
        "<button type=\"submit\">{}</button>\n</form>\n",
        escape(texts.submit)
    ));
    out
}

fn question_html(
    question: &RespondentQuestion,
    chosen: &[String],
    error: Option<&str>,
    texts: &Texts,
) -> String {
    let id = question.id;
    let name = format!("q_{id}");
    let prompt = escape(&question.prompt);
    let marker = match question.required {
        true => format!(" <abbr title=\"{}\">*</abbr>", escape(texts.required)),
        false => String::new(),
    };
    let error_html = error
        .map(|e| format!("<p class=\"error\" id=\"e_{id}\">{}</p>\n", escape(e)))
        .unwrap_or_default();
    let described = if error.is_some() {
        format!(" aria-describedby=\"e_{id}\"")
    } else {
        String::new()
    };
    let invalid = if error.is_some() {
        " aria-invalid=\"true\""
    } else {
        ""
    };
    let required = if question.required {
        " aria-required=\"true\""
    } else {
        ""
    };
    let checked = |value: &str| {
        if chosen.iter().any(|c| c == value) {
            " checked"
        } else {
            ""
        }
    };
    let group = |role: &str, legend: String, choices: String| {
        format!(
            "<fieldset role=\"{role}\"{required}{invalid}{described}>\n<legend>{legend}</legend>\n{error_html}<div class=\"choices\">{choices}</div>\n</fieldset>\n"
        )
    };
    match question.kind {
        QuestionKind::Text => format!(
            "<div class=\"question\">\n<label for=\"{name}\" class=\"prompt\">{prompt}{marker}</label>\n{error_html}<textarea id=\"{name}\" name=\"{name}\" maxlength=\"2000\"{described}{invalid}{required}>{value}</textarea>\n</div>\n",
            value = escape(chosen.first().map(String::as_str).unwrap_or_default()),
        ),
        QuestionKind::Rating | QuestionKind::Nps => {
            let (min, max) = (question.min_value.unwrap_or(0), question.max_value.unwrap_or(10));
            let choices = (min..=max)
                .map(|v| format!("<label><input type=\"radio\" name=\"{name}\" value=\"{v}\"{}> {v}</label>", checked(&v.to_string())))
                .collect();
            let ends = match (&question.min_label, &question.max_label) {
                (Some(low), Some(high)) => {
                    format!(" <span class=\"help\">({min} = {}, {max} = {})</span>", escape(low), escape(high))
                }
                _ => String::new(),
            };
            group("radiogroup", format!("{prompt}{marker}{ends}"), choices)
        }
        QuestionKind::SingleChoice | QuestionKind::MultiChoice => {
            let (input, role) = match question.kind {
                QuestionKind::SingleChoice => ("radio", "radiogroup"),
                _ => ("checkbox", "group"),
            };
            let choices = question
                .options
                .iter()
                .map(|o| {
                    format!(
                        "<label><input type=\"{input}\" name=\"{name}\" value=\"{v}\"{}> {}</label>",
                        checked(&o.value),
                        escape(&o.label),
                        v = escape(&o.value)
                    )
                })
                .collect();
            group(role, format!("{prompt}{marker}"), choices)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<script>\"x\" & 'y'</script>"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }
}
