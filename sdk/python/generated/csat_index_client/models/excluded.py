# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Excluded")


@_attrs_define
class Excluded:
    """Responses that do not count, by reason."""

    outside_window: int
    """ Completed outside the window. """
    over_organization_cap: int
    """ Beyond the cap of their customer organization. """
    voided: int
    """ Voided by the administrator. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        outside_window = self.outside_window

        over_organization_cap = self.over_organization_cap

        voided = self.voided

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "outside_window": outside_window,
                "over_organization_cap": over_organization_cap,
                "voided": voided,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        outside_window = d.pop("outside_window")

        over_organization_cap = d.pop("over_organization_cap")

        voided = d.pop("voided")

        excluded = cls(
            outside_window=outside_window,
            over_organization_cap=over_organization_cap,
            voided=voided,
        )

        excluded.additional_properties = d
        return excluded

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
