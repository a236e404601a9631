# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.metrics import Metrics


T = TypeVar("T", bound="PeriodResult")


@_attrs_define
class PeriodResult:
    """The figures of one reporting period."""

    ends_on: datetime.date
    """ Its last day. """
    metrics: Metrics
    """ All standard metrics of a set of responses. """
    period: str
    """ The period (`2026-Q4`). """
    responses: int
    """ Non-voided responses completed in it. """
    starts_on: datetime.date
    """ Its first day. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ends_on = self.ends_on.isoformat()

        metrics = self.metrics.to_dict()

        period = self.period

        responses = self.responses

        starts_on = self.starts_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ends_on": ends_on,
                "metrics": metrics,
                "period": period,
                "responses": responses,
                "starts_on": starts_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.metrics import Metrics  # noqa: PLC0415

        d = dict(src_dict)
        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        metrics = Metrics.from_dict(d.pop("metrics"))

        period = d.pop("period")

        responses = d.pop("responses")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        period_result = cls(
            ends_on=ends_on,
            metrics=metrics,
            period=period,
            responses=responses,
            starts_on=starts_on,
        )

        period_result.additional_properties = d
        return period_result

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
