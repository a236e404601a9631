# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Office")


@_attrs_define
class Office:
    """A partner office in one country."""

    city: str
    """ The city. """
    country: str
    """ ISO 3166-1 alpha-2 country code, upper case. """
    created_at: datetime.datetime
    """ When the office was created. """
    id: UUID
    """ The office's id. """
    membership_id: UUID
    """ The membership it belongs to. """
    name: str
    """ The office's name. """
    partner_id: UUID
    """ The partner it belongs to. """
    updated_at: datetime.datetime
    """ When the office was last changed. """
    external_id: None | str | Unset = UNSET
    """ The integrator's own id of the office (unique among the membership's offices), if set: read
    and upsert it at `/memberships/{membership_id}/offices/by-external-id/{external_id}`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        city = self.city

        country = self.country

        created_at = self.created_at.isoformat()

        id = str(self.id)

        membership_id = str(self.membership_id)

        name = self.name

        partner_id = str(self.partner_id)

        updated_at = self.updated_at.isoformat()

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "city": city,
                "country": country,
                "created_at": created_at,
                "id": id,
                "membership_id": membership_id,
                "name": name,
                "partner_id": partner_id,
                "updated_at": updated_at,
            }
        )
        if external_id is not UNSET:
            field_dict["external_id"] = external_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        city = d.pop("city")

        country = d.pop("country")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        membership_id = UUID(d.pop("membership_id"))

        name = d.pop("name")

        partner_id = UUID(d.pop("partner_id"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        office = cls(
            city=city,
            country=country,
            created_at=created_at,
            id=id,
            membership_id=membership_id,
            name=name,
            partner_id=partner_id,
            updated_at=updated_at,
            external_id=external_id,
        )

        office.additional_properties = d
        return office

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
