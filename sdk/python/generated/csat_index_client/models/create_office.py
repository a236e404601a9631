# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CreateOffice")


@_attrs_define
class CreateOffice:
    """A new office.

    Example:
        {'city': 'Sofia', 'country': 'BG', 'name': 'Northwind Sofia'}

    """

    city: str
    """ The city, 1–100 characters. """
    country: str
    """ ISO 3166-1 alpha-2 country code (case-insensitive). """
    name: str
    """ The office's name, 1–200 characters. """

    def to_dict(self) -> dict[str, Any]:
        city = self.city

        country = self.country

        name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "city": city,
                "country": country,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        city = d.pop("city")

        country = d.pop("country")

        name = d.pop("name")

        create_office = cls(
            city=city,
            country=country,
            name=name,
        )

        return create_office
