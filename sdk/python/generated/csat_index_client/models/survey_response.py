# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.response_source import ResponseSource
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.answer_value import AnswerValue
    from ..models.respondent import Respondent
    from ..models.void_record import VoidRecord


T = TypeVar("T", bound="SurveyResponse")


@_attrs_define
class SurveyResponse:
    """A completed response."""

    anonymous: bool
    """ Whether the respondent chose to stay anonymous. """
    answers: list[AnswerValue]
    """ The answers. """
    completed_at: datetime.datetime
    """ When it was completed. For an anonymous response the partner sees only the day. """
    id: UUID
    """ The response's id. """
    membership_id: UUID
    """ The office's membership. """
    office_id: UUID
    """ The survey's office. """
    source: ResponseSource
    """ Where a response came from. """
    survey_id: UUID
    """ The survey. """
    locale: None | str | Unset = UNSET
    """ The locale answered in; never kept for an anonymous response. """
    respondent: None | Respondent | Unset = UNSET
    """ Who answered; `null` for the partner when the response is anonymous. """
    void: None | Unset | VoidRecord = UNSET
    """ Set when the administrator voided it (it then no longer counts). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.respondent import Respondent  # noqa: PLC0415
        from ..models.void_record import VoidRecord  # noqa: PLC0415

        anonymous = self.anonymous

        answers = []
        for answers_item_data in self.answers:
            answers_item = answers_item_data.to_dict()
            answers.append(answers_item)

        completed_at = self.completed_at.isoformat()

        id = str(self.id)

        membership_id = str(self.membership_id)

        office_id = str(self.office_id)

        source = self.source.value

        survey_id = str(self.survey_id)

        locale: None | str | Unset
        if isinstance(self.locale, Unset):
            locale = UNSET
        else:
            locale = self.locale

        respondent: dict[str, Any] | None | Unset
        if isinstance(self.respondent, Unset):
            respondent = UNSET
        elif isinstance(self.respondent, Respondent):
            respondent = self.respondent.to_dict()
        else:
            respondent = self.respondent

        void: dict[str, Any] | None | Unset
        if isinstance(self.void, Unset):
            void = UNSET
        elif isinstance(self.void, VoidRecord):
            void = self.void.to_dict()
        else:
            void = self.void

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "anonymous": anonymous,
                "answers": answers,
                "completed_at": completed_at,
                "id": id,
                "membership_id": membership_id,
                "office_id": office_id,
                "source": source,
                "survey_id": survey_id,
            }
        )
        if locale is not UNSET:
            field_dict["locale"] = locale
        if respondent is not UNSET:
            field_dict["respondent"] = respondent
        if void is not UNSET:
            field_dict["void"] = void

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.answer_value import AnswerValue  # noqa: PLC0415
        from ..models.respondent import Respondent  # noqa: PLC0415
        from ..models.void_record import VoidRecord  # noqa: PLC0415

        d = dict(src_dict)
        anonymous = d.pop("anonymous")

        answers = []
        _answers = d.pop("answers")
        for answers_item_data in _answers:
            answers_item = AnswerValue.from_dict(answers_item_data)

            answers.append(answers_item)

        completed_at = datetime.datetime.fromisoformat(d.pop("completed_at"))

        id = UUID(d.pop("id"))

        membership_id = UUID(d.pop("membership_id"))

        office_id = UUID(d.pop("office_id"))

        source = ResponseSource(d.pop("source"))

        survey_id = UUID(d.pop("survey_id"))

        def _parse_locale(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        locale = _parse_locale(d.pop("locale", UNSET))

        def _parse_respondent(data: object) -> None | Respondent | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                respondent_type_1 = Respondent.from_dict(data)

                return respondent_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Respondent | Unset, data)

        respondent = _parse_respondent(d.pop("respondent", UNSET))

        def _parse_void(data: object) -> None | Unset | VoidRecord:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                void_type_1 = VoidRecord.from_dict(data)

                return void_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VoidRecord, data)

        void = _parse_void(d.pop("void", UNSET))

        survey_response = cls(
            anonymous=anonymous,
            answers=answers,
            completed_at=completed_at,
            id=id,
            membership_id=membership_id,
            office_id=office_id,
            source=source,
            survey_id=survey_id,
            locale=locale,
            respondent=respondent,
            void=void,
        )

        survey_response.additional_properties = d
        return survey_response

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
