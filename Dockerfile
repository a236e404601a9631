# syntax=docker/dockerfile:1
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock build.rs ./
COPY src src
COPY migrations migrations
RUN cargo build --release --locked --bin csat-index

FROM debian:bookworm-slim
RUN useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin csat \
    && mkdir -p /data && chown csat:csat /data
COPY --from=build /src/target/release/csat-index /usr/local/bin/csat-index
USER csat
WORKDIR /data
ENV CSAT_BIND=0.0.0.0:8080 \
    CSAT_DATABASE_URL=sqlite:///data/csat-index.db \
    CSAT_LOG_FORMAT=json
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["csat-index", "healthcheck"]
ENTRYPOINT ["csat-index"]
CMD ["serve"]
