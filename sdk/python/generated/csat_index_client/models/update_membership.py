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

    membership_number: None | str | Unset = UNSET
    """ New membership number (1–64 characters). """
    renewal_date: datetime.date | None | Unset = UNSET
    """ New renewal date. """

    def to_dict(self) -> dict[str, Any]:
        membership_number: None | str | Unset
        if isinstance(self.membership_number, Unset):
            membership_number = UNSET
        else:
            membership_number = self.membership_number

        renewal_date: None | str | Unset
        if isinstance(self.renewal_date, Unset):
            renewal_date = UNSET
        elif isinstance(self.renewal_date, datetime.date):
            renewal_date = self.renewal_date.isoformat()
        else:
            renewal_date = self.renewal_date

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

        def _parse_membership_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        membership_number = _parse_membership_number(d.pop("membership_number", UNSET))

        def _parse_renewal_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                renewal_date_type_0 = datetime.date.fromisoformat(data)

                return renewal_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        renewal_date = _parse_renewal_date(d.pop("renewal_date", UNSET))

        update_membership = cls(
            membership_number=membership_number,
            renewal_date=renewal_date,
        )

        return update_membership
