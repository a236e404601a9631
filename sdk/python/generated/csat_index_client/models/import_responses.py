# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.imported_response import ImportedResponse


T = TypeVar("T", bound="ImportResponses")


@_attrs_define
class ImportResponses:
    """Historical responses to import, 1–1000.

    Example:
        {'responses': [{'answers': {'00000000-0000-7000-8000-000000000001': 'somewhat_satisfied',
            '00000000-0000-7000-8000-000000000002': 8, '00000000-0000-7000-8000-000000000003': 3}, 'completed_at':
            '2025-11-20T10:15:00Z', 'locale': 'en', 'organization': 'Contoso Ltd'}]}

    """

    responses: list[ImportedResponse]
    """ The responses; each row is validated on its own. """

    def to_dict(self) -> dict[str, Any]:
        responses = []
        for responses_item_data in self.responses:
            responses_item = responses_item_data.to_dict()
            responses.append(responses_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "responses": responses,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.imported_response import ImportedResponse  # noqa: PLC0415

        d = dict(src_dict)
        responses = []
        _responses = d.pop("responses")
        for responses_item_data in _responses:
            responses_item = ImportedResponse.from_dict(responses_item_data)

            responses.append(responses_item)

        import_responses = cls(
            responses=responses,
        )

        return import_responses
