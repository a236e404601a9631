# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateOffice")


@_attrs_define
class UpdateOffice:
    """Changes to an office; omitted fields stay as they are.

    Example:
        {'city': 'Sofia', 'name': 'Northwind Sofia Centre'}

    """

    city: str | Unset = UNSET
    """ New city (1–100 characters). """
    country: str | Unset = UNSET
    """ New ISO 3166-1 alpha-2 country code. """
    name: str | Unset = UNSET
    """ New name (1–200 characters). """

    def to_dict(self) -> dict[str, Any]:
        city = self.city

        country = self.country

        name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if city is not UNSET:
            field_dict["city"] = city
        if country is not UNSET:
            field_dict["country"] = country
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        city = d.pop("city", UNSET)

        country = d.pop("country", UNSET)

        name = d.pop("name", UNSET)

        update_office = cls(
            city=city,
            country=country,
            name=name,
        )

        return update_office
