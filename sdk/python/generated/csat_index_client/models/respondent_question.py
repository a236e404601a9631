# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.question_kind import QuestionKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.respondent_option import RespondentOption


T = TypeVar("T", bound="RespondentQuestion")


@_attrs_define
class RespondentQuestion:
    """One question, in the respondent's language."""

    id: UUID
    """ The question's id (the key of its answer). """
    kind: QuestionKind
    """ What kind of answer a question takes. """
    options: list[RespondentOption]
    """ The choices of a choice question. """
    prompt: str
    """ The question text. """
    required: bool
    """ Whether an answer is required. """
    max_label: None | str | Unset = UNSET
    """ Label of the highest value. """
    max_value: int | None | Unset = UNSET
    """ Highest value of a scale. """
    min_label: None | str | Unset = UNSET
    """ Label of the lowest value. """
    min_value: int | None | Unset = UNSET
    """ Lowest value of a scale. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        kind = self.kind.value

        options = []
        for options_item_data in self.options:
            options_item = options_item_data.to_dict()
            options.append(options_item)

        prompt = self.prompt

        required = self.required

        max_label: None | str | Unset
        if isinstance(self.max_label, Unset):
            max_label = UNSET
        else:
            max_label = self.max_label

        max_value: int | None | Unset
        if isinstance(self.max_value, Unset):
            max_value = UNSET
        else:
            max_value = self.max_value

        min_label: None | str | Unset
        if isinstance(self.min_label, Unset):
            min_label = UNSET
        else:
            min_label = self.min_label

        min_value: int | None | Unset
        if isinstance(self.min_value, Unset):
            min_value = UNSET
        else:
            min_value = self.min_value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "options": options,
                "prompt": prompt,
                "required": required,
            }
        )
        if max_label is not UNSET:
            field_dict["max_label"] = max_label
        if max_value is not UNSET:
            field_dict["max_value"] = max_value
        if min_label is not UNSET:
            field_dict["min_label"] = min_label
        if min_value is not UNSET:
            field_dict["min_value"] = min_value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.respondent_option import RespondentOption  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        kind = QuestionKind(d.pop("kind"))

        options = []
        _options = d.pop("options")
        for options_item_data in _options:
            options_item = RespondentOption.from_dict(options_item_data)

            options.append(options_item)

        prompt = d.pop("prompt")

        required = d.pop("required")

        def _parse_max_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        max_label = _parse_max_label(d.pop("max_label", UNSET))

        def _parse_max_value(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_value = _parse_max_value(d.pop("max_value", UNSET))

        def _parse_min_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        min_label = _parse_min_label(d.pop("min_label", UNSET))

        def _parse_min_value(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_value = _parse_min_value(d.pop("min_value", UNSET))

        respondent_question = cls(
            id=id,
            kind=kind,
            options=options,
            prompt=prompt,
            required=required,
            max_label=max_label,
            max_value=max_value,
            min_label=min_label,
            min_value=min_value,
        )

        respondent_question.additional_properties = d
        return respondent_question

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
