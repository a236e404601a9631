# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.benchmark_span import BenchmarkSpan
    from ..models.rank import Rank


T = TypeVar("T", bound="MembershipBenchmark")


@_attrs_define
class MembershipBenchmark:
    """Where a membership stands among its peers."""

    membership_id: UUID
    """ The membership. """
    nps: Rank
    """ A membership's rank in one metric. """
    nsat: Rank
    """ A membership's rank in one metric. """
    span: BenchmarkSpan
    """ The published span a benchmark covers; all `null` while nothing of the year is published. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        membership_id = str(self.membership_id)

        nps = self.nps.to_dict()

        nsat = self.nsat.to_dict()

        span = self.span.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "membership_id": membership_id,
                "nps": nps,
                "nsat": nsat,
                "span": span,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.benchmark_span import BenchmarkSpan  # noqa: PLC0415
        from ..models.rank import Rank  # noqa: PLC0415

        d = dict(src_dict)
        membership_id = UUID(d.pop("membership_id"))

        nps = Rank.from_dict(d.pop("nps"))

        nsat = Rank.from_dict(d.pop("nsat"))

        span = BenchmarkSpan.from_dict(d.pop("span"))

        membership_benchmark = cls(
            membership_id=membership_id,
            nps=nps,
            nsat=nsat,
            span=span,
        )

        membership_benchmark.additional_properties = d
        return membership_benchmark

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
