# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateOffice")


@_attrs_define
class CreateOffice:
    """A new office.

    Example:
        {'city': 'Sofia', 'country': 'BG', 'external_id': 'OFF-SOF-01', 'name': 'Northwind Sofia'}

    """

    city: str
    """ The city, 1–100 characters. """
    country: str
    """ ISO 3166-1 alpha-2 country code (case-insensitive). """
    name: str
    """ The office's name, 1–200 characters. """
    external_id: None | str | Unset = UNSET
    """ The integrator's own id of the office (unique among the membership's offices; 1–128
    characters, no control characters, no leading or trailing whitespace). """

    def to_dict(self) -> dict[str, Any]:
        city = self.city

        country = self.country

        name = self.name

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "city": city,
                "country": country,
                "name": name,
            }
        )
        if external_id is not UNSET:
            field_dict["external_id"] = external_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        city = d.pop("city")

        country = d.pop("country")

        name = d.pop("name")

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        create_office = cls(
            city=city,
            country=country,
            name=name,
            external_id=external_id,
        )

        return create_office
