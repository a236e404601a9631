# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="VoidRecord")


@_attrs_define
class VoidRecord:
    """Why and by whom a response was voided."""

    reason: str
    """ Why. """
    voided_at: datetime.datetime
    """ When. """
    voided_by: str
    """ Who (the administrator's token subject). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        voided_at = self.voided_at.isoformat()

        voided_by = self.voided_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reason": reason,
                "voided_at": voided_at,
                "voided_by": voided_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        voided_at = datetime.datetime.fromisoformat(d.pop("voided_at"))

        voided_by = d.pop("voided_by")

        void_record = cls(
            reason=reason,
            voided_at=voided_at,
            voided_by=voided_by,
        )

        void_record.additional_properties = d
        return void_record

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
