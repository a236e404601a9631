# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Publication")


@_attrs_define
class Publication:
    """One publication of a calendar quarter's figures: the first when the period it ends in closed, then
    one per restatement.

    """

    cells_shown: int
    """ Cells of the quarter and of the year to date it completes that are shown. """
    cells_suppressed: int
    """ Cells of those that disclosure control suppressed. """
    changed_responses: int
    """ Responses added or voided since the previous revision. """
    published_at: datetime.datetime
    """ When it was published. """
    published_by: str
    """ Who published it (the token's subject). """
    quarter: str
    """ The quarter, e.g. `2026-Q3`. """
    responses: int
    """ The quarter's responses as published. """
    revision: int
    """ 1 for the first publication, one more per restatement. """
    reason: None | str | Unset = UNSET
    """ Why it was restated; `null` for the first publication. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cells_shown = self.cells_shown

        cells_suppressed = self.cells_suppressed

        changed_responses = self.changed_responses

        published_at = self.published_at.isoformat()

        published_by = self.published_by

        quarter = self.quarter

        responses = self.responses

        revision = self.revision

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cells_shown": cells_shown,
                "cells_suppressed": cells_suppressed,
                "changed_responses": changed_responses,
                "published_at": published_at,
                "published_by": published_by,
                "quarter": quarter,
                "responses": responses,
                "revision": revision,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cells_shown = d.pop("cells_shown")

        cells_suppressed = d.pop("cells_suppressed")

        changed_responses = d.pop("changed_responses")

        published_at = datetime.datetime.fromisoformat(d.pop("published_at"))

        published_by = d.pop("published_by")

        quarter = d.pop("quarter")

        responses = d.pop("responses")

        revision = d.pop("revision")

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        publication = cls(
            cells_shown=cells_shown,
            cells_suppressed=cells_suppressed,
            changed_responses=changed_responses,
            published_at=published_at,
            published_by=published_by,
            quarter=quarter,
            responses=responses,
            revision=revision,
            reason=reason,
        )

        publication.additional_properties = d
        return publication

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
