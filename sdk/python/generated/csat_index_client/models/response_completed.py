# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ResponseCompleted")


@_attrs_define
class ResponseCompleted:
    """`response.completed`: a response was completed. For an anonymous response only the day is given and
    no invitation, and the event is not delivered before that day is over.

    """

    anonymous: bool
    """ Whether the respondent chose to stay anonymous. """
    completed_at: datetime.datetime
    """ When it was completed; for an anonymous response the start (00:00 UTC) of that day. """
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
    invitation_id: None | Unset | UUID = UNSET
    """ The invitation answered; absent for an anonymous or imported response. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        anonymous = self.anonymous

        completed_at = self.completed_at.isoformat()

        membership_id = str(self.membership_id)

        office_id = str(self.office_id)

        partner_id = str(self.partner_id)

        response_id = str(self.response_id)

        survey_id = str(self.survey_id)

        invitation_id: None | str | Unset
        if isinstance(self.invitation_id, Unset):
            invitation_id = UNSET
        elif isinstance(self.invitation_id, UUID):
            invitation_id = str(self.invitation_id)
        else:
            invitation_id = self.invitation_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "anonymous": anonymous,
                "completed_at": completed_at,
                "membership_id": membership_id,
                "office_id": office_id,
                "partner_id": partner_id,
                "response_id": response_id,
                "survey_id": survey_id,
            }
        )
        if invitation_id is not UNSET:
            field_dict["invitation_id"] = invitation_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        anonymous = d.pop("anonymous")

        completed_at = datetime.datetime.fromisoformat(d.pop("completed_at"))

        membership_id = UUID(d.pop("membership_id"))

        office_id = UUID(d.pop("office_id"))

        partner_id = UUID(d.pop("partner_id"))

        response_id = UUID(d.pop("response_id"))

        survey_id = UUID(d.pop("survey_id"))

        def _parse_invitation_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                invitation_id_type_0 = UUID(data)

                return invitation_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        invitation_id = _parse_invitation_id(d.pop("invitation_id", UNSET))

        response_completed = cls(
            anonymous=anonymous,
            completed_at=completed_at,
            membership_id=membership_id,
            office_id=office_id,
            partner_id=partner_id,
            response_id=response_id,
            survey_id=survey_id,
            invitation_id=invitation_id,
        )

        response_completed.additional_properties = d
        return response_completed

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
