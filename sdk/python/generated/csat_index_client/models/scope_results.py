# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.metrics import Metrics
    from ..models.period_result import PeriodResult
    from ..models.question_result import QuestionResult


T = TypeVar("T", bound="ScopeResults")


@_attrs_define
class ScopeResults:
    """Results of an office or a membership over a date range."""

    from_: datetime.date
    """ First day. """
    metrics: Metrics
    """ All standard metrics of a set of responses. """
    periods: list[PeriodResult]
    """ The metrics per reporting period in the range, oldest first. """
    questions: list[QuestionResult]
    """ The standard questions' answers. """
    responses: int
    """ Non-voided responses completed in the range. """
    to: datetime.date
    """ Last day. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_.isoformat()

        metrics = self.metrics.to_dict()

        periods = []
        for periods_item_data in self.periods:
            periods_item = periods_item_data.to_dict()
            periods.append(periods_item)

        questions = []
        for questions_item_data in self.questions:
            questions_item = questions_item_data.to_dict()
            questions.append(questions_item)

        responses = self.responses

        to = self.to.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "metrics": metrics,
                "periods": periods,
                "questions": questions,
                "responses": responses,
                "to": to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.metrics import Metrics  # noqa: PLC0415
        from ..models.period_result import PeriodResult  # noqa: PLC0415
        from ..models.question_result import QuestionResult  # noqa: PLC0415

        d = dict(src_dict)
        from_ = datetime.date.fromisoformat(d.pop("from"))

        metrics = Metrics.from_dict(d.pop("metrics"))

        periods = []
        _periods = d.pop("periods")
        for periods_item_data in _periods:
            periods_item = PeriodResult.from_dict(periods_item_data)

            periods.append(periods_item)

        questions = []
        _questions = d.pop("questions")
        for questions_item_data in _questions:
            questions_item = QuestionResult.from_dict(questions_item_data)

            questions.append(questions_item)

        responses = d.pop("responses")

        to = datetime.date.fromisoformat(d.pop("to"))

        scope_results = cls(
            from_=from_,
            metrics=metrics,
            periods=periods,
            questions=questions,
            responses=responses,
            to=to,
        )

        scope_results.additional_properties = d
        return scope_results

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
