# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from enum import StrEnum


class ConsentMethod(StrEnum):
    CONTRACT = "contract"
    EMAIL = "email"
    OTHER = "other"
    PAPER = "paper"
    VERBAL = "verbal"
    WEB_FORM = "web_form"

    def __str__(self) -> str:
        return str(self.value)
