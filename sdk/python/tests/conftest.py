"""Starts the real server for the journey test: the binary in $CSAT_BIN (test.sh builds it) on a
fresh SQLite file, on a free loopback port, with a random JWT secret and mail written to files.
Tokens are minted by the same binary with the same secret. The server stops when the session ends."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from uuid import UUID

import pytest


class Server:
    """A running ``csat-index serve`` and the means to mint tokens for it."""

    def __init__(self, binary: str, env: dict[str, str], base_url: str, log: Path) -> None:
        self.binary = binary
        self.env = env
        self.base_url = base_url
        self.log = log

    def token(self, role: str, partner_id: UUID | None = None) -> str:
        """A JWT for ``role`` (``admin``, ``vendor``, or ``partner`` with its ``partner_id``)."""
        command = [self.binary, "token", "--role", role]
        if partner_id is not None:
            command += ["--partner-id", str(partner_id)]
        done = subprocess.run(command, env=self.env, capture_output=True, text=True, check=True, timeout=30)
        return done.stdout.strip()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Iterator[Server]:
    repo = Path(__file__).resolve().parents[3]
    binary = os.environ.get("CSAT_BIN") or str(
        Path(os.environ.get("CARGO_TARGET_DIR") or repo / "target") / "debug" / "csat-index"
    )
    if not os.access(binary, os.X_OK):
        pytest.fail(f"no server binary at {binary}: run sdk/python/test.sh, or set CSAT_BIN")

    work = tmp_path_factory.mktemp("csat-server")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CSAT_")}
    env.update(
        CSAT_DATABASE_URL=f"sqlite://{work}/csat.db",
        CSAT_BIND=f"127.0.0.1:{port}",
        CSAT_PUBLIC_URL=f"http://127.0.0.1:{port}",
        CSAT_JWT_SECRET=secrets.token_hex(32),
        CSAT_MAIL_URL=f"file://{work}/mail",
        CSAT_LOG="WARN",
        # The journey's webhook receiver listens on loopback over plain HTTP.
        CSAT_WEBHOOK_ALLOW_HTTP="1",
        CSAT_WEBHOOK_ALLOW_PRIVATE_NETWORKS="1",
        CSAT_WEBHOOK_INTERVAL_MS="100",
        CSAT_EVENTS_INTERVAL_MS="100",
    )
    log = work / "server.log"
    with log.open("wb") as log_file:
        process = subprocess.Popen(
            [binary, "serve"], env=env, stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                pytest.fail(f"the server exited with {process.returncode} before it was ready:\n{log.read_text()}")
            healthcheck = subprocess.run([binary, "healthcheck"], env=env, capture_output=True, timeout=10)
            if healthcheck.returncode == 0:  # GET /ready on CSAT_BIND answered 200
                break
            if time.monotonic() > deadline:
                pytest.fail(f"the server was not ready within 30 s:\n{log.read_text()}")
            time.sleep(0.25)
        yield Server(binary, env, f"http://127.0.0.1:{port}", log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if request.session.testsfailed:
            print(f"\nthe server's last log lines ({log}):\n" + "\n".join(log.read_text().splitlines()[-40:]))


@pytest.fixture
def base_url(server: Server) -> str:
    """The server's root URL, e.g. ``http://127.0.0.1:8080``."""
    return server.base_url


@pytest.fixture
def admin_token(server: Server) -> str:
    """A JWT with the role ``admin``."""
    return server.token("admin")
