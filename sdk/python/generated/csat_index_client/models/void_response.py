# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="VoidResponse")


@_attrs_define
class VoidResponse:
    """Why a response is voided.

    Example:
        {'reason': 'Submitted twice by the same customer; the later copy is void.'}

    """

    reason: str
    """ The reason, 3–500 characters; it is kept with the response. """

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        void_response = cls(
            reason=reason,
        )

        return void_response
