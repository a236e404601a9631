# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RuleSummary")


@_attrs_define
class RuleSummary:
    """The rule applied."""

    max_counted_per_customer_org: int
    """ Surveys counted per customer organization (the first ones by completion time). """
    min_completed_surveys: int
    """ Counted surveys an office needs. """
    window_months: int
    """ Window length in months. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        max_counted_per_customer_org = self.max_counted_per_customer_org

        min_completed_surveys = self.min_completed_surveys

        window_months = self.window_months

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "max_counted_per_customer_org": max_counted_per_customer_org,
                "min_completed_surveys": min_completed_surveys,
                "window_months": window_months,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        max_counted_per_customer_org = d.pop("max_counted_per_customer_org")

        min_completed_surveys = d.pop("min_completed_surveys")

        window_months = d.pop("window_months")

        rule_summary = cls(
            max_counted_per_customer_org=max_counted_per_customer_org,
            min_completed_surveys=min_completed_surveys,
            window_months=window_months,
        )

        rule_summary.additional_properties = d
        return rule_summary

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
