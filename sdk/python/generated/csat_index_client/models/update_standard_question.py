# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scale_labels import ScaleLabels
    from ..models.translations import Translations
    from ..models.update_standard_question_option_labels_type_0 import UpdateStandardQuestionOptionLabelsType0


T = TypeVar("T", bound="UpdateStandardQuestion")


@_attrs_define
class UpdateStandardQuestion:
    """New texts of a standard question; its kind, metric and option values never change.

    Example:
        {'prompt': {'bg': 'Като цяло, доколко сте доволни от получената услуга?', 'en': 'Overall, how satisfied are you
            with the service you received?'}}

    """

    option_labels: None | Unset | UpdateStandardQuestionOptionLabelsType0 = UNSET
    """ New option labels, by option value. """
    prompt: None | Translations | Unset = UNSET
    """ New prompt translations (replace the old ones). """
    scale_labels: None | ScaleLabels | Unset = UNSET
    """ New scale-end labels. """

    def to_dict(self) -> dict[str, Any]:
        from ..models.scale_labels import ScaleLabels  # noqa: PLC0415
        from ..models.translations import Translations  # noqa: PLC0415
        from ..models.update_standard_question_option_labels_type_0 import UpdateStandardQuestionOptionLabelsType0  # noqa: PLC0415

        option_labels: dict[str, Any] | None | Unset
        if isinstance(self.option_labels, Unset):
            option_labels = UNSET
        elif isinstance(self.option_labels, UpdateStandardQuestionOptionLabelsType0):
            option_labels = self.option_labels.to_dict()
        else:
            option_labels = self.option_labels

        prompt: dict[str, Any] | None | Unset
        if isinstance(self.prompt, Unset):
            prompt = UNSET
        elif isinstance(self.prompt, Translations):
            prompt = self.prompt.to_dict()
        else:
            prompt = self.prompt

        scale_labels: dict[str, Any] | None | Unset
        if isinstance(self.scale_labels, Unset):
            scale_labels = UNSET
        elif isinstance(self.scale_labels, ScaleLabels):
            scale_labels = self.scale_labels.to_dict()
        else:
            scale_labels = self.scale_labels

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if option_labels is not UNSET:
            field_dict["option_labels"] = option_labels
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if scale_labels is not UNSET:
            field_dict["scale_labels"] = scale_labels

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scale_labels import ScaleLabels  # noqa: PLC0415
        from ..models.translations import Translations  # noqa: PLC0415
        from ..models.update_standard_question_option_labels_type_0 import UpdateStandardQuestionOptionLabelsType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_option_labels(data: object) -> None | Unset | UpdateStandardQuestionOptionLabelsType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                option_labels_type_0 = UpdateStandardQuestionOptionLabelsType0.from_dict(data)

                return option_labels_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UpdateStandardQuestionOptionLabelsType0, data)

        option_labels = _parse_option_labels(d.pop("option_labels", UNSET))

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

        update_standard_question = cls(
            option_labels=option_labels,
            prompt=prompt,
            scale_labels=scale_labels,
        )

        return update_standard_question
