# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.import_row import ImportRow


T = TypeVar("T", bound="ImportResult")


@_attrs_define
class ImportResult:
    """The outcome of an import, per row and in total."""

    created: int
    """ Rows stored as new contacts. """
    duplicate: int
    """ Rows refused as duplicates. """
    invalid: int
    """ Rows refused as invalid. """
    rows: list[ImportRow]
    """ One entry per submitted row, in order. """
    unchanged: int
    """ Rows with an `external_id` whose contact already was as the row. """
    updated: int
    """ Rows with an `external_id` that changed the office's contact with it. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created = self.created

        duplicate = self.duplicate

        invalid = self.invalid

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        unchanged = self.unchanged

        updated = self.updated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created": created,
                "duplicate": duplicate,
                "invalid": invalid,
                "rows": rows,
                "unchanged": unchanged,
                "updated": updated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_row import ImportRow  # noqa: PLC0415

        d = dict(src_dict)
        created = d.pop("created")

        duplicate = d.pop("duplicate")

        invalid = d.pop("invalid")

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = ImportRow.from_dict(rows_item_data)

            rows.append(rows_item)

        unchanged = d.pop("unchanged")

        updated = d.pop("updated")

        import_result = cls(
            created=created,
            duplicate=duplicate,
            invalid=invalid,
            rows=rows,
            unchanged=unchanged,
            updated=updated,
        )

        import_result.additional_properties = d
        return import_result

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
