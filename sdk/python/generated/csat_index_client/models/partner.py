# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Partner")


@_attrs_define
class Partner:
    """A partner organization."""

    created_at: datetime.datetime
    """ When the partner was created. """
    email_domains: list[str]
    """ Email domains the partner owns (lower case). """
    external_key: str
    """ The vendor's own key for this partner organization (unique). It is the partner's external id:
    read and upsert the partner by it at `/partners/by-external-id/{external_key}`. """
    id: UUID
    """ The partner's id. """
    name: str
    """ The partner's display name. """
    updated_at: datetime.datetime
    """ When the partner was last changed. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        email_domains = self.email_domains

        external_key = self.external_key

        id = str(self.id)

        name = self.name

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "email_domains": email_domains,
                "external_key": external_key,
                "id": id,
                "name": name,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        email_domains = cast(list[str], d.pop("email_domains"))

        external_key = d.pop("external_key")

        id = UUID(d.pop("id"))

        name = d.pop("name")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        partner = cls(
            created_at=created_at,
            email_domains=email_domains,
            external_key=external_key,
            id=id,
            name=name,
            updated_at=updated_at,
        )

        partner.additional_properties = d
        return partner

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
