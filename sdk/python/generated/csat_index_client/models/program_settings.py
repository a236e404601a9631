# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProgramSettings")


@_attrs_define
class ProgramSettings:
    """The program's rule settings."""

    anonymity_threshold: int
    """ The fewest responses any figure shown to the vendor may cover (default 5, never below 3). """
    default_locale: str
    """ The locale texts fall back to when a translation is missing (default `en`). """
    invitation_ttl_days: int
    """ Days a personal survey link stays valid (default 30). """
    max_counted_per_customer_org: int
    """ Completed surveys counted per customer organization: the first ones by completion time (default 8). """
    min_completed_surveys: int
    """ Completed surveys a membership needs in the rolling window (default 10). """
    reporting_period_months: int
    """ Length of a reporting period in months; periods are calendar-aligned (default 3: quarters). """
    resurvey_interval_days: int
    """ Days before the same contact may be invited again (default 90). """
    updated_at: datetime.datetime
    """ When the settings were last changed. """
    window_months: int
    """ Length of the rolling window in months (default 12). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        anonymity_threshold = self.anonymity_threshold

        default_locale = self.default_locale

        invitation_ttl_days = self.invitation_ttl_days

        max_counted_per_customer_org = self.max_counted_per_customer_org

        min_completed_surveys = self.min_completed_surveys

        reporting_period_months = self.reporting_period_months

        resurvey_interval_days = self.resurvey_interval_days

        updated_at = self.updated_at.isoformat()

        window_months = self.window_months

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "anonymity_threshold": anonymity_threshold,
                "default_locale": default_locale,
                "invitation_ttl_days": invitation_ttl_days,
                "max_counted_per_customer_org": max_counted_per_customer_org,
                "min_completed_surveys": min_completed_surveys,
                "reporting_period_months": reporting_period_months,
                "resurvey_interval_days": resurvey_interval_days,
                "updated_at": updated_at,
                "window_months": window_months,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        anonymity_threshold = d.pop("anonymity_threshold")

        default_locale = d.pop("default_locale")

        invitation_ttl_days = d.pop("invitation_ttl_days")

        max_counted_per_customer_org = d.pop("max_counted_per_customer_org")

        min_completed_surveys = d.pop("min_completed_surveys")

        reporting_period_months = d.pop("reporting_period_months")

        resurvey_interval_days = d.pop("resurvey_interval_days")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        window_months = d.pop("window_months")

        program_settings = cls(
            anonymity_threshold=anonymity_threshold,
            default_locale=default_locale,
            invitation_ttl_days=invitation_ttl_days,
            max_counted_per_customer_org=max_counted_per_customer_org,
            min_completed_surveys=min_completed_surveys,
            reporting_period_months=reporting_period_months,
            resurvey_interval_days=resurvey_interval_days,
            updated_at=updated_at,
            window_months=window_months,
        )

        program_settings.additional_properties = d
        return program_settings

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
