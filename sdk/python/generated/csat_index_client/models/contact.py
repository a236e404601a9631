# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.consent import Consent


T = TypeVar("T", bound="Contact")


@_attrs_define
class Contact:
    """A customer contact of an office. Confidential: the partner and the administrator only."""

    created_at: datetime.datetime
    """ When the contact was created. """
    id: UUID
    """ The contact's id. """
    office_id: UUID
    """ The office that served this customer. """
    organization_key: str
    """ The normalized customer-organization key used for the "first 8 per organization" cap
    (`domain:…`, `name:…`, or `person:…` for a person without an organization). Kept after erasure. """
    partner_id: UUID
    """ The office's partner. """
    updated_at: datetime.datetime
    """ When the contact was last changed. """
    consent: Consent | None | Unset = UNSET
    """ The recorded consent; without it the contact cannot be surveyed. """
    email: None | str | Unset = UNSET
    """ The person's email, lower case; `null` once erased. """
    erased_at: datetime.datetime | None | Unset = UNSET
    """ When the personal fields were erased (right to erasure); `null` while they are kept. """
    external_id: None | str | Unset = UNSET
    """ The integrator's own id of the contact (unique among the office's contacts), if set: read and
    upsert it at `/offices/{office_id}/contacts/by-external-id/{external_id}`. `null` once erased. """
    locale: None | str | Unset = UNSET
    """ The preferred locale (BCP 47, e.g. `bg`), if known. """
    name: None | str | Unset = UNSET
    """ The person's name; `null` once erased. """
    organization: None | str | Unset = UNSET
    """ The customer organization as entered; `null` once erased or when not given. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.consent import Consent  # noqa: PLC0415

        created_at = self.created_at.isoformat()

        id = str(self.id)

        office_id = str(self.office_id)

        organization_key = self.organization_key

        partner_id = str(self.partner_id)

        updated_at = self.updated_at.isoformat()

        consent: dict[str, Any] | None | Unset
        if isinstance(self.consent, Unset):
            consent = UNSET
        elif isinstance(self.consent, Consent):
            consent = self.consent.to_dict()
        else:
            consent = self.consent

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        erased_at: None | str | Unset
        if isinstance(self.erased_at, Unset):
            erased_at = UNSET
        elif isinstance(self.erased_at, datetime.datetime):
            erased_at = self.erased_at.isoformat()
        else:
            erased_at = self.erased_at

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        locale: None | str | Unset
        if isinstance(self.locale, Unset):
            locale = UNSET
        else:
            locale = self.locale

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        organization: None | str | Unset
        if isinstance(self.organization, Unset):
            organization = UNSET
        else:
            organization = self.organization

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "office_id": office_id,
                "organization_key": organization_key,
                "partner_id": partner_id,
                "updated_at": updated_at,
            }
        )
        if consent is not UNSET:
            field_dict["consent"] = consent
        if email is not UNSET:
            field_dict["email"] = email
        if erased_at is not UNSET:
            field_dict["erased_at"] = erased_at
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if locale is not UNSET:
            field_dict["locale"] = locale
        if name is not UNSET:
            field_dict["name"] = name
        if organization is not UNSET:
            field_dict["organization"] = organization

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consent import Consent  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        office_id = UUID(d.pop("office_id"))

        organization_key = d.pop("organization_key")

        partner_id = UUID(d.pop("partner_id"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_consent(data: object) -> Consent | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                consent_type_1 = Consent.from_dict(data)

                return consent_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Consent | None | Unset, data)

        consent = _parse_consent(d.pop("consent", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_erased_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                erased_at_type_0 = datetime.datetime.fromisoformat(data)

                return erased_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        erased_at = _parse_erased_at(d.pop("erased_at", UNSET))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        def _parse_locale(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        locale = _parse_locale(d.pop("locale", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_organization(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        organization = _parse_organization(d.pop("organization", UNSET))

        contact = cls(
            created_at=created_at,
            id=id,
            office_id=office_id,
            organization_key=organization_key,
            partner_id=partner_id,
            updated_at=updated_at,
            consent=consent,
            email=email,
            erased_at=erased_at,
            external_id=external_id,
            locale=locale,
            name=name,
            organization=organization,
        )

        contact.additional_properties = d
        return contact

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
