# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReportingPeriodClosed")


@_attrs_define
class ReportingPeriodClosed:
    """`reporting_period.closed`: a reporting period was closed. Program-level, seen by the administrator
    and the vendor (who already sees every membership's compliance), not by partners.

    """

    closed_at: datetime.datetime
    """ When it was closed. """
    ends_on: datetime.date
    """ Its last day. """
    memberships_met: int
    """ Memberships that met the requirement on its last day. """
    memberships_not_met: int
    """ Memberships that did not. """
    period_id: str
    """ The period (`2026-Q4`). """
    starts_on: datetime.date
    """ Its first day. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        closed_at = self.closed_at.isoformat()

        ends_on = self.ends_on.isoformat()

        memberships_met = self.memberships_met

        memberships_not_met = self.memberships_not_met

        period_id = self.period_id

        starts_on = self.starts_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "closed_at": closed_at,
                "ends_on": ends_on,
                "memberships_met": memberships_met,
                "memberships_not_met": memberships_not_met,
                "period_id": period_id,
                "starts_on": starts_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        closed_at = datetime.datetime.fromisoformat(d.pop("closed_at"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        memberships_met = d.pop("memberships_met")

        memberships_not_met = d.pop("memberships_not_met")

        period_id = d.pop("period_id")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        reporting_period_closed = cls(
            closed_at=closed_at,
            ends_on=ends_on,
            memberships_met=memberships_met,
            memberships_not_met=memberships_not_met,
            period_id=period_id,
            starts_on=starts_on,
        )

        reporting_period_closed.additional_properties = d
        return reporting_period_closed

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
