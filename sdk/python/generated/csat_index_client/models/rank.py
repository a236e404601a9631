# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.country_rank import CountryRank
    from ..models.score import Score


T = TypeVar("T", bound="Rank")


@_attrs_define
class Rank:
    """A membership's rank in one metric."""

    countries: list[CountryRank]
    """ Its percentile rank per country of its offices (only where the country has enough memberships). """
    program_percentile: float | None | Unset = UNSET
    """ Its percentile rank among program memberships with enough answers, 0–100. """
    score: None | Score | Unset = UNSET
    """ The membership's score; for the vendor `null` unless its published cell is shown and it has at least
    the threshold of answers. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.score import Score  # noqa: PLC0415

        countries = []
        for countries_item_data in self.countries:
            countries_item = countries_item_data.to_dict()
            countries.append(countries_item)

        program_percentile: float | None | Unset
        if isinstance(self.program_percentile, Unset):
            program_percentile = UNSET
        else:
            program_percentile = self.program_percentile

        score: dict[str, Any] | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        elif isinstance(self.score, Score):
            score = self.score.to_dict()
        else:
            score = self.score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "countries": countries,
            }
        )
        if program_percentile is not UNSET:
            field_dict["program_percentile"] = program_percentile
        if score is not UNSET:
            field_dict["score"] = score

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.country_rank import CountryRank  # noqa: PLC0415
        from ..models.score import Score  # noqa: PLC0415

        d = dict(src_dict)
        countries = []
        _countries = d.pop("countries")
        for countries_item_data in _countries:
            countries_item = CountryRank.from_dict(countries_item_data)

            countries.append(countries_item)

        def _parse_program_percentile(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        program_percentile = _parse_program_percentile(d.pop("program_percentile", UNSET))

        def _parse_score(data: object) -> None | Score | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                score_type_1 = Score.from_dict(data)

                return score_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Score | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        rank = cls(
            countries=countries,
            program_percentile=program_percentile,
            score=score,
        )

        rank.additional_properties = d
        return rank

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
