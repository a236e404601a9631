# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateMembership")


@_attrs_define
class UpdateMembership:
    """Changes to a membership; omitted fields stay as they are.

    Example:
        {'renewal_date': '2028-06-30'}

    """

    membership_number: str | Unset = UNSET
    """ New membership number (1–64 characters). """
    renewal_date: datetime.date | Unset = UNSET
    """ New renewal date. """

    def to_dict(self) -> dict[str, Any]:
        membership_number = self.membership_number

        renewal_date: str | Unset = UNSET
        if not isinstance(self.renewal_date, Unset):
            renewal_date = self.renewal_date.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if membership_number is not UNSET:
            field_dict["membership_number"] = membership_number
        if renewal_date is not UNSET:
            field_dict["renewal_date"] = renewal_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        membership_number = d.pop("membership_number", UNSET)

        _renewal_date = d.pop("renewal_date", UNSET)
        renewal_date: datetime.date | Unset
        if isinstance(_renewal_date, Unset):
            renewal_date = UNSET
        else:
            renewal_date = datetime.date.fromisoformat(_renewal_date)

        update_membership = cls(
            membership_number=membership_number,
            renewal_date=renewal_date,
        )

        return update_membership
