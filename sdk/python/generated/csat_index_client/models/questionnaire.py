# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.question import Question


T = TypeVar("T", bound="Questionnaire")


@_attrs_define
class Questionnaire:
    """A survey's questionnaire."""

    frozen: bool
    """ Whether the questions are frozen (the survey was opened). """
    items: list[Question]
    """ The questions in order: the standard questions, then the custom ones. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        frozen = self.frozen

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "frozen": frozen,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.question import Question  # noqa: PLC0415

        d = dict(src_dict)
        frozen = d.pop("frozen")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Question.from_dict(items_item_data)

            items.append(items_item)

        questionnaire = cls(
            frozen=frozen,
            items=items,
        )

        questionnaire.additional_properties = d
        return questionnaire

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
