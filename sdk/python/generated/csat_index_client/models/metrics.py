# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.score import Score


T = TypeVar("T", bound="Metrics")


@_attrs_define
class Metrics:
    """All standard metrics of a set of responses."""

    ces: None | Score | Unset = UNSET
    """ Mean customer effort, 1–7 (lower is better). """
    ces_easy: None | Score | Unset = UNSET
    """ Share of easy effort answers (1–3), %. """
    csat: None | Score | Unset = UNSET
    """ Satisfied share, %. """
    nps: None | Score | Unset = UNSET
    """ Net promoter score, −100–100. """
    nsat: None | Score | Unset = UNSET
    """ Net satisfaction, 0–200. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.score import Score  # noqa: PLC0415

        ces: dict[str, Any] | None | Unset
        if isinstance(self.ces, Unset):
            ces = UNSET
        elif isinstance(self.ces, Score):
            ces = self.ces.to_dict()
        else:
            ces = self.ces

        ces_easy: dict[str, Any] | None | Unset
        if isinstance(self.ces_easy, Unset):
            ces_easy = UNSET
        elif isinstance(self.ces_easy, Score):
            ces_easy = self.ces_easy.to_dict()
        else:
            ces_easy = self.ces_easy

        csat: dict[str, Any] | None | Unset
        if isinstance(self.csat, Unset):
            csat = UNSET
        elif isinstance(self.csat, Score):
            csat = self.csat.to_dict()
        else:
            csat = self.csat

        nps: dict[str, Any] | None | Unset
        if isinstance(self.nps, Unset):
            nps = UNSET
        elif isinstance(self.nps, Score):
            nps = self.nps.to_dict()
        else:
            nps = self.nps

        nsat: dict[str, Any] | None | Unset
        if isinstance(self.nsat, Unset):
            nsat = UNSET
        elif isinstance(self.nsat, Score):
            nsat = self.nsat.to_dict()
        else:
            nsat = self.nsat

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if ces is not UNSET:
            field_dict["ces"] = ces
        if ces_easy is not UNSET:
            field_dict["ces_easy"] = ces_easy
        if csat is not UNSET:
            field_dict["csat"] = csat
        if nps is not UNSET:
            field_dict["nps"] = nps
        if nsat is not UNSET:
            field_dict["nsat"] = nsat

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.score import Score  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_ces(data: object) -> None | Score | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ces_type_1 = Score.from_dict(data)

                return ces_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Score | Unset, data)

        ces = _parse_ces(d.pop("ces", UNSET))

        def _parse_ces_easy(data: object) -> None | Score | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ces_easy_type_1 = Score.from_dict(data)

                return ces_easy_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Score | Unset, data)

        ces_easy = _parse_ces_easy(d.pop("ces_easy", UNSET))

        def _parse_csat(data: object) -> None | Score | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                csat_type_1 = Score.from_dict(data)

                return csat_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Score | Unset, data)

        csat = _parse_csat(d.pop("csat", UNSET))

        def _parse_nps(data: object) -> None | Score | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                nps_type_1 = Score.from_dict(data)

                return nps_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Score | Unset, data)

        nps = _parse_nps(d.pop("nps", UNSET))

        def _parse_nsat(data: object) -> None | Score | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                nsat_type_1 = Score.from_dict(data)

                return nsat_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Score | Unset, data)

        nsat = _parse_nsat(d.pop("nsat", UNSET))

        metrics = cls(
            ces=ces,
            ces_easy=ces_easy,
            csat=csat,
            nps=nps,
            nsat=nsat,
        )

        metrics.additional_properties = d
        return metrics

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
