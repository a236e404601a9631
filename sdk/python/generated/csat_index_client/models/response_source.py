# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from enum import StrEnum


class ResponseSource(StrEnum):
    IMPORT = "import"
    LIVE = "live"

    def __str__(self) -> str:
        return str(self.value)
