# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metrics import Metrics


T = TypeVar("T", bound="Cell")


@_attrs_define
class Cell:
    """One cell of an aggregate table."""

    suppressed: bool
    """ Hidden by disclosure control: too few responses or memberships, one partner's share too large, or
    it could be subtracted from another shown figure to isolate too few responses. """
    metrics: Metrics | None | Unset = UNSET
    """ The metrics; `null` when suppressed. """
    responses: int | None | Unset = UNSET
    """ Responses behind it; `null` when suppressed. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.metrics import Metrics  # noqa: PLC0415

        suppressed = self.suppressed

        metrics: dict[str, Any] | None | Unset
        if isinstance(self.metrics, Unset):
            metrics = UNSET
        elif isinstance(self.metrics, Metrics):
            metrics = self.metrics.to_dict()
        else:
            metrics = self.metrics

        responses: int | None | Unset
        if isinstance(self.responses, Unset):
            responses = UNSET
        else:
            responses = self.responses

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "suppressed": suppressed,
            }
        )
        if metrics is not UNSET:
            field_dict["metrics"] = metrics
        if responses is not UNSET:
            field_dict["responses"] = responses

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.metrics import Metrics  # noqa: PLC0415

        d = dict(src_dict)
        suppressed = d.pop("suppressed")

        def _parse_metrics(data: object) -> Metrics | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metrics_type_1 = Metrics.from_dict(data)

                return metrics_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Metrics | None | Unset, data)

        metrics = _parse_metrics(d.pop("metrics", UNSET))

        def _parse_responses(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        responses = _parse_responses(d.pop("responses", UNSET))

        cell = cls(
            suppressed=suppressed,
            metrics=metrics,
            responses=responses,
        )

        cell.additional_properties = d
        return cell

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
