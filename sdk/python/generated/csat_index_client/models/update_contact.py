# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.consent import Consent


T = TypeVar("T", bound="UpdateContact")


@_attrs_define
class UpdateContact:
    """Changes to a contact; omitted fields stay as they are, `null` clears an optional field.

    Example:
        {'locale': 'en', 'organization': None}

    """

    consent: Consent | None | Unset = UNSET
    """ New consent, or `null` to record that consent was withdrawn. """
    email: str | Unset = UNSET
    """ New email. """
    external_id: None | str | Unset = UNSET
    """ New external id (1–128 characters, unique among the office's contacts), or `null` to clear it. """
    locale: None | str | Unset = UNSET
    """ New locale, or `null` to clear it. """
    name: str | Unset = UNSET
    """ New name (1–200 characters). """
    organization: None | str | Unset = UNSET
    """ New customer organization, or `null` to clear it. """

    def to_dict(self) -> dict[str, Any]:
        from ..models.consent import Consent  # noqa: PLC0415

        consent: dict[str, Any] | None | Unset
        if isinstance(self.consent, Unset):
            consent = UNSET
        elif isinstance(self.consent, Consent):
            consent = self.consent.to_dict()
        else:
            consent = self.consent

        email = self.email

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

        name = self.name

        organization: None | str | Unset
        if isinstance(self.organization, Unset):
            organization = UNSET
        else:
            organization = self.organization

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if consent is not UNSET:
            field_dict["consent"] = consent
        if email is not UNSET:
            field_dict["email"] = email
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

        email = d.pop("email", UNSET)

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

        name = d.pop("name", UNSET)

        def _parse_organization(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        organization = _parse_organization(d.pop("organization", UNSET))

        update_contact = cls(
            consent=consent,
            email=email,
            external_id=external_id,
            locale=locale,
            name=name,
            organization=organization,
        )

        return update_contact
