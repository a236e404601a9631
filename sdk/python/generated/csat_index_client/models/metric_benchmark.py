# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.country_distribution import CountryDistribution
    from ..models.distribution import Distribution


T = TypeVar("T", bound="MetricBenchmark")


@_attrs_define
class MetricBenchmark:
    """Distributions of one metric."""

    countries: list[CountryDistribution]
    """ Per country. """
    program: Distribution
    """ How scores are spread across memberships. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        countries = []
        for countries_item_data in self.countries:
            countries_item = countries_item_data.to_dict()
            countries.append(countries_item)

        program = self.program.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "countries": countries,
                "program": program,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.country_distribution import CountryDistribution  # noqa: PLC0415
        from ..models.distribution import Distribution  # noqa: PLC0415

        d = dict(src_dict)
        countries = []
        _countries = d.pop("countries")
        for countries_item_data in _countries:
            countries_item = CountryDistribution.from_dict(countries_item_data)

            countries.append(countries_item)

        program = Distribution.from_dict(d.pop("program"))

        metric_benchmark = cls(
            countries=countries,
            program=program,
        )

        metric_benchmark.additional_properties = d
        return metric_benchmark

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
