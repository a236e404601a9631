# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.period_status import PeriodStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReportingPeriod")


@_attrs_define
class ReportingPeriod:
    """A reporting period."""

    ends_on: datetime.date
    """ Last day. """
    id: str
    """ Its id, e.g. `2026-Q4`. """
    starts_on: datetime.date
    """ First day. """
    status: PeriodStatus
    """ Where a reporting period stands. """
    closed_at: datetime.datetime | None | Unset = UNSET
    """ When it was closed. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ends_on = self.ends_on.isoformat()

        id = self.id

        starts_on = self.starts_on.isoformat()

        status = self.status.value

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ends_on": ends_on,
                "id": id,
                "starts_on": starts_on,
                "status": status,
            }
        )
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        id = d.pop("id")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        status = PeriodStatus(d.pop("status"))

        def _parse_closed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        closed_at = _parse_closed_at(d.pop("closed_at", UNSET))

        reporting_period = cls(
            ends_on=ends_on,
            id=id,
            starts_on=starts_on,
            status=status,
            closed_at=closed_at,
        )

        reporting_period.additional_properties = d
        return reporting_period

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
