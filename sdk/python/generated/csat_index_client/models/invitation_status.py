# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from enum import StrEnum


class InvitationStatus(StrEnum):
    BOUNCED = "bounced"
    COMPLETED = "completed"
    EXPIRED = "expired"
    OPENED = "opened"
    PENDING = "pending"
    SENT = "sent"

    def __str__(self) -> str:
        return str(self.value)
