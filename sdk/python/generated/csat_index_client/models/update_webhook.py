# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateWebhook")


@_attrs_define
class UpdateWebhook:
    """Changes to a subscription; omitted fields stay as they are.

    Example:
        {'paused': False}

    """

    description: None | str | Unset = UNSET
    """ New note; `null` clears it. """
    event_types: list[str] | Unset = UNSET
    """ New event types (1–20, or `["*"]`). """
    paused: bool | Unset = UNSET
    """ `true` pauses deliveries; `false` resumes them (also a `failing` subscription). """
    url: str | Unset = UNSET
    """ New URL (same rules as at creation). """

    def to_dict(self) -> dict[str, Any]:
        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        event_types: list[str] | Unset = UNSET
        if not isinstance(self.event_types, Unset):
            event_types = self.event_types

        paused = self.paused

        url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if event_types is not UNSET:
            field_dict["event_types"] = event_types
        if paused is not UNSET:
            field_dict["paused"] = paused
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        event_types = cast(list[str], d.pop("event_types", UNSET))

        paused = d.pop("paused", UNSET)

        url = d.pop("url", UNSET)

        update_webhook = cls(
            description=description,
            event_types=event_types,
            paused=paused,
            url=url,
        )

        return update_webhook
