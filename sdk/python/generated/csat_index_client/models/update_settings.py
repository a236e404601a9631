# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateSettings")


@_attrs_define
class UpdateSettings:
    """Changes to the settings; omitted fields stay as they are.

    Example:
        {'anonymity_threshold': 5, 'max_counted_per_customer_org': 8, 'min_completed_surveys': 10}

    """

    anonymity_threshold: int | Unset = UNSET
    """ Anonymity threshold, 3–100. """
    default_locale: str | Unset = UNSET
    """ Fallback locale (BCP 47). """
    invitation_ttl_days: int | Unset = UNSET
    """ Link lifetime in days, 1–365. """
    max_counted_per_customer_org: int | Unset = UNSET
    """ Counted per customer organization, 1–1000. """
    min_completed_surveys: int | Unset = UNSET
    """ Completed surveys required, 1–1000. """
    reporting_period_months: int | Unset = UNSET
    """ Reporting period in months: 1, 2, 3, 4, 6 or 12. """
    resurvey_interval_days: int | Unset = UNSET
    """ Re-survey interval in days, 0–730. """
    window_months: int | Unset = UNSET
    """ Window in months, 1–36. """

    def to_dict(self) -> dict[str, Any]:
        anonymity_threshold = self.anonymity_threshold

        default_locale = self.default_locale

        invitation_ttl_days = self.invitation_ttl_days

        max_counted_per_customer_org = self.max_counted_per_customer_org

        min_completed_surveys = self.min_completed_surveys

        reporting_period_months = self.reporting_period_months

        resurvey_interval_days = self.resurvey_interval_days

        window_months = self.window_months

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if anonymity_threshold is not UNSET:
            field_dict["anonymity_threshold"] = anonymity_threshold
        if default_locale is not UNSET:
            field_dict["default_locale"] = default_locale
        if invitation_ttl_days is not UNSET:
            field_dict["invitation_ttl_days"] = invitation_ttl_days
        if max_counted_per_customer_org is not UNSET:
            field_dict["max_counted_per_customer_org"] = max_counted_per_customer_org
        if min_completed_surveys is not UNSET:
            field_dict["min_completed_surveys"] = min_completed_surveys
        if reporting_period_months is not UNSET:
            field_dict["reporting_period_months"] = reporting_period_months
        if resurvey_interval_days is not UNSET:
            field_dict["resurvey_interval_days"] = resurvey_interval_days
        if window_months is not UNSET:
            field_dict["window_months"] = window_months

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        anonymity_threshold = d.pop("anonymity_threshold", UNSET)

        default_locale = d.pop("default_locale", UNSET)

        invitation_ttl_days = d.pop("invitation_ttl_days", UNSET)

        max_counted_per_customer_org = d.pop("max_counted_per_customer_org", UNSET)

        min_completed_surveys = d.pop("min_completed_surveys", UNSET)

        reporting_period_months = d.pop("reporting_period_months", UNSET)

        resurvey_interval_days = d.pop("resurvey_interval_days", UNSET)

        window_months = d.pop("window_months", UNSET)

        update_settings = cls(
            anonymity_threshold=anonymity_threshold,
            default_locale=default_locale,
            invitation_ttl_days=invitation_ttl_days,
            max_counted_per_customer_org=max_counted_per_customer_org,
            min_completed_surveys=min_completed_surveys,
            reporting_period_months=reporting_period_months,
            resurvey_interval_days=resurvey_interval_days,
            window_months=window_months,
        )

        return update_settings
