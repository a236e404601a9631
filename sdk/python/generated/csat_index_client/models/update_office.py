# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

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
    external_id: None | str | Unset = UNSET
    """ New external id (1–128 characters, unique among the membership's offices), or `null` to clear
    it. """
    name: str | Unset = UNSET
    """ New name (1–200 characters). """

    def to_dict(self) -> dict[str, Any]:
        city = self.city

        country = self.country

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if city is not UNSET:
            field_dict["city"] = city
        if country is not UNSET:
            field_dict["country"] = country
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        city = d.pop("city", UNSET)

        country = d.pop("country", UNSET)

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        name = d.pop("name", UNSET)

        update_office = cls(
            city=city,
            country=country,
            external_id=external_id,
            name=name,
        )

        return update_office
