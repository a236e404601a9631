# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SnapshotOffice")


@_attrs_define
class SnapshotOffice:
    """One office in a snapshot."""

    completed: int
    """ Completed, non-voided responses in the window. """
    counted: int
    """ Counted responses. """
    country: str
    """ Its country. """
    meets: bool
    """ Whether it met the rule. """
    office_id: UUID
    """ The office. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        completed = self.completed

        counted = self.counted

        country = self.country

        meets = self.meets

        office_id = str(self.office_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "completed": completed,
                "counted": counted,
                "country": country,
                "meets": meets,
                "office_id": office_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        completed = d.pop("completed")

        counted = d.pop("counted")

        country = d.pop("country")

        meets = d.pop("meets")

        office_id = UUID(d.pop("office_id"))

        snapshot_office = cls(
            completed=completed,
            counted=counted,
            country=country,
            meets=meets,
            office_id=office_id,
        )

        snapshot_office.additional_properties = d
        return snapshot_office

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
