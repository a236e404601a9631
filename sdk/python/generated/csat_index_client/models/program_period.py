# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.cell import Cell
    from ..models.country_cell import CountryCell


T = TypeVar("T", bound="ProgramPeriod")


@_attrs_define
class ProgramPeriod:
    """The program's published figures over one quarter, or over its year to date."""

    countries: list[CountryCell]
    """ Per country with responses in it. """
    ends_on: datetime.date
    """ Last day. """
    period: str
    """ `2026-Q3` for a quarter, `2026-Q1..2026-Q3` for a year to date. """
    program: Cell
    """ One cell of an aggregate table. """
    published_at: datetime.datetime
    """ When its latest quarter was last published. """
    restated: bool
    """ Whether an administrator restated any of its quarters after they were first published. """
    starts_on: datetime.date
    """ First day. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        countries = []
        for countries_item_data in self.countries:
            countries_item = countries_item_data.to_dict()
            countries.append(countries_item)

        ends_on = self.ends_on.isoformat()

        period = self.period

        program = self.program.to_dict()

        published_at = self.published_at.isoformat()

        restated = self.restated

        starts_on = self.starts_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "countries": countries,
                "ends_on": ends_on,
                "period": period,
                "program": program,
                "published_at": published_at,
                "restated": restated,
                "starts_on": starts_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cell import Cell  # noqa: PLC0415
        from ..models.country_cell import CountryCell  # noqa: PLC0415

        d = dict(src_dict)
        countries = []
        _countries = d.pop("countries")
        for countries_item_data in _countries:
            countries_item = CountryCell.from_dict(countries_item_data)

            countries.append(countries_item)

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        period = d.pop("period")

        program = Cell.from_dict(d.pop("program"))

        published_at = datetime.datetime.fromisoformat(d.pop("published_at"))

        restated = d.pop("restated")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        program_period = cls(
            countries=countries,
            ends_on=ends_on,
            period=period,
            program=program,
            published_at=published_at,
            restated=restated,
            starts_on=starts_on,
        )

        program_period.additional_properties = d
        return program_period

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
