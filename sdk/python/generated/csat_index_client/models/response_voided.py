# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ResponseVoided")


@_attrs_define
class ResponseVoided:
    """`response.voided`: the administrator voided a response, which no longer counts. The reason is not
    carried (free text the administrator wrote may name people): read the response for it.

    """

    membership_id: UUID
    """ The office's membership. """
    office_id: UUID
    """ The survey's office. """
    partner_id: UUID
    """ The membership's partner. """
    response_id: UUID
    """ The response. """
    survey_id: UUID
    """ Its survey. """
    voided_at: datetime.datetime
    """ When it was voided. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        membership_id = str(self.membership_id)

        office_id = str(self.office_id)

        partner_id = str(self.partner_id)

        response_id = str(self.response_id)

        survey_id = str(self.survey_id)

        voided_at = self.voided_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "membership_id": membership_id,
                "office_id": office_id,
                "partner_id": partner_id,
                "response_id": response_id,
                "survey_id": survey_id,
                "voided_at": voided_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        membership_id = UUID(d.pop("membership_id"))

        office_id = UUID(d.pop("office_id"))

        partner_id = UUID(d.pop("partner_id"))

        response_id = UUID(d.pop("response_id"))

        survey_id = UUID(d.pop("survey_id"))

        voided_at = datetime.datetime.fromisoformat(d.pop("voided_at"))

        response_voided = cls(
            membership_id=membership_id,
            office_id=office_id,
            partner_id=partner_id,
            response_id=response_id,
            survey_id=survey_id,
            voided_at=voided_at,
        )

        response_voided.additional_properties = d
        return response_voided

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
