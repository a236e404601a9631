# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OrganizationShare")


@_attrs_define
class OrganizationShare:
    """One customer organization's share, or the office's anonymous responses (never shown to the vendor)."""

    anonymous: bool
    """ Whether this line is the office's anonymous responses, all organizations together: an anonymous
    response counts under its organization's cap but is never shown under an organization. """
    completed: int
    """ Completed in the window. """
    counted: int
    """ Counted. """
    label: str
    """ What the key stands for, in words: the organization's name and domain, its domain, or an individual. """
    organization_key: str
    """ The organization key (`domain:…`, `name:…` or `person:…`); `anonymous` on the anonymous line. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        anonymous = self.anonymous

        completed = self.completed

        counted = self.counted

        label = self.label

        organization_key = self.organization_key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "anonymous": anonymous,
                "completed": completed,
                "counted": counted,
                "label": label,
                "organization_key": organization_key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        anonymous = d.pop("anonymous")

        completed = d.pop("completed")

        counted = d.pop("counted")

        label = d.pop("label")

        organization_key = d.pop("organization_key")

        organization_share = cls(
            anonymous=anonymous,
            completed=completed,
            counted=counted,
            label=label,
            organization_key=organization_key,
        )

        organization_share.additional_properties = d
        return organization_share

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
