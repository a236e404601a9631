# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.snapshot_office import SnapshotOffice


T = TypeVar("T", bound="ComplianceSnapshot")


@_attrs_define
class ComplianceSnapshot:
    """A membership's compliance frozen when its period closed."""

    best_office_counted: int
    """ Counted responses of its best office. """
    created_at: datetime.datetime
    """ When the snapshot was taken. """
    membership_id: UUID
    """ The membership. """
    met: bool
    """ Whether the membership met the rule on the period's last day. """
    offices: list[SnapshotOffice]
    """ Its offices. """
    partner_id: UUID
    """ Its partner. """
    period_id: str
    """ The period. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        best_office_counted = self.best_office_counted

        created_at = self.created_at.isoformat()

        membership_id = str(self.membership_id)

        met = self.met

        offices = []
        for offices_item_data in self.offices:
            offices_item = offices_item_data.to_dict()
            offices.append(offices_item)

        partner_id = str(self.partner_id)

        period_id = self.period_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "best_office_counted": best_office_counted,
                "created_at": created_at,
                "membership_id": membership_id,
                "met": met,
                "offices": offices,
                "partner_id": partner_id,
                "period_id": period_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.snapshot_office import SnapshotOffice  # noqa: PLC0415

        d = dict(src_dict)
        best_office_counted = d.pop("best_office_counted")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        membership_id = UUID(d.pop("membership_id"))

        met = d.pop("met")

        offices = []
        _offices = d.pop("offices")
        for offices_item_data in _offices:
            offices_item = SnapshotOffice.from_dict(offices_item_data)

            offices.append(offices_item)

        partner_id = UUID(d.pop("partner_id"))

        period_id = d.pop("period_id")

        compliance_snapshot = cls(
            best_office_counted=best_office_counted,
            created_at=created_at,
            membership_id=membership_id,
            met=met,
            offices=offices,
            partner_id=partner_id,
            period_id=period_id,
        )

        compliance_snapshot.additional_properties = d
        return compliance_snapshot

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
