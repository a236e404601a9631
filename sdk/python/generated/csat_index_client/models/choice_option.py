# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.translations import Translations


T = TypeVar("T", bound="ChoiceOption")


@_attrs_define
class ChoiceOption:
    """One choice of a choice question."""

    label: Translations
    """ Texts keyed by locale (`en`, `bg`, `ru`, …). """
    value: str
    """ The stored value (1–40 characters of `a-z`, `0-9`, `_` or `-`). """

    def to_dict(self) -> dict[str, Any]:
        label = self.label.to_dict()

        value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "label": label,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.translations import Translations  # noqa: PLC0415

        d = dict(src_dict)
        label = Translations.from_dict(d.pop("label"))

        value = d.pop("value")

        choice_option = cls(
            label=label,
            value=value,
        )

        return choice_option
