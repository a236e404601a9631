//! Embedding the API in another actix-web application: one `configure` call mounts
//! `/api/v1`, `/api/v1/openapi.json`, `/swagger-ui/`, `/health` and `/ready` next to the host's own routes.
//!
//! Run with `cargo run --example embed` and open http://127.0.0.1:8081/swagger-ui/.

use actix_web::{web, App, HttpResponse, HttpServer};

#[actix_web::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut config = csat_index::Config::from_env()?;
    config.bind = "127.0.0.1:8081".parse()?;
    let state = csat_index::AppState::new(&config)?;
    let _outbox = state.start_outbox_worker();
    HttpServer::new(move || {
        App::new()
            .route(
                "/",
                web::get()
                    .to(|| async { HttpResponse::Ok().body("the host application's own page") }),
            )
            .configure(csat_index::configure(state.clone()))
    })
    .bind(config.bind)?
    .run()
    .await?;
    Ok(())
}
