# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.submit_answers_answers import SubmitAnswersAnswers


T = TypeVar("T", bound="SubmitAnswers")


@_attrs_define
class SubmitAnswers:
    """A respondent's answers.

    Example:
        {'anonymous': False, 'answers': {'00000000-0000-7000-8000-000000000001': 'very_satisfied',
            '00000000-0000-7000-8000-000000000002': 9, '00000000-0000-7000-8000-000000000003': 2,
            '00000000-0000-7000-8000-000000000004': 'Quick and friendly.'}, 'locale': 'en'}

    """

    answers: SubmitAnswersAnswers
    """ Answers by question id: a whole number for `rating` and `nps`, an option value for `single_choice`,
    a list of option values for `multi_choice`, text for `text`. """
    anonymous: bool | Unset = UNSET
    """ Stay anonymous: the partner sees the answers but not who gave them. """
    locale: None | str | Unset = UNSET
    """ The locale the answers were given in. """

    def to_dict(self) -> dict[str, Any]:
        answers = self.answers.to_dict()

        anonymous = self.anonymous

        locale: None | str | Unset
        if isinstance(self.locale, Unset):
            locale = UNSET
        else:
            locale = self.locale

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "answers": answers,
            }
        )
        if anonymous is not UNSET:
            field_dict["anonymous"] = anonymous
        if locale is not UNSET:
            field_dict["locale"] = locale

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.submit_answers_answers import SubmitAnswersAnswers  # noqa: PLC0415

        d = dict(src_dict)
        answers = SubmitAnswersAnswers.from_dict(d.pop("answers"))

        anonymous = d.pop("anonymous", UNSET)

        def _parse_locale(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        locale = _parse_locale(d.pop("locale", UNSET))

        submit_answers = cls(
            answers=answers,
            anonymous=anonymous,
            locale=locale,
        )

        return submit_answers
