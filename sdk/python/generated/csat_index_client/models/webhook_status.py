# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from enum import StrEnum


class WebhookStatus(StrEnum):
    ACTIVE = "active"
    FAILING = "failing"
    PAUSED = "paused"

    def __str__(self) -> str:
        return str(self.value)
