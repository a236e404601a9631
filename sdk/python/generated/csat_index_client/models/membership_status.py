# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.compliance_status import ComplianceStatus

T = TypeVar("T", bound="MembershipStatus")


@_attrs_define
class MembershipStatus:
    """One membership in the program-wide list."""

    best_office_counted: int
    """ Counted responses of its best office. """
    countries: list[str]
    """ The countries of its offices. """
    membership_id: UUID
    """ The membership. """
    membership_number: str
    """ Its membership number. """
    partner_id: UUID
    """ Its partner. """
    status: ComplianceStatus
    """ Whether the rule is met. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        best_office_counted = self.best_office_counted

        countries = self.countries

        membership_id = str(self.membership_id)

        membership_number = self.membership_number

        partner_id = str(self.partner_id)

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "best_office_counted": best_office_counted,
                "countries": countries,
                "membership_id": membership_id,
                "membership_number": membership_number,
                "partner_id": partner_id,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        best_office_counted = d.pop("best_office_counted")

        countries = cast(list[str], d.pop("countries"))

        membership_id = UUID(d.pop("membership_id"))

        membership_number = d.pop("membership_number")

        partner_id = UUID(d.pop("partner_id"))

        status = ComplianceStatus(d.pop("status"))

        membership_status = cls(
            best_office_counted=best_office_counted,
            countries=countries,
            membership_id=membership_id,
            membership_number=membership_number,
            partner_id=partner_id,
            status=status,
        )

        membership_status.additional_properties = d
        return membership_status

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
