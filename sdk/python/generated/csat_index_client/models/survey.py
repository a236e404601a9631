# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.survey_status import SurveyStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Survey")


@_attrs_define
class Survey:
    """A survey campaign of one office."""

    created_at: datetime.datetime
    """ When it was created. """
    id: UUID
    """ The survey's id. """
    locales: list[str]
    """ The locales respondents may answer in; the first is the survey's default. """
    membership_id: UUID
    """ The office's membership. """
    office_id: UUID
    """ The office it belongs to. """
    partner_id: UUID
    """ The office's partner. """
    status: SurveyStatus
    """ Where a survey is in its life. """
    title: str
    """ The title respondents see. """
    updated_at: datetime.datetime
    """ When it was last changed. """
    closed_at: datetime.datetime | None | Unset = UNSET
    """ When it was closed. """
    closes_at: datetime.datetime | None | Unset = UNSET
    """ When the survey stops accepting answers by itself, if set. """
    opened_at: datetime.datetime | None | Unset = UNSET
    """ When it was opened. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = str(self.id)

        locales = self.locales

        membership_id = str(self.membership_id)

        office_id = str(self.office_id)

        partner_id = str(self.partner_id)

        status = self.status.value

        title = self.title

        updated_at = self.updated_at.isoformat()

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        closes_at: None | str | Unset
        if isinstance(self.closes_at, Unset):
            closes_at = UNSET
        elif isinstance(self.closes_at, datetime.datetime):
            closes_at = self.closes_at.isoformat()
        else:
            closes_at = self.closes_at

        opened_at: None | str | Unset
        if isinstance(self.opened_at, Unset):
            opened_at = UNSET
        elif isinstance(self.opened_at, datetime.datetime):
            opened_at = self.opened_at.isoformat()
        else:
            opened_at = self.opened_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "locales": locales,
                "membership_id": membership_id,
                "office_id": office_id,
                "partner_id": partner_id,
                "status": status,
                "title": title,
                "updated_at": updated_at,
            }
        )
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if closes_at is not UNSET:
            field_dict["closes_at"] = closes_at
        if opened_at is not UNSET:
            field_dict["opened_at"] = opened_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        locales = cast(list[str], d.pop("locales"))

        membership_id = UUID(d.pop("membership_id"))

        office_id = UUID(d.pop("office_id"))

        partner_id = UUID(d.pop("partner_id"))

        status = SurveyStatus(d.pop("status"))

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_closed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        closed_at = _parse_closed_at(d.pop("closed_at", UNSET))

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

        def _parse_opened_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                opened_at_type_0 = datetime.datetime.fromisoformat(data)

                return opened_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        opened_at = _parse_opened_at(d.pop("opened_at", UNSET))

        survey = cls(
            created_at=created_at,
            id=id,
            locales=locales,
            membership_id=membership_id,
            office_id=office_id,
            partner_id=partner_id,
            status=status,
            title=title,
            updated_at=updated_at,
            closed_at=closed_at,
            closes_at=closes_at,
            opened_at=opened_at,
        )

        survey.additional_properties = d
        return survey

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
