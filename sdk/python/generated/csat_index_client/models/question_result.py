# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.question_kind import QuestionKind

if TYPE_CHECKING:
    from ..models.bucket import Bucket


T = TypeVar("T", bound="QuestionResult")


@_attrs_define
class QuestionResult:
    """The answers of one question."""

    distribution: list[Bucket]
    """ Answers per value, in scale or option order. """
    kind: QuestionKind
    """ What kind of answer a question takes. """
    n: int
    """ Responses that answered it. """
    prompt: str
    """ The question text in the program's default locale. """
    question_id: UUID
    """ The question. """
    standard: bool
    """ Whether it is a standard question. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        distribution = []
        for distribution_item_data in self.distribution:
            distribution_item = distribution_item_data.to_dict()
            distribution.append(distribution_item)

        kind = self.kind.value

        n = self.n

        prompt = self.prompt

        question_id = str(self.question_id)

        standard = self.standard

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "distribution": distribution,
                "kind": kind,
                "n": n,
                "prompt": prompt,
                "question_id": question_id,
                "standard": standard,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bucket import Bucket  # noqa: PLC0415

        d = dict(src_dict)
        distribution = []
        _distribution = d.pop("distribution")
        for distribution_item_data in _distribution:
            distribution_item = Bucket.from_dict(distribution_item_data)

            distribution.append(distribution_item)

        kind = QuestionKind(d.pop("kind"))

        n = d.pop("n")

        prompt = d.pop("prompt")

        question_id = UUID(d.pop("question_id"))

        standard = d.pop("standard")

        question_result = cls(
            distribution=distribution,
            kind=kind,
            n=n,
            prompt=prompt,
            question_id=question_id,
            standard=standard,
        )

        question_result.additional_properties = d
        return question_result

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
