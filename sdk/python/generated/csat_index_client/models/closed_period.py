# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.publication import Publication
    from ..models.reporting_period import ReportingPeriod


T = TypeVar("T", bound="ClosedPeriod")


@_attrs_define
class ClosedPeriod:
    """The closed period and its snapshots."""

    memberships: int
    """ Memberships snapshotted. """
    met: int
    """ Of which met the rule. """
    period: ReportingPeriod
    """ A reporting period. """
    published: list[Publication]
    """ The calendar quarters that ended in the period and were published with it. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        memberships = self.memberships

        met = self.met

        period = self.period.to_dict()

        published = []
        for published_item_data in self.published:
            published_item = published_item_data.to_dict()
            published.append(published_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "memberships": memberships,
                "met": met,
                "period": period,
                "published": published,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.publication import Publication  # noqa: PLC0415
        from ..models.reporting_period import ReportingPeriod  # noqa: PLC0415

        d = dict(src_dict)
        memberships = d.pop("memberships")

        met = d.pop("met")

        period = ReportingPeriod.from_dict(d.pop("period"))

        published = []
        _published = d.pop("published")
        for published_item_data in _published:
            published_item = Publication.from_dict(published_item_data)

            published.append(published_item)

        closed_period = cls(
            memberships=memberships,
            met=met,
            period=period,
            published=published,
        )

        closed_period.additional_properties = d
        return closed_period

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
