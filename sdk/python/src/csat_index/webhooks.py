"""Verifying a webhook delivery (Standard Webhooks), hand-written beside the generated client."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from collections.abc import Mapping
from typing import Any

__all__ = ["TOLERANCE_SECONDS", "WebhookVerificationError", "verify_webhook"]

#: How far ``webhook-timestamp`` may be from now, in seconds (either way).
TOLERANCE_SECONDS = 300


class WebhookVerificationError(Exception):
    """A delivery failed verification: do not trust its body."""


def _header(headers: Mapping[str, str], name: str) -> str:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return ""


def verify_webhook(
    secret: str,
    headers: Mapping[str, str],
    body: bytes | str,
    now: int | None = None,
) -> Any:
    """Verify a webhook delivery and return its parsed body (the event envelope).

    ``webhook-timestamp`` must be within :data:`TOLERANCE_SECONDS` of ``now`` (unix seconds, default
    the current time), and one ``v1,`` signature of ``webhook-signature`` must be the base64
    HMAC-SHA256 of ``{webhook-id}.{webhook-timestamp}.{body}`` under the secret (``whsec_`` + base64
    key; during a secret rotation the header carries one signature per secret). Pass the body exactly
    as received, not re-serialized JSON. Deduplicate on ``webhook-id``: retries and redeliveries of one
    event carry the same id.

    Raises:
        WebhookVerificationError: the delivery is not authentic or its timestamp is too far off.
    """
    encoded = secret[len("whsec_") :] if secret.startswith("whsec_") else secret
    try:
        key = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        key = b""
    if not key:
        raise WebhookVerificationError("the secret is not a whsec_ secret")
    webhook_id = _header(headers, "webhook-id")
    timestamp = _header(headers, "webhook-timestamp")
    if not timestamp.isdigit():
        raise WebhookVerificationError("webhook-timestamp is not a number")
    current = int(time.time()) if now is None else now
    if abs(current - int(timestamp)) > TOLERANCE_SECONDS:
        raise WebhookVerificationError("webhook-timestamp is too old or too far in the future")
    raw = body.encode() if isinstance(body, str) else body
    expected = hmac.new(key, f"{webhook_id}.{timestamp}.".encode() + raw, hashlib.sha256).digest()
    for candidate in _header(headers, "webhook-signature").split(" "):
        if not candidate.startswith("v1,"):
            continue
        try:
            given = base64.b64decode(candidate[3:], validate=True)
        except (binascii.Error, ValueError):
            continue
        if hmac.compare_digest(given, expected):
            return json.loads(raw)
    raise WebhookVerificationError("no signature matches")
