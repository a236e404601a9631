# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateSettings")


@_attrs_define
class UpdateSettings:
    """Changes to the settings; omitted fields stay as they are.

    Example:
        {'anonymity_threshold': 5, 'max_counted_per_customer_org': 8, 'min_completed_surveys': 10}

    """

    anonymity_threshold: int | None | Unset = UNSET
    """ Anonymity threshold, 3–100. """
    default_locale: None | str | Unset = UNSET
    """ Fallback locale (BCP 47). """
    invitation_ttl_days: int | None | Unset = UNSET
    """ Link lifetime in days, 1–365. """
    max_counted_per_customer_org: int | None | Unset = UNSET
    """ Counted per customer organization, 1–1000. """
    min_completed_surveys: int | None | Unset = UNSET
    """ Completed surveys required, 1–1000. """
    reporting_period_months: int | None | Unset = UNSET
    """ Reporting period in months: 1, 2, 3, 4, 6 or 12. """
    resurvey_interval_days: int | None | Unset = UNSET
    """ Re-survey interval in days, 0–730. """
    window_months: int | None | Unset = UNSET
    """ Window in months, 1–36. """

    def to_dict(self) -> dict[str, Any]:
        anonymity_threshold: int | None | Unset
        if isinstance(self.anonymity_threshold, Unset):
            anonymity_threshold = UNSET
        else:
            anonymity_threshold = self.anonymity_threshold

        default_locale: None | str | Unset
        if isinstance(self.default_locale, Unset):
            default_locale = UNSET
        else:
            default_locale = self.default_locale

        invitation_ttl_days: int | None | Unset
        if isinstance(self.invitation_ttl_days, Unset):
            invitation_ttl_days = UNSET
        else:
            invitation_ttl_days = self.invitation_ttl_days

        max_counted_per_customer_org: int | None | Unset
        if isinstance(self.max_counted_per_customer_org, Unset):
            max_counted_per_customer_org = UNSET
        else:
            max_counted_per_customer_org = self.max_counted_per_customer_org

        min_completed_surveys: int | None | Unset
        if isinstance(self.min_completed_surveys, Unset):
            min_completed_surveys = UNSET
        else:
            min_completed_surveys = self.min_completed_surveys

        reporting_period_months: int | None | Unset
        if isinstance(self.reporting_period_months, Unset):
            reporting_period_months = UNSET
        else:
            reporting_period_months = self.reporting_period_months

        resurvey_interval_days: int | None | Unset
        if isinstance(self.resurvey_interval_days, Unset):
            resurvey_interval_days = UNSET
        else:
            resurvey_interval_days = self.resurvey_interval_days

        window_months: int | None | Unset
        if isinstance(self.window_months, Unset):
            window_months = UNSET
        else:
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

        def _parse_anonymity_threshold(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        anonymity_threshold = _parse_anonymity_threshold(d.pop("anonymity_threshold", UNSET))

        def _parse_default_locale(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        default_locale = _parse_default_locale(d.pop("default_locale", UNSET))

        def _parse_invitation_ttl_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        invitation_ttl_days = _parse_invitation_ttl_days(d.pop("invitation_ttl_days", UNSET))

        def _parse_max_counted_per_customer_org(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_counted_per_customer_org = _parse_max_counted_per_customer_org(d.pop("max_counted_per_customer_org", UNSET))

        def _parse_min_completed_surveys(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_completed_surveys = _parse_min_completed_surveys(d.pop("min_completed_surveys", UNSET))

        def _parse_reporting_period_months(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        reporting_period_months = _parse_reporting_period_months(d.pop("reporting_period_months", UNSET))

        def _parse_resurvey_interval_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        resurvey_interval_days = _parse_resurvey_interval_days(d.pop("resurvey_interval_days", UNSET))

        def _parse_window_months(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        window_months = _parse_window_months(d.pop("window_months", UNSET))

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
