# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MembershipComplianceChanged")


@_attrs_define
class MembershipComplianceChanged:
    """`membership.compliance_changed`: a membership started (`met`) or stopped meeting the requirement,
    after a response was added or voided, or because a day passed and a response left the window.

    """

    as_of: datetime.date
    """ The day it was judged on. """
    best_office_counted: int
    """ Counted responses of its best office. """
    membership_id: UUID
    """ The membership. """
    met: bool
    """ Whether it meets the requirement now. """
    partner_id: UUID
    """ Its partner. """
    previous_met: bool
    """ Whether it met it before (always `!met`). """
    required: int
    """ Counted responses an office needs. """
    valid_until: datetime.date | None | Unset = UNSET
    """ When met: the last day it stays met without new responses. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        best_office_counted = self.best_office_counted

        membership_id = str(self.membership_id)

        met = self.met

        partner_id = str(self.partner_id)

        previous_met = self.previous_met

        required = self.required

        valid_until: None | str | Unset
        if isinstance(self.valid_until, Unset):
            valid_until = UNSET
        elif isinstance(self.valid_until, datetime.date):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "best_office_counted": best_office_counted,
                "membership_id": membership_id,
                "met": met,
                "partner_id": partner_id,
                "previous_met": previous_met,
                "required": required,
            }
        )
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        best_office_counted = d.pop("best_office_counted")

        membership_id = UUID(d.pop("membership_id"))

        met = d.pop("met")

        partner_id = UUID(d.pop("partner_id"))

        previous_met = d.pop("previous_met")

        required = d.pop("required")

        def _parse_valid_until(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_type_0 = datetime.date.fromisoformat(data)

                return valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_until = _parse_valid_until(d.pop("valid_until", UNSET))

        membership_compliance_changed = cls(
            as_of=as_of,
            best_office_counted=best_office_counted,
            membership_id=membership_id,
            met=met,
            partner_id=partner_id,
            previous_met=previous_met,
            required=required,
            valid_until=valid_until,
        )

        membership_compliance_changed.additional_properties = d
        return membership_compliance_changed

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
