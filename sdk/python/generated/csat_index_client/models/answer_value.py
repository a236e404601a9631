# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.metric import Metric
from ..types import UNSET, Unset

T = TypeVar("T", bound="AnswerValue")


@_attrs_define
class AnswerValue:
    """One answer."""

    question_id: UUID
    """ The question. """
    value: int | list[str] | str
    """ An answer's value, as JSON: a number (`rating`, `nps`), a string (an option value or text), or a list
    of option values (`multi_choice`). """
    metric: Metric | None | Unset = UNSET
    """ The metric the question feeds, for standard questions. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        question_id = str(self.question_id)

        value: int | list[str] | str
        if isinstance(self.value, list):
            value = self.value

        else:
            value = self.value

        metric: None | str | Unset
        if isinstance(self.metric, Unset):
            metric = UNSET
        elif isinstance(self.metric, Metric):
            metric = self.metric.value
        else:
            metric = self.metric

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "question_id": question_id,
                "value": value,
            }
        )
        if metric is not UNSET:
            field_dict["metric"] = metric

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        question_id = UUID(d.pop("question_id"))

        def _parse_value(data: object) -> int | list[str] | str:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_answer_data_type_2 = cast(list[str], data)

                return componentsschemas_answer_data_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | list[str] | str, data)

        value = _parse_value(d.pop("value"))

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

        answer_value = cls(
            question_id=question_id,
            value=value,
            metric=metric,
        )

        answer_value.additional_properties = d
        return answer_value

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
