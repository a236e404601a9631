# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.translations import Translations


T = TypeVar("T", bound="ScaleLabels")


@_attrs_define
class ScaleLabels:
    """Labels of the two ends of a rating scale."""

    max_: Translations
    """ Texts keyed by locale (`en`, `bg`, `ru`, …). """
    min_: Translations
    """ Texts keyed by locale (`en`, `bg`, `ru`, …). """

    def to_dict(self) -> dict[str, Any]:
        max_ = self.max_.to_dict()

        min_ = self.min_.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "max": max_,
                "min": min_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.translations import Translations  # noqa: PLC0415

        d = dict(src_dict)
        max_ = Translations.from_dict(d.pop("max"))

        min_ = Translations.from_dict(d.pop("min"))

        scale_labels = cls(
            max_=max_,
            min_=min_,
        )

        return scale_labels
