# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from enum import StrEnum


class QuestionKind(StrEnum):
    MULTI_CHOICE = "multi_choice"
    NPS = "nps"
    RATING = "rating"
    SINGLE_CHOICE = "single_choice"
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)
