# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.compliance_status import ComplianceStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.office_compliance import OfficeCompliance
    from ..models.rule_summary import RuleSummary


T = TypeVar("T", bound="MembershipCompliance")


@_attrs_define
class MembershipCompliance:
    """A membership's compliance, explained."""

    as_of: datetime.date
    """ The day it is judged on. """
    membership_id: UUID
    """ The membership. """
    offices: list[OfficeCompliance]
    """ Every office. """
    rules: RuleSummary
    """ The rule applied. """
    status: ComplianceStatus
    """ Whether the rule is met. """
    window_from: datetime.date
    """ First day of the window. """
    window_to: datetime.date
    """ Last day of the window (`as_of`). """
    valid_until: datetime.date | None | Unset = UNSET
    """ The last day the membership stays met if no response is added. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        membership_id = str(self.membership_id)

        offices = []
        for offices_item_data in self.offices:
            offices_item = offices_item_data.to_dict()
            offices.append(offices_item)

        rules = self.rules.to_dict()

        status = self.status.value

        window_from = self.window_from.isoformat()

        window_to = self.window_to.isoformat()

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
                "as_of": as_of,
                "membership_id": membership_id,
                "offices": offices,
                "rules": rules,
                "status": status,
                "window_from": window_from,
                "window_to": window_to,
            }
        )
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.office_compliance import OfficeCompliance  # noqa: PLC0415
        from ..models.rule_summary import RuleSummary  # noqa: PLC0415

        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        membership_id = UUID(d.pop("membership_id"))

        offices = []
        _offices = d.pop("offices")
        for offices_item_data in _offices:
            offices_item = OfficeCompliance.from_dict(offices_item_data)

            offices.append(offices_item)

        rules = RuleSummary.from_dict(d.pop("rules"))

        status = ComplianceStatus(d.pop("status"))

        window_from = datetime.date.fromisoformat(d.pop("window_from"))

        window_to = datetime.date.fromisoformat(d.pop("window_to"))

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

        membership_compliance = cls(
            as_of=as_of,
            membership_id=membership_id,
            offices=offices,
            rules=rules,
            status=status,
            window_from=window_from,
            window_to=window_to,
            valid_until=valid_until,
        )

        membership_compliance.additional_properties = d
        return membership_compliance

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
