# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.imported_response_answers import ImportedResponseAnswers


T = TypeVar("T", bound="ImportedResponse")


@_attrs_define
class ImportedResponse:
    """One historical response."""

    answers: ImportedResponseAnswers
    """ Answers by question id of the survey's questionnaire. """
    completed_at: datetime.datetime
    """ When it was originally completed (not in the future). """
    anonymous: bool | Unset = UNSET
    """ Whether the respondent chose anonymity. """
    contact_id: None | Unset | UUID = UNSET
    """ A contact of the survey's office this response belongs to, if known. """
    email: None | str | Unset = UNSET
    """ The respondent's email (its domain identifies the organization unless it is free mail). """
    locale: None | str | Unset = UNSET
    """ The locale answered in. """
    organization: None | str | Unset = UNSET
    """ The respondent's organization. """

    def to_dict(self) -> dict[str, Any]:
        answers = self.answers.to_dict()

        completed_at = self.completed_at.isoformat()

        anonymous = self.anonymous

        contact_id: None | str | Unset
        if isinstance(self.contact_id, Unset):
            contact_id = UNSET
        elif isinstance(self.contact_id, UUID):
            contact_id = str(self.contact_id)
        else:
            contact_id = self.contact_id

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

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
                "answers": answers,
                "completed_at": completed_at,
            }
        )
        if anonymous is not UNSET:
            field_dict["anonymous"] = anonymous
        if contact_id is not UNSET:
            field_dict["contact_id"] = contact_id
        if email is not UNSET:
            field_dict["email"] = email
        if locale is not UNSET:
            field_dict["locale"] = locale
        if organization is not UNSET:
            field_dict["organization"] = organization

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.imported_response_answers import ImportedResponseAnswers  # noqa: PLC0415

        d = dict(src_dict)
        answers = ImportedResponseAnswers.from_dict(d.pop("answers"))

        completed_at = datetime.datetime.fromisoformat(d.pop("completed_at"))

        anonymous = d.pop("anonymous", UNSET)

        def _parse_contact_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contact_id_type_0 = UUID(data)

                return contact_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        contact_id = _parse_contact_id(d.pop("contact_id", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

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

        imported_response = cls(
            answers=answers,
            completed_at=completed_at,
            anonymous=anonymous,
            contact_id=contact_id,
            email=email,
            locale=locale,
            organization=organization,
        )

        return imported_response
