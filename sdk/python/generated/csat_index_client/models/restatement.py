# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Restatement")


@_attrs_define
class Restatement:
    """Why a quarter is restated.

    Example:
        {'reason': 'Responses imported late from the 2026 field campaign.'}

    """

    reason: str
    """ The reason, 3–500 characters; it is kept in the audit trail. """

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

        restatement = cls(
            reason=reason,
        )

        return restatement
