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

    email_domains: list[str] | None | Unset = UNSET
    """ New list of email domains (replaces the old one), at most 20. """
    external_key: None | str | Unset = UNSET
    """ New external key (1–100 characters). """
    name: None | str | Unset = UNSET
    """ New display name (1–200 characters). """

    def to_dict(self) -> dict[str, Any]:
        email_domains: list[str] | None | Unset
        if isinstance(self.email_domains, Unset):
            email_domains = UNSET
        elif isinstance(self.email_domains, list):
            email_domains = self.email_domains

        else:
            email_domains = self.email_domains

        external_key: None | str | Unset
        if isinstance(self.external_key, Unset):
            external_key = UNSET
        else:
            external_key = self.external_key

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
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

        def _parse_email_domains(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                email_domains_type_0 = cast(list[str], data)

                return email_domains_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        email_domains = _parse_email_domains(d.pop("email_domains", UNSET))

        def _parse_external_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_key = _parse_external_key(d.pop("external_key", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        update_partner = cls(
            email_domains=email_domains,
            external_key=external_key,
            name=name,
        )

        return update_partner
