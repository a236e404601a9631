# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.invited_contact import InvitedContact
    from ..models.refused_contact import RefusedContact


T = TypeVar("T", bound="InvitationBatch")


@_attrs_define
class InvitationBatch:
    """The outcome of an invitation request, per contact."""

    invited: list[InvitedContact]
    """ Contacts invited. """
    refused: list[RefusedContact]
    """ Contacts not invited, with the reason. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        invited = []
        for invited_item_data in self.invited:
            invited_item = invited_item_data.to_dict()
            invited.append(invited_item)

        refused = []
        for refused_item_data in self.refused:
            refused_item = refused_item_data.to_dict()
            refused.append(refused_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "invited": invited,
                "refused": refused,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.invited_contact import InvitedContact  # noqa: PLC0415
        from ..models.refused_contact import RefusedContact  # noqa: PLC0415

        d = dict(src_dict)
        invited = []
        _invited = d.pop("invited")
        for invited_item_data in _invited:
            invited_item = InvitedContact.from_dict(invited_item_data)

            invited.append(invited_item)

        refused = []
        _refused = d.pop("refused")
        for refused_item_data in _refused:
            refused_item = RefusedContact.from_dict(refused_item_data)

            refused.append(refused_item)

        invitation_batch = cls(
            invited=invited,
            refused=refused,
        )

        invitation_batch.additional_properties = d
        return invitation_batch

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
