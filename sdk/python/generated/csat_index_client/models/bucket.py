# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Bucket")


@_attrs_define
class Bucket:
    """How many answers gave one value."""

    count: int
    """ Answers with this value. """
    value: int | list[str] | str
    """ An answer's value, as JSON: a number (`rating`, `nps`), a string (an option value or text), or a list
    of option values (`multi_choice`). """
    label: None | str | Unset = UNSET
    """ The option's label (default locale), for choice questions. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        value: int | list[str] | str
        if isinstance(self.value, list):
            value = self.value

        else:
            value = self.value

        label: None | str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        else:
            label = self.label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "value": value,
            }
        )
        if label is not UNSET:
            field_dict["label"] = label

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        count = d.pop("count")

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

        def _parse_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        label = _parse_label(d.pop("label", UNSET))

        bucket = cls(
            count=count,
            value=value,
            label=label,
        )

        bucket.additional_properties = d
        return bucket

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
