# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.benchmark_span import BenchmarkSpan
    from ..models.metric_benchmark import MetricBenchmark


T = TypeVar("T", bound="Benchmarks")


@_attrs_define
class Benchmarks:
    """How memberships' scores compare, over a published year to date."""

    anonymity_threshold: int
    """ A membership is included when its published cell is shown and it has at least this many answers; a
    distribution is shown over at least this many memberships. """
    nps: MetricBenchmark
    """ Distributions of one metric. """
    nsat: MetricBenchmark
    """ Distributions of one metric. """
    span: BenchmarkSpan
    """ The published span a benchmark covers; all `null` while nothing of the year is published. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        anonymity_threshold = self.anonymity_threshold

        nps = self.nps.to_dict()

        nsat = self.nsat.to_dict()

        span = self.span.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "anonymity_threshold": anonymity_threshold,
                "nps": nps,
                "nsat": nsat,
                "span": span,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.benchmark_span import BenchmarkSpan  # noqa: PLC0415
        from ..models.metric_benchmark import MetricBenchmark  # noqa: PLC0415

        d = dict(src_dict)
        anonymity_threshold = d.pop("anonymity_threshold")

        nps = MetricBenchmark.from_dict(d.pop("nps"))

        nsat = MetricBenchmark.from_dict(d.pop("nsat"))

        span = BenchmarkSpan.from_dict(d.pop("span"))

        benchmarks = cls(
            anonymity_threshold=anonymity_threshold,
            nps=nps,
            nsat=nsat,
            span=span,
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
