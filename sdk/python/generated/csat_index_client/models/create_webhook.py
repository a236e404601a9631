# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateWebhook")


@_attrs_define
class CreateWebhook:
    """A new webhook subscription.

    Example:
        {'event_types': ['membership.compliance_changed', 'response.completed'], 'url':
            'https://crm.example.com/hooks/csat'}

    """

    event_types: list[str]
    """ Event types to receive (1–20), or `["*"]` for every type the caller may receive. """
    url: str
    """ Where deliveries go: an `https://` URL (`http://` only where the server allows it for
    development) that does not point at an internal address. Redirects are not followed. """
    description: None | str | Unset = UNSET
    """ A note for the owner (at most 500 characters). """

    def to_dict(self) -> dict[str, Any]:
        event_types = self.event_types

        url = self.url

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "event_types": event_types,
                "url": url,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event_types = cast(list[str], d.pop("event_types"))

        url = d.pop("url")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        create_webhook = cls(
            event_types=event_types,
            url=url,
            description=description,
        )

        return create_webhook
