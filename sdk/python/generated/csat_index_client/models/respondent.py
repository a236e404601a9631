# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Respondent")


@_attrs_define
class Respondent:
    """Who answered. Hidden from the partner when the respondent chose anonymity."""

    organization_key: str
    """ The customer-organization key the response counts for. """
    contact_id: None | Unset | UUID = UNSET
    """ The contact, when the response came through an invitation or names one. """
    invitation_id: None | Unset | UUID = UNSET
    """ The invitation answered. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        organization_key = self.organization_key

        contact_id: None | str | Unset
        if isinstance(self.contact_id, Unset):
            contact_id = UNSET
        elif isinstance(self.contact_id, UUID):
            contact_id = str(self.contact_id)
        else:
            contact_id = self.contact_id

        invitation_id: None | str | Unset
        if isinstance(self.invitation_id, Unset):
            invitation_id = UNSET
        elif isinstance(self.invitation_id, UUID):
            invitation_id = str(self.invitation_id)
        else:
            invitation_id = self.invitation_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "organization_key": organization_key,
            }
        )
        if contact_id is not UNSET:
            field_dict["contact_id"] = contact_id
        if invitation_id is not UNSET:
            field_dict["invitation_id"] = invitation_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        organization_key = d.pop("organization_key")

        def _parse_contact_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contact_id_type_0 = UUID(data)

                return contact_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        contact_id = _parse_contact_id(d.pop("contact_id", UNSET))

        def _parse_invitation_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                invitation_id_type_0 = UUID(data)

                return invitation_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        invitation_id = _parse_invitation_id(d.pop("invitation_id", UNSET))

        respondent = cls(
            organization_key=organization_key,
            contact_id=contact_id,
            invitation_id=invitation_id,
        )

        respondent.additional_properties = d
        return respondent

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
