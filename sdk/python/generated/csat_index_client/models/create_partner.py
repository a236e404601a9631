# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreatePartner")


@_attrs_define
class CreatePartner:
    """A new partner.

    Example:
        {'email_domains': ['northwind.example'], 'external_key': 'PN-4711', 'name': 'Northwind Consulting'}

    """

    external_key: str
    """ The vendor's own key for this partner organization (unique, 1–100 characters, no control
    characters): the partner's external id. """
    name: str
    """ Display name, 1–200 characters. """
    email_domains: list[str] | Unset = UNSET
    """ Email domains the partner owns, at most 20. """

    def to_dict(self) -> dict[str, Any]:
        external_key = self.external_key

        name = self.name

        email_domains: list[str] | Unset = UNSET
        if not isinstance(self.email_domains, Unset):
            email_domains = self.email_domains

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "external_key": external_key,
                "name": name,
            }
        )
        if email_domains is not UNSET:
            field_dict["email_domains"] = email_domains

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        external_key = d.pop("external_key")

        name = d.pop("name")

        email_domains = cast(list[str], d.pop("email_domains", UNSET))

        create_partner = cls(
            external_key=external_key,
            name=name,
            email_domains=email_domains,
        )

        return create_partner
