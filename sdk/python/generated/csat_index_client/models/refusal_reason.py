# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from enum import StrEnum


class RefusalReason(StrEnum):
    DUPLICATE = "duplicate"
    ERASED = "erased"
    NOT_FOUND = "not_found"
    NO_CONSENT = "no_consent"
    OTHER_OFFICE = "other_office"
    TOO_RECENT = "too_recent"

    def __str__(self) -> str:
        return str(self.value)
