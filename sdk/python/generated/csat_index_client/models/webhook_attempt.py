# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookAttempt")


@_attrs_define
class WebhookAttempt:
    """One attempt to deliver an event: a line of the delivery log."""

    attempt: int
    """ 1 for the first attempt (a redelivery starts again at 1). """
    attempted_at: datetime.datetime
    """ When it was made. """
    delivery_id: UUID
    """ The delivery (one event to this subscription). """
    event_id: str
    """ The event, also the `webhook-id` header of every attempt to deliver it. """
    id: UUID
    """ The attempt's id (attempts sort by time). """
    latency_ms: int
    """ Milliseconds from connecting to the answer's status line (or to the failure). """
    error: None | str | Unset = UNSET
    """ What went wrong; `null` when the receiver answered `2xx`. """
    status_code: int | None | Unset = UNSET
    """ The receiver's HTTP status, if it answered. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempt = self.attempt

        attempted_at = self.attempted_at.isoformat()

        delivery_id = str(self.delivery_id)

        event_id = self.event_id

        id = str(self.id)

        latency_ms = self.latency_ms

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        status_code: int | None | Unset
        if isinstance(self.status_code, Unset):
            status_code = UNSET
        else:
            status_code = self.status_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attempt": attempt,
                "attempted_at": attempted_at,
                "delivery_id": delivery_id,
                "event_id": event_id,
                "id": id,
                "latency_ms": latency_ms,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error
        if status_code is not UNSET:
            field_dict["status_code"] = status_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempt = d.pop("attempt")

        attempted_at = datetime.datetime.fromisoformat(d.pop("attempted_at"))

        delivery_id = UUID(d.pop("delivery_id"))

        event_id = d.pop("event_id")

        id = UUID(d.pop("id"))

        latency_ms = d.pop("latency_ms")

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_status_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        status_code = _parse_status_code(d.pop("status_code", UNSET))

        webhook_attempt = cls(
            attempt=attempt,
            attempted_at=attempted_at,
            delivery_id=delivery_id,
            event_id=event_id,
            id=id,
            latency_ms=latency_ms,
            error=error,
            status_code=status_code,
        )

        webhook_attempt.additional_properties = d
        return webhook_attempt

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
