# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.choice_option import ChoiceOption
    from ..models.scale_labels import ScaleLabels
    from ..models.translations import Translations


T = TypeVar("T", bound="UpdateQuestion")


@_attrs_define
class UpdateQuestion:
    """Changes to a custom question; omitted fields stay as they are.

    Example:
        {'position': 2, 'required': False}

    """

    max_value: int | None | Unset = UNSET
    """ New highest value. """
    min_value: int | None | Unset = UNSET
    """ New lowest value. """
    options: list[ChoiceOption] | None | Unset = UNSET
    """ New options (replace the old ones). """
    position: int | None | Unset = UNSET
    """ New position. """
    prompt: None | Translations | Unset = UNSET
    """ New prompt translations (replace the old ones). """
    required: bool | None | Unset = UNSET
    """ New required flag. """
    scale_labels: None | ScaleLabels | Unset = UNSET
    """ New scale labels. """

    def to_dict(self) -> dict[str, Any]:
        from ..models.scale_labels import ScaleLabels  # noqa: PLC0415
        from ..models.translations import Translations  # noqa: PLC0415

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

        options: list[dict[str, Any]] | None | Unset
        if isinstance(self.options, Unset):
            options = UNSET
        elif isinstance(self.options, list):
            options = []
            for options_type_0_item_data in self.options:
                options_type_0_item = options_type_0_item_data.to_dict()
                options.append(options_type_0_item)

        else:
            options = self.options

        position: int | None | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        else:
            position = self.position

        prompt: dict[str, Any] | None | Unset
        if isinstance(self.prompt, Unset):
            prompt = UNSET
        elif isinstance(self.prompt, Translations):
            prompt = self.prompt.to_dict()
        else:
            prompt = self.prompt

        required: bool | None | Unset
        if isinstance(self.required, Unset):
            required = UNSET
        else:
            required = self.required

        scale_labels: dict[str, Any] | None | Unset
        if isinstance(self.scale_labels, Unset):
            scale_labels = UNSET
        elif isinstance(self.scale_labels, ScaleLabels):
            scale_labels = self.scale_labels.to_dict()
        else:
            scale_labels = self.scale_labels

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if max_value is not UNSET:
            field_dict["max_value"] = max_value
        if min_value is not UNSET:
            field_dict["min_value"] = min_value
        if options is not UNSET:
            field_dict["options"] = options
        if position is not UNSET:
            field_dict["position"] = position
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
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

        def _parse_options(data: object) -> list[ChoiceOption] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                options_type_0 = []
                _options_type_0 = data
                for options_type_0_item_data in _options_type_0:
                    options_type_0_item = ChoiceOption.from_dict(options_type_0_item_data)

                    options_type_0.append(options_type_0_item)

                return options_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ChoiceOption] | None | Unset, data)

        options = _parse_options(d.pop("options", UNSET))

        def _parse_position(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        position = _parse_position(d.pop("position", UNSET))

        def _parse_prompt(data: object) -> None | Translations | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                prompt_type_1 = Translations.from_dict(data)

                return prompt_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Translations | Unset, data)

        prompt = _parse_prompt(d.pop("prompt", UNSET))

        def _parse_required(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        required = _parse_required(d.pop("required", UNSET))

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

        update_question = cls(
            max_value=max_value,
            min_value=min_value,
            options=options,
            position=position,
            prompt=prompt,
            required=required,
            scale_labels=scale_labels,
        )

        return update_question
