# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

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

    max_value: int | Unset = UNSET
    """ New highest value. """
    min_value: int | Unset = UNSET
    """ New lowest value. """
    options: list[ChoiceOption] | Unset = UNSET
    """ New options (replace the old ones). """
    position: int | Unset = UNSET
    """ New position. """
    prompt: Translations | Unset = UNSET
    """ Texts keyed by locale (`en`, `bg`, `ru`, …). """
    required: bool | Unset = UNSET
    """ New required flag. """
    scale_labels: ScaleLabels | Unset = UNSET
    """ Labels of the two ends of a rating scale. """

    def to_dict(self) -> dict[str, Any]:
        max_value = self.max_value

        min_value = self.min_value

        options: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = []
            for options_item_data in self.options:
                options_item = options_item_data.to_dict()
                options.append(options_item)

        position = self.position

        prompt: dict[str, Any] | Unset = UNSET
        if not isinstance(self.prompt, Unset):
            prompt = self.prompt.to_dict()

        required = self.required

        scale_labels: dict[str, Any] | Unset = UNSET
        if not isinstance(self.scale_labels, Unset):
            scale_labels = self.scale_labels.to_dict()

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
        max_value = d.pop("max_value", UNSET)

        min_value = d.pop("min_value", UNSET)

        _options = d.pop("options", UNSET)
        options: list[ChoiceOption] | Unset = UNSET
        if _options is not UNSET:
            options = []
            for options_item_data in _options:
                options_item = ChoiceOption.from_dict(options_item_data)

                options.append(options_item)

        position = d.pop("position", UNSET)

        _prompt = d.pop("prompt", UNSET)
        prompt: Translations | Unset
        if isinstance(_prompt, Unset):
            prompt = UNSET
        else:
            prompt = Translations.from_dict(_prompt)

        required = d.pop("required", UNSET)

        _scale_labels = d.pop("scale_labels", UNSET)
        scale_labels: ScaleLabels | Unset
        if isinstance(_scale_labels, Unset):
            scale_labels = UNSET
        else:
            scale_labels = ScaleLabels.from_dict(_scale_labels)

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
