# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.question_kind import QuestionKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.choice_option import ChoiceOption
    from ..models.scale_labels import ScaleLabels
    from ..models.translations import Translations


T = TypeVar("T", bound="CreateQuestion")


@_attrs_define
class CreateQuestion:
    """A custom question.

    Example:
        {'kind': 'single_choice', 'options': [{'label': {'bg': 'Лицензиране', 'en': 'Licensing'}, 'value': 'licensing'},
            {'label': {'bg': 'Поддръжка', 'en': 'Support'}, 'value': 'support'}], 'prompt': {'bg': 'Коя услуга
            използвахте?', 'en': 'Which service did you use?'}, 'required': True}

    """

    kind: QuestionKind
    """ What kind of answer a question takes. """
    prompt: Translations
    """ Texts keyed by locale (`en`, `bg`, `ru`, …). """
    max_value: int | None | Unset = UNSET
    """ Highest value of a `rating` (0–10, above `min_value`). """
    min_value: int | None | Unset = UNSET
    """ Lowest value of a `rating` (0–10). """
    options: list[ChoiceOption] | Unset = UNSET
    """ The choices of a `single_choice` or `multi_choice` question (2–20). """
    position: int | None | Unset = UNSET
    """ Position among the custom questions (default: last); custom questions follow the standard ones. """
    required: bool | Unset = UNSET
    """ Whether an answer is required (default false). """
    scale_labels: None | ScaleLabels | Unset = UNSET
    """ Labels of the scale ends, for `rating` and `nps`. """

    def to_dict(self) -> dict[str, Any]:
        from ..models.scale_labels import ScaleLabels  # noqa: PLC0415

        kind = self.kind.value

        prompt = self.prompt.to_dict()

        max_value: int | None | Unset
        if isinstance(self.max_value, Unset):
            max_value = UNSET
        else:
            max_value = self.max_value

        min_value: int | None | Unset
        if isinstance(self.min_value, Unset):
            min_value = UNSET
        else:
            min_value = self.min_value

        options: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = []
            for options_item_data in self.options:
                options_item = options_item_data.to_dict()
                options.append(options_item)

        position: int | None | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        else:
            position = self.position

        required = self.required

        scale_labels: dict[str, Any] | None | Unset
        if isinstance(self.scale_labels, Unset):
            scale_labels = UNSET
        elif isinstance(self.scale_labels, ScaleLabels):
            scale_labels = self.scale_labels.to_dict()
        else:
            scale_labels = self.scale_labels

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "prompt": prompt,
            }
        )
        if max_value is not UNSET:
            field_dict["max_value"] = max_value
        if min_value is not UNSET:
            field_dict["min_value"] = min_value
        if options is not UNSET:
            field_dict["options"] = options
        if position is not UNSET:
            field_dict["position"] = position
        if required is not UNSET:
            field_dict["required"] = required
        if scale_labels is not UNSET:
            field_dict["scale_labels"] = scale_labels

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.choice_option import ChoiceOption  # noqa: PLC0415
        from ..models.scale_labels import ScaleLabels  # noqa: PLC0415
        from ..models.translations import Translations  # noqa: PLC0415

        d = dict(src_dict)
        kind = QuestionKind(d.pop("kind"))

        prompt = Translations.from_dict(d.pop("prompt"))

        def _parse_max_value(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_value = _parse_max_value(d.pop("max_value", UNSET))

        def _parse_min_value(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_value = _parse_min_value(d.pop("min_value", UNSET))

        _options = d.pop("options", UNSET)
        options: list[ChoiceOption] | Unset = UNSET
        if _options is not UNSET:
            options = []
            for options_item_data in _options:
                options_item = ChoiceOption.from_dict(options_item_data)

                options.append(options_item)

        def _parse_position(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        position = _parse_position(d.pop("position", UNSET))

        required = d.pop("required", UNSET)

        def _parse_scale_labels(data: object) -> None | ScaleLabels | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                scale_labels_type_1 = ScaleLabels.from_dict(data)

                return scale_labels_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScaleLabels | Unset, data)

        scale_labels = _parse_scale_labels(d.pop("scale_labels", UNSET))

        create_question = cls(
            kind=kind,
            prompt=prompt,
            max_value=max_value,
            min_value=min_value,
            options=options,
            position=position,
            required=required,
            scale_labels=scale_labels,
        )

        return create_question
