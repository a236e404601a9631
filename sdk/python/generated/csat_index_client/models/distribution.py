# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Distribution")


@_attrs_define
class Distribution:
    """How scores are spread across memberships."""

    memberships: int
    """ Memberships with enough answers to be included. """
    suppressed: bool
    """ Hidden because fewer memberships than the anonymity threshold are included. """
    median: float | None | Unset = UNSET
    """ Median. """
    p10: float | None | Unset = UNSET
    """ 10th percentile. """
    p25: float | None | Unset = UNSET
    """ 25th percentile. """
    p75: float | None | Unset = UNSET
    """ 75th percentile. """
    p90: float | None | Unset = UNSET
    """ 90th percentile. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        memberships = self.memberships

        suppressed = self.suppressed

        median: float | None | Unset
        if isinstance(self.median, Unset):
            median = UNSET
        else:
            median = self.median

        p10: float | None | Unset
        if isinstance(self.p10, Unset):
            p10 = UNSET
        else:
            p10 = self.p10

        p25: float | None | Unset
        if isinstance(self.p25, Unset):
            p25 = UNSET
        else:
            p25 = self.p25

        p75: float | None | Unset
        if isinstance(self.p75, Unset):
            p75 = UNSET
        else:
            p75 = self.p75

        p90: float | None | Unset
        if isinstance(self.p90, Unset):
            p90 = UNSET
        else:
            p90 = self.p90

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "memberships": memberships,
                "suppressed": suppressed,
            }
        )
        if median is not UNSET:
            field_dict["median"] = median
        if p10 is not UNSET:
            field_dict["p10"] = p10
        if p25 is not UNSET:
            field_dict["p25"] = p25
        if p75 is not UNSET:
            field_dict["p75"] = p75
        if p90 is not UNSET:
            field_dict["p90"] = p90

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        memberships = d.pop("memberships")

        suppressed = d.pop("suppressed")

        def _parse_median(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        median = _parse_median(d.pop("median", UNSET))

        def _parse_p10(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        p10 = _parse_p10(d.pop("p10", UNSET))

        def _parse_p25(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        p25 = _parse_p25(d.pop("p25", UNSET))

        def _parse_p75(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        p75 = _parse_p75(d.pop("p75", UNSET))

        def _parse_p90(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        p90 = _parse_p90(d.pop("p90", UNSET))

        distribution = cls(
            memberships=memberships,
            suppressed=suppressed,
            median=median,
            p10=p10,
            p25=p25,
            p75=p75,
            p90=p90,
        )

        distribution.additional_properties = d
        return distribution

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
