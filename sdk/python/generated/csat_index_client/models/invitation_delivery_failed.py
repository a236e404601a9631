# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="InvitationDeliveryFailed")


@_attrs_define
class InvitationDeliveryFailed:
    """`invitation.delivery_failed`: an invitation email was given up and the invitation marked bounced."""

    attempts: int
    """ Delivery attempts made. """
    error: str
    """ The last error, with any email address replaced by `<address>`. """
    invitation_id: UUID
    """ The invitation. """
    membership_id: UUID
    """ The office's membership. """
    office_id: UUID
    """ The survey's office. """
    partner_id: UUID
    """ The membership's partner. """
    permanent: bool
    """ Whether the mail server refused for good (else attempts ran out on temporary failures). """
    survey_id: UUID
    """ Its survey. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempts = self.attempts

        error = self.error

        invitation_id = str(self.invitation_id)

        membership_id = str(self.membership_id)

        office_id = str(self.office_id)

        partner_id = str(self.partner_id)

        permanent = self.permanent

        survey_id = str(self.survey_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attempts": attempts,
                "error": error,
                "invitation_id": invitation_id,
                "membership_id": membership_id,
                "office_id": office_id,
                "partner_id": partner_id,
                "permanent": permanent,
                "survey_id": survey_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempts = d.pop("attempts")

        error = d.pop("error")

        invitation_id = UUID(d.pop("invitation_id"))

        membership_id = UUID(d.pop("membership_id"))

        office_id = UUID(d.pop("office_id"))

        partner_id = UUID(d.pop("partner_id"))

        permanent = d.pop("permanent")

        survey_id = UUID(d.pop("survey_id"))

        invitation_delivery_failed = cls(
            attempts=attempts,
            error=error,
            invitation_id=invitation_id,
            membership_id=membership_id,
            office_id=office_id,
            partner_id=partner_id,
            permanent=permanent,
            survey_id=survey_id,
        )

        invitation_delivery_failed.additional_properties = d
        return invitation_delivery_failed

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
