# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.consent import Consent


T = TypeVar("T", bound="CreateContact")


@_attrs_define
class CreateContact:
    """A new contact.

    Example:
        {'consent': {'given_at': '2026-01-15T09:00:00Z', 'method': 'web_form'}, 'email':
            'maria.ivanova@contoso.example', 'external_id': '003Dn00000Qx7Ab', 'locale': 'bg', 'name': 'Maria Ivanova',
            'organization': 'Contoso Ltd'}

    """

    email: str
    """ The person's email (unique within the office). """
    name: str
    """ The person's name, 1–200 characters. """
    consent: Consent | None | Unset = UNSET
    """ Consent to be surveyed, if given. """
    external_id: None | str | Unset = UNSET
    """ The integrator's own id of the contact (unique among the office's contacts; 1–128 characters,
    no control characters, no leading or trailing whitespace). """
    locale: None | str | Unset = UNSET
    """ Preferred locale (BCP 47, e.g. `en`, `bg`, `pt-BR`). """
    organization: None | str | Unset = UNSET
    """ The customer organization, up to 200 characters. """

    def to_dict(self) -> dict[str, Any]:
        from ..models.consent import Consent  # noqa: PLC0415

        email = self.email

        name = self.name

        consent: dict[str, Any] | None | Unset
        if isinstance(self.consent, Unset):
            consent = UNSET
        elif isinstance(self.consent, Consent):
            consent = self.consent.to_dict()
        else:
            consent = self.consent

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

        organization: None | str | Unset
        if isinstance(self.organization, Unset):
            organization = UNSET
        else:
            organization = self.organization

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "name": name,
            }
        )
        if consent is not UNSET:
            field_dict["consent"] = consent
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if locale is not UNSET:
            field_dict["locale"] = locale
        if organization is not UNSET:
            field_dict["organization"] = organization

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consent import Consent  # noqa: PLC0415

        d = dict(src_dict)
        email = d.pop("email")

        name = d.pop("name")

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

        def _parse_organization(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        organization = _parse_organization(d.pop("organization", UNSET))

        create_contact = cls(
            email=email,
            name=name,
            consent=consent,
            external_id=external_id,
            locale=locale,
            organization=organization,
        )

        return create_contact
