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
    from ..models.excluded import Excluded
    from ..models.organization_share import OrganizationShare


T = TypeVar("T", bound="OfficeCompliance")


@_attrs_define
class OfficeCompliance:
    """How one office stands."""

    additional_organizations_needed: int
    """ The fewest additional customer organizations that could close the shortfall. """
    completed: int
    """ Completed, non-voided responses in the window. """
    counted: int
    """ Responses that count. """
    country: str
    """ Its country. """
    excluded: Excluded
    """ Responses that do not count, by reason. """
    meets: bool
    """ Whether this office meets the rule on its own. """
    name: str
    """ Its name. """
    office_id: UUID
    """ The office. """
    shortfall: int
    """ Counted responses still missing. """
    hint: None | str | Unset = UNSET
    """ What would close the shortfall, in words; `null` when there is none. """
    organizations: list[OrganizationShare] | None | Unset = UNSET
    """ Per customer organization, most completed first, then one line for the anonymous responses;
    `null` for the vendor. """
    valid_until: datetime.date | None | Unset = UNSET
    """ The last day the office keeps meeting the rule if no response is added (when it meets it). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        additional_organizations_needed = self.additional_organizations_needed

        completed = self.completed

        counted = self.counted

        country = self.country

        excluded = self.excluded.to_dict()

        meets = self.meets

        name = self.name

        office_id = str(self.office_id)

        shortfall = self.shortfall

        hint: None | str | Unset
        if isinstance(self.hint, Unset):
            hint = UNSET
        else:
            hint = self.hint

        organizations: list[dict[str, Any]] | None | Unset
        if isinstance(self.organizations, Unset):
            organizations = UNSET
        elif isinstance(self.organizations, list):
            organizations = []
            for organizations_type_0_item_data in self.organizations:
                organizations_type_0_item = organizations_type_0_item_data.to_dict()
                organizations.append(organizations_type_0_item)

        else:
            organizations = self.organizations

        valid_until: None | str | Unset
        if isinstance(self.valid_until, Unset):
            valid_until = UNSET
        elif isinstance(self.valid_until, datetime.date):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "additional_organizations_needed": additional_organizations_needed,
                "completed": completed,
                "counted": counted,
                "country": country,
                "excluded": excluded,
                "meets": meets,
                "name": name,
                "office_id": office_id,
                "shortfall": shortfall,
            }
        )
        if hint is not UNSET:
            field_dict["hint"] = hint
        if organizations is not UNSET:
            field_dict["organizations"] = organizations
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.excluded import Excluded  # noqa: PLC0415
        from ..models.organization_share import OrganizationShare  # noqa: PLC0415

        d = dict(src_dict)
        additional_organizations_needed = d.pop("additional_organizations_needed")

        completed = d.pop("completed")

        counted = d.pop("counted")

        country = d.pop("country")

        excluded = Excluded.from_dict(d.pop("excluded"))

        meets = d.pop("meets")

        name = d.pop("name")

        office_id = UUID(d.pop("office_id"))

        shortfall = d.pop("shortfall")

        def _parse_hint(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hint = _parse_hint(d.pop("hint", UNSET))

        def _parse_organizations(data: object) -> list[OrganizationShare] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                organizations_type_0 = []
                _organizations_type_0 = data
                for organizations_type_0_item_data in _organizations_type_0:
                    organizations_type_0_item = OrganizationShare.from_dict(organizations_type_0_item_data)

                    organizations_type_0.append(organizations_type_0_item)

                return organizations_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OrganizationShare] | None | Unset, data)

        organizations = _parse_organizations(d.pop("organizations", UNSET))

        def _parse_valid_until(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_type_0 = datetime.date.fromisoformat(data)

                return valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_until = _parse_valid_until(d.pop("valid_until", UNSET))

        office_compliance = cls(
            additional_organizations_needed=additional_organizations_needed,
            completed=completed,
            counted=counted,
            country=country,
            excluded=excluded,
            meets=meets,
            name=name,
            office_id=office_id,
            shortfall=shortfall,
            hint=hint,
            organizations=organizations,
            valid_until=valid_until,
        )

        office_compliance.additional_properties = d
        return office_compliance

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
