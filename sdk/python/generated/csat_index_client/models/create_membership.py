# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateMembership")


@_attrs_define
class CreateMembership:
    """A new membership.

    Example:
        {'external_id': 'a0B5g00000XyZ1', 'membership_number': 'MPN-1234567', 'renewal_date': '2027-06-30'}

    """

    membership_number: str
    """ The program's membership number (unique, 1–64 characters). """
    renewal_date: datetime.date
    """ The next renewal date (`YYYY-MM-DD`). """
    external_id: None | str | Unset = UNSET
    """ The integrator's own id of the membership (unique among the partner's memberships; 1–128
    characters, no control characters, no leading or trailing whitespace). """

    def to_dict(self) -> dict[str, Any]:
        membership_number = self.membership_number

        renewal_date = self.renewal_date.isoformat()

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "membership_number": membership_number,
                "renewal_date": renewal_date,
            }
        )
        if external_id is not UNSET:
            field_dict["external_id"] = external_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        membership_number = d.pop("membership_number")

        renewal_date = datetime.date.fromisoformat(d.pop("renewal_date"))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        create_membership = cls(
            membership_number=membership_number,
            renewal_date=renewal_date,
            external_id=external_id,
        )

        return create_membership
