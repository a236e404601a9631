# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateSurvey")


@_attrs_define
class CreateSurvey:
    """A new survey.

    Example:
        {'closes_at': '2026-12-31T23:59:59Z', 'locales': ['bg', 'en'], 'title': 'Customer satisfaction 2026'}

    """

    title: str
    """ The title respondents see, 1–200 characters. """
    closes_at: datetime.datetime | None | Unset = UNSET
    """ When the survey stops accepting answers by itself. """
    locales: list[str] | None | Unset = UNSET
    """ Locales offered to respondents, 1–10 (default: the program's default locale); the first is the default. """

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        closes_at: None | str | Unset
        if isinstance(self.closes_at, Unset):
            closes_at = UNSET
        elif isinstance(self.closes_at, datetime.datetime):
            closes_at = self.closes_at.isoformat()
        else:
            closes_at = self.closes_at

        locales: list[str] | None | Unset
        if isinstance(self.locales, Unset):
            locales = UNSET
        elif isinstance(self.locales, list):
            locales = self.locales

        else:
            locales = self.locales

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
            }
        )
        if closes_at is not UNSET:
            field_dict["closes_at"] = closes_at
        if locales is not UNSET:
            field_dict["locales"] = locales

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        def _parse_closes_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closes_at_type_0 = datetime.datetime.fromisoformat(data)

                return closes_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        closes_at = _parse_closes_at(d.pop("closes_at", UNSET))

        def _parse_locales(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                locales_type_0 = cast(list[str], data)

                return locales_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        locales = _parse_locales(d.pop("locales", UNSET))

        create_survey = cls(
            title=title,
            closes_at=closes_at,
            locales=locales,
        )

        return create_survey
