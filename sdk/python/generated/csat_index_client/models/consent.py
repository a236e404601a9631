# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.consent_method import ConsentMethod

T = TypeVar("T", bound="Consent")


@_attrs_define
class Consent:
    """A customer's recorded consent to be surveyed."""

    given_at: datetime.datetime
    """ When consent was given (not in the future). """
    method: ConsentMethod
    """ How the customer gave consent to be surveyed. """

    def to_dict(self) -> dict[str, Any]:
        given_at = self.given_at.isoformat()

        method = self.method.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "given_at": given_at,
                "method": method,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        given_at = datetime.datetime.fromisoformat(d.pop("given_at"))

        method = ConsentMethod(d.pop("method"))

        consent = cls(
            given_at=given_at,
            method=method,
        )

        return consent
