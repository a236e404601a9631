# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CreateMembership")


@_attrs_define
class CreateMembership:
    """A new membership.

    Example:
        {'membership_number': 'MPN-1234567', 'renewal_date': '2027-06-30'}

    """

    membership_number: str
    """ The program's membership number (unique, 1–64 characters). """
    renewal_date: datetime.date
    """ The next renewal date (`YYYY-MM-DD`). """

    def to_dict(self) -> dict[str, Any]:
        membership_number = self.membership_number

        renewal_date = self.renewal_date.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "membership_number": membership_number,
                "renewal_date": renewal_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        membership_number = d.pop("membership_number")

        renewal_date = datetime.date.fromisoformat(d.pop("renewal_date"))

        create_membership = cls(
            membership_number=membership_number,
            renewal_date=renewal_date,
        )

        return create_membership
