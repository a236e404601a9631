# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from enum import StrEnum


class ErrorCode(StrEnum):
    ALREADY_EXISTS = "already_exists"
    BAD_REQUEST = "bad_request"
    CONFLICT = "conflict"
    CONTACT_ERASED = "contact_erased"
    CURSOR_EXPIRED = "cursor_expired"
    FORBIDDEN = "forbidden"
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency_key_in_flight"
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    INTERNAL = "internal"
    INVALID_HEADER = "invalid_header"
    INVALID_PARAMETERS = "invalid_parameters"
    INVALID_STATUS_TRANSITION = "invalid_status_transition"
    INVITATION_ALREADY_ANSWERED = "invitation_already_answered"
    INVITATION_NOT_REISSUABLE = "invitation_not_reissuable"
    IN_USE = "in_use"
    LINK_EXPIRED = "link_expired"
    MALFORMED_JSON = "malformed_json"
    NOT_FOUND = "not_found"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    PERIOD_ALREADY_CLOSED = "period_already_closed"
    PERIOD_NOT_CLOSED = "period_not_closed"
    PERIOD_NOT_ENDED = "period_not_ended"
    RATE_LIMITED = "rate_limited"
    RESPONSE_ALREADY_VOIDED = "response_already_voided"
    SURVEY_NOT_DRAFT = "survey_not_draft"
    SURVEY_NOT_OPEN = "survey_not_open"
    TOO_MANY_QUESTIONS = "too_many_questions"
    UNAUTHORIZED = "unauthorized"
    UNAVAILABLE = "unavailable"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    VALIDATION_FAILED = "validation_failed"
    VERSION_MISMATCH = "version_mismatch"

    def __str__(self) -> str:
        return str(self.value)
