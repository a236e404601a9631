# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateMembership")


@_attrs_define
class UpdateMembership:
    """Changes to a membership; omitted fields stay as they are.

    Example:
        {'renewal_date': '2028-06-30'}

    """

    external_id: None | str | Unset = UNSET
    """ New external id (1–128 characters, unique among the partner's memberships), or `null` to
    clear it. """
    membership_number: str | Unset = UNSET
    """ New membership number (1–64 characters). """
    renewal_date: datetime.date | Unset = UNSET
    """ New renewal date. """

    def to_dict(self) -> dict[str, Any]:
        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        membership_number = self.membership_number

        renewal_date: str | Unset = UNSET
        if not isinstance(self.renewal_date, Unset):
            renewal_date = self.renewal_date.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if membership_number is not UNSET:
            field_dict["membership_number"] = membership_number
        if renewal_date is not UNSET:
            field_dict["renewal_date"] = renewal_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        membership_number = d.pop("membership_number", UNSET)

        _renewal_date = d.pop("renewal_date", UNSET)
        renewal_date: datetime.date | Unset
        if isinstance(_renewal_date, Unset):
            renewal_date = UNSET
        else:
            renewal_date = datetime.date.fromisoformat(_renewal_date)

        update_membership = cls(
            external_id=external_id,
            membership_number=membership_number,
            renewal_date=renewal_date,
        )

        return update_membership
