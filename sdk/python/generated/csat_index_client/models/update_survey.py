# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateSurvey")


@_attrs_define
class UpdateSurvey:
    """Changes to a survey; omitted fields stay as they are.

    Example:
        {'closes_at': None, 'title': 'Customer satisfaction 2026 (H2)'}

    """

    closes_at: datetime.datetime | None | Unset = UNSET
    """ New automatic close time, or `null` for none. """
    locales: list[str] | Unset = UNSET
    """ New locales (drafts only). """
    title: str | Unset = UNSET
    """ New title (1–200 characters). """

    def to_dict(self) -> dict[str, Any]:
        closes_at: None | str | Unset
        if isinstance(self.closes_at, Unset):
            closes_at = UNSET
        elif isinstance(self.closes_at, datetime.datetime):
            closes_at = self.closes_at.isoformat()
        else:
            closes_at = self.closes_at

        locales: list[str] | Unset = UNSET
        if not isinstance(self.locales, Unset):
            locales = self.locales

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if closes_at is not UNSET:
            field_dict["closes_at"] = closes_at
        if locales is not UNSET:
            field_dict["locales"] = locales
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

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

        locales = cast(list[str], d.pop("locales", UNSET))

        title = d.pop("title", UNSET)

        update_survey = cls(
            closes_at=closes_at,
            locales=locales,
            title=title,
        )

        return update_survey
