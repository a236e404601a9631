# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.respondent_question import RespondentQuestion


T = TypeVar("T", bound="RespondentSurvey")


@_attrs_define
class RespondentSurvey:
    """A questionnaire ready to answer."""

    anonymity_note: str
    """ What answering anonymously means, in plain words. """
    estimated_minutes: int
    """ About how long answering takes. """
    locale: str
    """ The locale of the texts. """
    locales: list[str]
    """ The locales the survey can be answered in. """
    questions: list[RespondentQuestion]
    """ The questions in order. """
    title: str
    """ The survey's title. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        anonymity_note = self.anonymity_note

        estimated_minutes = self.estimated_minutes

        locale = self.locale

        locales = self.locales

        questions = []
        for questions_item_data in self.questions:
            questions_item = questions_item_data.to_dict()
            questions.append(questions_item)

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "anonymity_note": anonymity_note,
                "estimated_minutes": estimated_minutes,
                "locale": locale,
                "locales": locales,
                "questions": questions,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.respondent_question import RespondentQuestion  # noqa: PLC0415

        d = dict(src_dict)
        anonymity_note = d.pop("anonymity_note")

        estimated_minutes = d.pop("estimated_minutes")

        locale = d.pop("locale")

        locales = cast(list[str], d.pop("locales"))

        questions = []
        _questions = d.pop("questions")
        for questions_item_data in _questions:
            questions_item = RespondentQuestion.from_dict(questions_item_data)

            questions.append(questions_item)

        title = d.pop("title")

        respondent_survey = cls(
            anonymity_note=anonymity_note,
            estimated_minutes=estimated_minutes,
            locale=locale,
            locales=locales,
            questions=questions,
            title=title,
        )

        respondent_survey.additional_properties = d
        return respondent_survey

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
