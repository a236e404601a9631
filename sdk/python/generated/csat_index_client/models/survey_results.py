# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.comment import Comment
    from ..models.metrics import Metrics
    from ..models.question_result import QuestionResult


T = TypeVar("T", bound="SurveyResults")


@_attrs_define
class SurveyResults:
    """Results of a survey: every question, custom ones and comments included."""

    comments: list[Comment]
    """ Free-text answers. """
    metrics: Metrics
    """ All standard metrics of a set of responses. """
    questions: list[QuestionResult]
    """ Answers per question (free-text questions are in `comments`). """
    responses: int
    """ Non-voided responses. """
    survey_id: UUID
    """ The survey. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        comments = []
        for comments_item_data in self.comments:
            comments_item = comments_item_data.to_dict()
            comments.append(comments_item)

        metrics = self.metrics.to_dict()

        questions = []
        for questions_item_data in self.questions:
            questions_item = questions_item_data.to_dict()
            questions.append(questions_item)

        responses = self.responses

        survey_id = str(self.survey_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "comments": comments,
                "metrics": metrics,
                "questions": questions,
                "responses": responses,
                "survey_id": survey_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.comment import Comment  # noqa: PLC0415
        from ..models.metrics import Metrics  # noqa: PLC0415
        from ..models.question_result import QuestionResult  # noqa: PLC0415

        d = dict(src_dict)
        comments = []
        _comments = d.pop("comments")
        for comments_item_data in _comments:
            comments_item = Comment.from_dict(comments_item_data)

            comments.append(comments_item)

        metrics = Metrics.from_dict(d.pop("metrics"))

        questions = []
        _questions = d.pop("questions")
        for questions_item_data in _questions:
            questions_item = QuestionResult.from_dict(questions_item_data)

            questions.append(questions_item)

        responses = d.pop("responses")

        survey_id = UUID(d.pop("survey_id"))

        survey_results = cls(
            comments=comments,
            metrics=metrics,
            questions=questions,
            responses=responses,
            survey_id=survey_id,
        )

        survey_results.additional_properties = d
        return survey_results

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
