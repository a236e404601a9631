# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scale_labels import ScaleLabels
    from ..models.translations import Translations
    from ..models.update_standard_question_option_labels import UpdateStandardQuestionOptionLabels


T = TypeVar("T", bound="UpdateStandardQuestion")


@_attrs_define
class UpdateStandardQuestion:
    """New texts of a standard question; its kind, metric and option values never change.

    Example:
        {'prompt': {'bg': 'Като цяло, доколко сте доволни от получената услуга?', 'en': 'Overall, how satisfied are you
            with the service you received?'}}

    """

    option_labels: UpdateStandardQuestionOptionLabels | Unset = UNSET
    """ New option labels, by option value. """
    prompt: Translations | Unset = UNSET
    """ Texts keyed by locale (`en`, `bg`, `ru`, …). """
    scale_labels: ScaleLabels | Unset = UNSET
    """ Labels of the two ends of a rating scale. """

    def to_dict(self) -> dict[str, Any]:
        option_labels: dict[str, Any] | Unset = UNSET
        if not isinstance(self.option_labels, Unset):
            option_labels = self.option_labels.to_dict()

        prompt: dict[str, Any] | Unset = UNSET
        if not isinstance(self.prompt, Unset):
            prompt = self.prompt.to_dict()

        scale_labels: dict[str, Any] | Unset = UNSET
        if not isinstance(self.scale_labels, Unset):
            scale_labels = self.scale_labels.to_dict()

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
        from ..models.update_standard_question_option_labels import UpdateStandardQuestionOptionLabels  # noqa: PLC0415

        d = dict(src_dict)
        _option_labels = d.pop("option_labels", UNSET)
        option_labels: UpdateStandardQuestionOptionLabels | Unset
        if isinstance(_option_labels, Unset):
            option_labels = UNSET
        else:
            option_labels = UpdateStandardQuestionOptionLabels.from_dict(_option_labels)

        _prompt = d.pop("prompt", UNSET)
        prompt: Translations | Unset
        if isinstance(_prompt, Unset):
            prompt = UNSET
        else:
            prompt = Translations.from_dict(_prompt)

        _scale_labels = d.pop("scale_labels", UNSET)
        scale_labels: ScaleLabels | Unset
        if isinstance(_scale_labels, Unset):
            scale_labels = UNSET
        else:
            scale_labels = ScaleLabels.from_dict(_scale_labels)

        update_standard_question = cls(
            option_labels=option_labels,
            prompt=prompt,
            scale_labels=scale_labels,
        )

        return update_standard_question
