# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Membership")


@_attrs_define
class Membership:
    """A program membership of a partner; it must meet the survey requirement on its own."""

    created_at: datetime.datetime
    """ When the membership was created. """
    id: UUID
    """ The membership's id. """
    membership_number: str
    """ The program's membership number, e.g. a partner-network id (unique). """
    partner_id: UUID
    """ The partner it belongs to. """
    renewal_date: datetime.date
    """ The next renewal date; the requirement is checked over the 12 months before it. """
    updated_at: datetime.datetime
    """ When the membership was last changed. """
    external_id: None | str | Unset = UNSET
    """ The integrator's own id of the membership (unique among the partner's memberships), if set:
    read and upsert it at `/partners/{partner_id}/memberships/by-external-id/{external_id}`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = str(self.id)

        membership_number = self.membership_number

        partner_id = str(self.partner_id)

        renewal_date = self.renewal_date.isoformat()

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
                "created_at": created_at,
                "id": id,
                "membership_number": membership_number,
                "partner_id": partner_id,
                "renewal_date": renewal_date,
                "updated_at": updated_at,
            }
        )
        if external_id is not UNSET:
            field_dict["external_id"] = external_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        membership_number = d.pop("membership_number")

        partner_id = UUID(d.pop("partner_id"))

        renewal_date = datetime.date.fromisoformat(d.pop("renewal_date"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        membership = cls(
            created_at=created_at,
            id=id,
            membership_number=membership_number,
            partner_id=partner_id,
            renewal_date=renewal_date,
            updated_at=updated_at,
            external_id=external_id,
        )

        membership.additional_properties = d
        return membership

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
