# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RedeliverEvent")


@_attrs_define
class RedeliverEvent:
    """Which event to deliver again.

    Example:
        {'event_id': '5b0e9f3e-8d7c-4a55-9a1f-3f0c2a7d9e41'}

    """

    event_id: str
    """ The event's id (from the delivery log, a delivery's `webhook-id`, or the change feed); it must
    be from the last 30 days and one this subscription may receive. """

    def to_dict(self) -> dict[str, Any]:
        event_id = self.event_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "event_id": event_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event_id = d.pop("event_id")

        redeliver_event = cls(
            event_id=event_id,
        )

        return redeliver_event
