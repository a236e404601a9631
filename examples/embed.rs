//! Embedding the API in another actix-web application under a prefix: one `configure` call mounts
//! `/csat/api/v1`, `/csat/api/v1/openapi.json`, `/csat/swagger-ui/`, `/csat/s/{token}`, `/csat/health` and
//! `/csat/ready` next to the host's own routes, with the host's own extractor settings left to the host.
//!
//! Run with `CSAT_PUBLIC_URL=http://127.0.0.1:8081/csat cargo run --example embed` and open
//! http://127.0.0.1:8081/csat/swagger-ui/.

use actix_web::{web, App, HttpResponse, HttpServer};

#[actix_web::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut config = csat_index::Config::from_env()?;
    config.bind = "127.0.0.1:8081".parse()?;
    let state = csat_index::AppState::new(&config)?
        .with_webhooks(csat_index::config::WebhookSettings::from_env()?);
    let _outbox = state.start_outbox_worker();
    let _events = state.start_event_worker();
    let _webhooks = state.start_webhook_worker();
    HttpServer::new(move || {
        App::new()
            // The host's own settings: they apply to its routes, never to the API's.
            .app_data(web::JsonConfig::default().limit(4096))
            .route(
                "/",
                web::get()
                    .to(|| async { HttpResponse::Ok().body("the host application's own page") }),
            )
            .service(web::scope("/csat").configure(csat_index::configure(state.clone())))
    })
    .bind(config.bind)?
    .run()
    .await?;
    Ok(())
}
