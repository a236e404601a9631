# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.error_code import ErrorCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.field_error import FieldError


T = TypeVar("T", bound="Problem")


@_attrs_define
class Problem:
    """An RFC 9457 problem document, the body of every error response."""

    code: ErrorCode
    """ The machine-readable cause of an error, stable across versions (unlike `detail`). Each code always comes
    with the same status:

    - `bad_request` (400): The request could not be read (for example, its body could not be received).
    - `malformed_json` (400): The body is not valid JSON.
    - `invalid_parameters` (400): A path or query parameter does not parse; see `errors` when it names them.
    - `invalid_header` (400): A request header (`If-Match`, `Idempotency-Key`) is not valid.
    - `unauthorized` (401): The bearer token is missing, expired or invalid.
    - `forbidden` (403): The caller's role may not do this.
    - `not_found` (404): No such object or operation, or not visible to the caller.
    - `period_not_closed` (404): The period has no snapshots because it is not closed yet.
    - `conflict` (409): The request conflicts with the current state.
    - `already_exists` (409): Another object already holds one of these unique values.
    - `in_use` (409): The object is still referenced by other objects (delete those first).
    - `survey_not_open` (409): The survey is not open, so it cannot send invitations or take imported responses.
    - `survey_not_draft` (409): The survey was opened: its questionnaire and locales are frozen and it cannot be
    deleted.
    - `invalid_status_transition` (409): The survey's current status does not allow this status change.
    - `too_many_questions` (409): The survey already has the maximum number of custom questions.
    - `invitation_already_answered` (409): The personal survey link was already answered.
    - `invitation_not_reissuable` (409): Only an unanswered, unexpired invitation gets a new link.
    - `response_already_voided` (409): The response is already voided.
    - `contact_erased` (409): The contact's personal data was erased; it cannot be changed.
    - `period_not_ended` (409): The period has not ended yet, so it cannot be closed.
    - `period_already_closed` (409): The period is already closed.
    - `idempotency_key_in_flight` (409): The first request with this `Idempotency-Key` is still running; retry
    shortly.
    - `link_expired` (410): The personal survey link expired, its survey closed or its contact was erased.
    - `cursor_expired` (410): Events after this change-feed cursor were deleted (kept at least 30 days): read the
    current state again and follow the feed from its start.
    - `version_mismatch` (412): `If-Match` does not match the current `ETag`: read the object again.
    - `payload_too_large` (413): The body is larger than allowed.
    - `unsupported_media_type` (415): The body is not `application/json`.
    - `validation_failed` (422): Well-formed but invalid input; `errors` names each field at fault.
    - `idempotency_key_reused` (422): The `Idempotency-Key` was already used with a different request.
    - `rate_limited` (429): Too many requests from this token (or, on the respondent endpoints, this client); wait
    `Retry-After` seconds.
    - `internal` (500): An unexpected error; it was logged with the request id.
    - `unavailable` (503): The database is unavailable or busy; retry after `Retry-After` seconds. """
    detail: str
    """ What went wrong in this occurrence, in words a developer can act on. """
    status: int
    """ The HTTP status code. """
    title: str
    """ A short summary of the problem type. """
    type_: str
    """ A URI reference that identifies the problem type. """
    errors: list[FieldError] | Unset = UNSET
    """ Field-level errors, present on validation problems. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code.value

        detail = self.detail

        status = self.status

        title = self.title

        type_ = self.type_

        errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "detail": detail,
                "status": status,
                "title": title,
                "type": type_,
            }
        )
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_error import FieldError  # noqa: PLC0415

        d = dict(src_dict)
        code = ErrorCode(d.pop("code"))

        detail = d.pop("detail")

        status = d.pop("status")

        title = d.pop("title")

        type_ = d.pop("type")

        _errors = d.pop("errors", UNSET)
        errors: list[FieldError] | Unset = UNSET
        if _errors is not UNSET:
            errors = []
            for errors_item_data in _errors:
                errors_item = FieldError.from_dict(errors_item_data)

                errors.append(errors_item)

        problem = cls(
            code=code,
            detail=detail,
            status=status,
            title=title,
            type_=type_,
            errors=errors,
        )

        problem.additional_properties = d
        return problem

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
