# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from enum import StrEnum


class EventType(StrEnum):
    INVITATION_DELIVERY_FAILED = "invitation.delivery_failed"
    MEMBERSHIP_COMPLIANCE_CHANGED = "membership.compliance_changed"
    REPORTING_PERIOD_CLOSED = "reporting_period.closed"
    RESPONSE_COMPLETED = "response.completed"
    RESPONSE_VOIDED = "response.voided"

    def __str__(self) -> str:
        return str(self.value)
