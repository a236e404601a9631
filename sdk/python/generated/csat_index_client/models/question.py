# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.metric import Metric
from ..models.question_kind import QuestionKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.choice_option import ChoiceOption
    from ..models.scale_labels import ScaleLabels
    from ..models.translations import Translations


T = TypeVar("T", bound="Question")


@_attrs_define
class Question:
    """A question as frozen in a questionnaire."""

    id: UUID
    """ The question's id. """
    kind: QuestionKind
    """ What kind of answer a question takes. """
    options: list[ChoiceOption]
    """ The choices, for `single_choice` and `multi_choice`. """
    position: int
    """ Position in the questionnaire (standard questions first). """
    prompt: Translations
    """ Texts keyed by locale (`en`, `bg`, `ru`, …). """
    required: bool
    """ Whether an answer is required. """
    standard: bool
    """ Whether it is one of the program's standard questions. """
    max_value: int | None | Unset = UNSET
    """ Highest value of a `rating` or `nps` question. """
    metric: Metric | None | Unset = UNSET
    """ The metric it feeds (standard questions only). """
    min_value: int | None | Unset = UNSET
    """ Lowest value of a `rating` or `nps` question. """
    scale_labels: None | ScaleLabels | Unset = UNSET
    """ Labels of the scale ends, for `rating` and `nps`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.scale_labels import ScaleLabels  # noqa: PLC0415

        id = str(self.id)

        kind = self.kind.value

        options = []
        for options_item_data in self.options:
            options_item = options_item_data.to_dict()
            options.append(options_item)

        position = self.position

        prompt = self.prompt.to_dict()

        required = self.required

        standard = self.standard

        max_value: int | None | Unset
        if isinstance(self.max_value, Unset):
            max_value = UNSET
        else:
            max_value = self.max_value

        metric: None | str | Unset
        if isinstance(self.metric, Unset):
            metric = UNSET
        elif isinstance(self.metric, Metric):
            metric = self.metric.value
        else:
            metric = self.metric

        min_value: int | None | Unset
        if isinstance(self.min_value, Unset):
            min_value = UNSET
        else:
            min_value = self.min_value

        scale_labels: dict[str, Any] | None | Unset
        if isinstance(self.scale_labels, Unset):
            scale_labels = UNSET
        elif isinstance(self.scale_labels, ScaleLabels):
            scale_labels = self.scale_labels.to_dict()
        else:
            scale_labels = self.scale_labels

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "options": options,
                "position": position,
                "prompt": prompt,
                "required": required,
                "standard": standard,
            }
        )
        if max_value is not UNSET:
            field_dict["max_value"] = max_value
        if metric is not UNSET:
            field_dict["metric"] = metric
        if min_value is not UNSET:
            field_dict["min_value"] = min_value
        if scale_labels is not UNSET:
            field_dict["scale_labels"] = scale_labels

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.choice_option import ChoiceOption  # noqa: PLC0415
        from ..models.scale_labels import ScaleLabels  # noqa: PLC0415
        from ..models.translations import Translations  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        kind = QuestionKind(d.pop("kind"))

        options = []
        _options = d.pop("options")
        for options_item_data in _options:
            options_item = ChoiceOption.from_dict(options_item_data)

            options.append(options_item)

        position = d.pop("position")

        prompt = Translations.from_dict(d.pop("prompt"))

        required = d.pop("required")

        standard = d.pop("standard")

        def _parse_max_value(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_value = _parse_max_value(d.pop("max_value", UNSET))

        def _parse_metric(data: object) -> Metric | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                metric_type_1 = Metric(data)

                return metric_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Metric | None | Unset, data)

        metric = _parse_metric(d.pop("metric", UNSET))

        def _parse_min_value(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_value = _parse_min_value(d.pop("min_value", UNSET))

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

        question = cls(
            id=id,
            kind=kind,
            options=options,
            position=position,
            prompt=prompt,
            required=required,
            standard=standard,
            max_value=max_value,
            metric=metric,
            min_value=min_value,
            scale_labels=scale_labels,
        )

        question.additional_properties = d
        return question

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
