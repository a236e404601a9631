# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.create_contact import CreateContact


T = TypeVar("T", bound="ImportContacts")


@_attrs_define
class ImportContacts:
    """Up to 1,000 contacts to add to one office in one transaction; a row with an `external_id` upserts
    the office's contact with that external id.

        Example:
            {'contacts': [{'consent': {'given_at': '2026-01-15T09:00:00Z', 'method': 'web_form'}, 'email':
                'maria.ivanova@contoso.example', 'locale': 'bg', 'name': 'Maria Ivanova', 'organization': 'Contoso Ltd'},
                {'consent': {'given_at': '2026-02-03T14:30:00Z', 'method': 'contract'}, 'email': 'g.petrov@fabrikam.example',
                'name': 'Georgi Petrov', 'organization': 'Fabrikam AD'}]}

    """

    contacts: list[CreateContact]
    """ The contacts; each row is validated on its own. """

    def to_dict(self) -> dict[str, Any]:
        contacts = []
        for contacts_item_data in self.contacts:
            contacts_item = contacts_item_data.to_dict()
            contacts.append(contacts_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "contacts": contacts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.create_contact import CreateContact  # noqa: PLC0415

        d = dict(src_dict)
        contacts = []
        _contacts = d.pop("contacts")
        for contacts_item_data in _contacts:
            contacts_item = CreateContact.from_dict(contacts_item_data)

            contacts.append(contacts_item)

        import_contacts = cls(
            contacts=contacts,
        )

        return import_contacts
