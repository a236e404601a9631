# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.delivery import Delivery

T = TypeVar("T", bound="CreateInvitations")


@_attrs_define
class CreateInvitations:
    """Contacts to invite.

    Example:
        {'contact_ids': ['0195a2b4-6c1d-7e0f-8a9b-0c1d2e3f4a5b'], 'delivery': 'partner'}

    """

    contact_ids: list[UUID]
    """ The contacts (of the survey's office), 1–500. """
    delivery: Delivery
    """ How the personal link reaches the customer. """

    def to_dict(self) -> dict[str, Any]:
        contact_ids = []
        for contact_ids_item_data in self.contact_ids:
            contact_ids_item = str(contact_ids_item_data)
            contact_ids.append(contact_ids_item)

        delivery = self.delivery.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "contact_ids": contact_ids,
                "delivery": delivery,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contact_ids = []
        _contact_ids = d.pop("contact_ids")
        for contact_ids_item_data in _contact_ids:
            contact_ids_item = UUID(contact_ids_item_data)

            contact_ids.append(contact_ids_item)

        delivery = Delivery(d.pop("delivery"))

        create_invitations = cls(
            contact_ids=contact_ids,
            delivery=delivery,
        )

        return create_invitations
