# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.imported_row import ImportedRow


T = TypeVar("T", bound="ResponseImportResult")


@_attrs_define
class ResponseImportResult:
    """The outcome of an import."""

    created: int
    """ Rows stored. """
    invalid: int
    """ Rows refused. """
    rows: list[ImportedRow]
    """ One entry per row, in order. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created = self.created

        invalid = self.invalid

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created": created,
                "invalid": invalid,
                "rows": rows,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.imported_row import ImportedRow  # noqa: PLC0415

        d = dict(src_dict)
        created = d.pop("created")

        invalid = d.pop("invalid")

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = ImportedRow.from_dict(rows_item_data)

            rows.append(rows_item)

        response_import_result = cls(
            created=created,
            invalid=invalid,
            rows=rows,
        )

        response_import_result.additional_properties = d
        return response_import_result

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
