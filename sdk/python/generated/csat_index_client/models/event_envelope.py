# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.event_type import EventType

if TYPE_CHECKING:
    from ..models.invitation_delivery_failed import InvitationDeliveryFailed
    from ..models.membership_compliance_changed import MembershipComplianceChanged
    from ..models.reporting_period_closed import ReportingPeriodClosed
    from ..models.response_completed import ResponseCompleted
    from ..models.response_voided import ResponseVoided


T = TypeVar("T", bound="EventEnvelope")


@_attrs_define
class EventEnvelope:
    """One event, the same envelope in the change feed and in a webhook's body (Standard Webhooks: `type`,
    `timestamp`, `data`, plus `id` and `version`).

        Example:
            {'data': {'anonymous': False, 'completed_at': '2026-11-28T09:15:02.114000Z', 'invitation_id':
                '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5f', 'membership_id': '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5d', 'office_id':
                '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5c', 'partner_id': '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5e', 'response_id':
                '0c6f1a52-3e0b-4f7e-9a0d-5d8b7e2f1c33', 'survey_id': '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b'}, 'id':
                '5b0e9f3e-8d7c-4a55-9a1f-3f0c2a7d9e41', 'timestamp': '2026-11-28T09:15:02.114000Z', 'type':
                'response.completed', 'version': 1}

    """

    data: (
        InvitationDeliveryFailed
        | MembershipComplianceChanged
        | ReportingPeriodClosed
        | ResponseCompleted
        | ResponseVoided
    )
    """ An event's payload (`data`), one schema per type. """
    id: UUID
    """ The event's id: the same in every delivery of it and in the feed (deduplicate on it). """
    timestamp: datetime.datetime
    """ When it happened; for an anonymous response's completion, the start of that day. """
    type_: EventType
    """ The type of an event: a stable name, the same in webhooks and in the change feed. """
    version: int
    """ The schema version of `data` (1). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.invitation_delivery_failed import InvitationDeliveryFailed  # noqa: PLC0415
        from ..models.membership_compliance_changed import MembershipComplianceChanged  # noqa: PLC0415
        from ..models.response_completed import ResponseCompleted  # noqa: PLC0415
        from ..models.response_voided import ResponseVoided  # noqa: PLC0415

        data: dict[str, Any]
        if isinstance(self.data, ResponseCompleted):
            data = self.data.to_dict()
        elif isinstance(self.data, ResponseVoided):
            data = self.data.to_dict()
        elif isinstance(self.data, InvitationDeliveryFailed):
            data = self.data.to_dict()
        elif isinstance(self.data, MembershipComplianceChanged):
            data = self.data.to_dict()
        else:
            data = self.data.to_dict()

        id = str(self.id)

        timestamp = self.timestamp.isoformat()

        type_ = self.type_.value

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
                "id": id,
                "timestamp": timestamp,
                "type": type_,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.invitation_delivery_failed import InvitationDeliveryFailed  # noqa: PLC0415
        from ..models.membership_compliance_changed import MembershipComplianceChanged  # noqa: PLC0415
        from ..models.reporting_period_closed import ReportingPeriodClosed  # noqa: PLC0415
        from ..models.response_completed import ResponseCompleted  # noqa: PLC0415
        from ..models.response_voided import ResponseVoided  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_data(
            data: object,
        ) -> (
            InvitationDeliveryFailed
            | MembershipComplianceChanged
            | ReportingPeriodClosed
            | ResponseCompleted
            | ResponseVoided
        ):
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_event_data_type_0 = ResponseCompleted.from_dict(data)

                return componentsschemas_event_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_event_data_type_1 = ResponseVoided.from_dict(data)

                return componentsschemas_event_data_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_event_data_type_2 = InvitationDeliveryFailed.from_dict(data)

                return componentsschemas_event_data_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_event_data_type_3 = MembershipComplianceChanged.from_dict(data)

                return componentsschemas_event_data_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_event_data_type_4 = ReportingPeriodClosed.from_dict(data)

            return componentsschemas_event_data_type_4

        data = _parse_data(d.pop("data"))

        id = UUID(d.pop("id"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        type_ = EventType(d.pop("type"))

        version = d.pop("version")

        event_envelope = cls(
            data=data,
            id=id,
            timestamp=timestamp,
            type_=type_,
            version=version,
        )

        event_envelope.additional_properties = d
        return event_envelope

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
