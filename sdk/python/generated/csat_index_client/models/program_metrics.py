# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.program_period import ProgramPeriod


T = TypeVar("T", bound="ProgramMetrics")


@_attrs_define
class ProgramMetrics:
    """Program metrics by published quarter and country."""

    anonymity_threshold: int
    """ The fewest responses a shown cell, or any difference of shown cells, covers. """
    from_: datetime.date
    """ First day asked for. """
    periods: list[ProgramPeriod]
    """ Each published quarter overlapping the range, oldest first. """
    to: datetime.date
    """ Last day asked for. """
    years_to_date: list[ProgramPeriod]
    """ For each year of those quarters, its year to date through the latest one published (only when
    that is not the year's first quarter). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        anonymity_threshold = self.anonymity_threshold

        from_ = self.from_.isoformat()

        periods = []
        for periods_item_data in self.periods:
            periods_item = periods_item_data.to_dict()
            periods.append(periods_item)

        to = self.to.isoformat()

        years_to_date = []
        for years_to_date_item_data in self.years_to_date:
            years_to_date_item = years_to_date_item_data.to_dict()
            years_to_date.append(years_to_date_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "anonymity_threshold": anonymity_threshold,
                "from": from_,
                "periods": periods,
                "to": to,
                "years_to_date": years_to_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.program_period import ProgramPeriod  # noqa: PLC0415

        d = dict(src_dict)
        anonymity_threshold = d.pop("anonymity_threshold")

        from_ = datetime.date.fromisoformat(d.pop("from"))

        periods = []
        _periods = d.pop("periods")
        for periods_item_data in _periods:
            periods_item = ProgramPeriod.from_dict(periods_item_data)

            periods.append(periods_item)

        to = datetime.date.fromisoformat(d.pop("to"))

        years_to_date = []
        _years_to_date = d.pop("years_to_date")
        for years_to_date_item_data in _years_to_date:
            years_to_date_item = ProgramPeriod.from_dict(years_to_date_item_data)

            years_to_date.append(years_to_date_item)

        program_metrics = cls(
            anonymity_threshold=anonymity_threshold,
            from_=from_,
            periods=periods,
            to=to,
            years_to_date=years_to_date,
        )

        program_metrics.additional_properties = d
        return program_metrics

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
