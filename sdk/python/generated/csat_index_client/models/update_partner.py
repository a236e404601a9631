# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdatePartner")


@_attrs_define
class UpdatePartner:
    """Changes to a partner; omitted fields stay as they are.

    Example:
        {'email_domains': ['northwind.example', 'northwind-group.example'], 'name': 'Northwind Consulting Group'}

    """

    email_domains: list[str] | Unset = UNSET
    """ New list of email domains (replaces the old one), at most 20. """
    external_key: str | Unset = UNSET
    """ New external key (1–100 characters, no control characters). """
    name: str | Unset = UNSET
    """ New display name (1–200 characters). """

    def to_dict(self) -> dict[str, Any]:
        email_domains: list[str] | Unset = UNSET
        if not isinstance(self.email_domains, Unset):
            email_domains = self.email_domains

        external_key = self.external_key

        name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if email_domains is not UNSET:
            field_dict["email_domains"] = email_domains
        if external_key is not UNSET:
            field_dict["external_key"] = external_key
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email_domains = cast(list[str], d.pop("email_domains", UNSET))

        external_key = d.pop("external_key", UNSET)

        name = d.pop("name", UNSET)

        update_partner = cls(
            email_domains=email_domains,
            external_key=external_key,
            name=name,
        )

        return update_partner
