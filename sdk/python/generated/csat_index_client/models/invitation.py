# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delivery import Delivery
from ..models.invitation_status import InvitationStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Invitation")


@_attrs_define
class Invitation:
    """A personal survey invitation."""

    contact_id: UUID
    """ The invited contact. """
    created_at: datetime.datetime
    """ When the invitation was created. """
    delivery: Delivery
    """ How the personal link reaches the customer. """
    expires_at: datetime.datetime
    """ When the link stops working. """
    id: UUID
    """ The invitation's id. """
    reminders_sent: int
    """ Reminders queued so far. """
    status: InvitationStatus
    """ Where an invitation stands. """
    survey_id: UUID
    """ The survey. """
    opened_at: datetime.datetime | None | Unset = UNSET
    """ When the questionnaire was first opened. """
    sent_at: datetime.datetime | None | Unset = UNSET
    """ When it was emailed or handed to the partner. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contact_id = str(self.contact_id)

        created_at = self.created_at.isoformat()

        delivery = self.delivery.value

        expires_at = self.expires_at.isoformat()

        id = str(self.id)

        reminders_sent = self.reminders_sent

        status = self.status.value

        survey_id = str(self.survey_id)

        opened_at: None | str | Unset
        if isinstance(self.opened_at, Unset):
            opened_at = UNSET
        elif isinstance(self.opened_at, datetime.datetime):
            opened_at = self.opened_at.isoformat()
        else:
            opened_at = self.opened_at

        sent_at: None | str | Unset
        if isinstance(self.sent_at, Unset):
            sent_at = UNSET
        elif isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contact_id": contact_id,
                "created_at": created_at,
                "delivery": delivery,
                "expires_at": expires_at,
                "id": id,
                "reminders_sent": reminders_sent,
                "status": status,
                "survey_id": survey_id,
            }
        )
        if opened_at is not UNSET:
            field_dict["opened_at"] = opened_at
        if sent_at is not UNSET:
            field_dict["sent_at"] = sent_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contact_id = UUID(d.pop("contact_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        delivery = Delivery(d.pop("delivery"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        id = UUID(d.pop("id"))

        reminders_sent = d.pop("reminders_sent")

        status = InvitationStatus(d.pop("status"))

        survey_id = UUID(d.pop("survey_id"))

        def _parse_opened_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                opened_at_type_0 = datetime.datetime.fromisoformat(data)

                return opened_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        opened_at = _parse_opened_at(d.pop("opened_at", UNSET))

        def _parse_sent_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)

                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        sent_at = _parse_sent_at(d.pop("sent_at", UNSET))

        invitation = cls(
            contact_id=contact_id,
            created_at=created_at,
            delivery=delivery,
            expires_at=expires_at,
            id=id,
            reminders_sent=reminders_sent,
            status=status,
            survey_id=survey_id,
            opened_at=opened_at,
            sent_at=sent_at,
        )

        invitation.additional_properties = d
        return invitation

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
