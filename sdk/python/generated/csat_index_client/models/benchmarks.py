# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.metric_benchmark import MetricBenchmark


T = TypeVar("T", bound="Benchmarks")


@_attrs_define
class Benchmarks:
    """How memberships' scores compare, over the rule's window."""

    anonymity_threshold: int
    """ A membership is included with at least this many answers; a distribution is shown over at least this many
    memberships. """
    as_of: datetime.date
    """ The last day of the window. """
    nps: MetricBenchmark
    """ Distributions of one metric. """
    nsat: MetricBenchmark
    """ Distributions of one metric. """
    window_from: datetime.date
    """ The first day of the window. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        anonymity_threshold = self.anonymity_threshold

        as_of = self.as_of.isoformat()

        nps = self.nps.to_dict()

        nsat = self.nsat.to_dict()

        window_from = self.window_from.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "anonymity_threshold": anonymity_threshold,
                "as_of": as_of,
                "nps": nps,
                "nsat": nsat,
                "window_from": window_from,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.metric_benchmark import MetricBenchmark  # noqa: PLC0415

        d = dict(src_dict)
        anonymity_threshold = d.pop("anonymity_threshold")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        nps = MetricBenchmark.from_dict(d.pop("nps"))

        nsat = MetricBenchmark.from_dict(d.pop("nsat"))

        window_from = datetime.date.fromisoformat(d.pop("window_from"))

        benchmarks = cls(
            anonymity_threshold=anonymity_threshold,
            as_of=as_of,
            nps=nps,
            nsat=nsat,
            window_from=window_from,
        )

        benchmarks.additional_properties = d
        return benchmarks

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
