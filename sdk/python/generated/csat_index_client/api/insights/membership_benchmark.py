# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.membership_benchmark import MembershipBenchmark
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    membership_id: UUID,
    *,
    year: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["year"] = year

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/memberships/{membership_id}/benchmark".format(
            membership_id=quote(str(membership_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MembershipBenchmark | Problem | None:
    if response.status_code == 200:
        response_200 = MembershipBenchmark.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[MembershipBenchmark | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    membership_id: UUID,
    *,
    client: AuthenticatedClient,
    year: int | Unset = UNSET,
) -> Response[MembershipBenchmark | Problem]:
    """Get a membership's benchmark

     The membership's NSAT and NPS over a published year to date and its percentile rank in the program
    and in each country of its responses, among memberships whose published cell is shown. The partner
    (its own) and the administrator see its score even when its cell is suppressed; the vendor sees a
    score only from a shown cell with at least the anonymity threshold of answers.

    Args:
        membership_id (UUID):
        year (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MembershipBenchmark | Problem]
    """

    kwargs = _get_kwargs(
        membership_id=membership_id,
        year=year,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    membership_id: UUID,
    *,
    client: AuthenticatedClient,
    year: int | Unset = UNSET,
) -> MembershipBenchmark | Problem | None:
    """Get a membership's benchmark

     The membership's NSAT and NPS over a published year to date and its percentile rank in the program
    and in each country of its responses, among memberships whose published cell is shown. The partner
    (its own) and the administrator see its score even when its cell is suppressed; the vendor sees a
    score only from a shown cell with at least the anonymity threshold of answers.

    Args:
        membership_id (UUID):
        year (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MembershipBenchmark | Problem
    """

    return sync_detailed(
        membership_id=membership_id,
        client=client,
        year=year,
    ).parsed


async def asyncio_detailed(
    membership_id: UUID,
    *,
    client: AuthenticatedClient,
    year: int | Unset = UNSET,
) -> Response[MembershipBenchmark | Problem]:
    """Get a membership's benchmark

     The membership's NSAT and NPS over a published year to date and its percentile rank in the program
    and in each country of its responses, among memberships whose published cell is shown. The partner
    (its own) and the administrator see its score even when its cell is suppressed; the vendor sees a
    score only from a shown cell with at least the anonymity threshold of answers.

    Args:
        membership_id (UUID):
        year (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MembershipBenchmark | Problem]
    """

    kwargs = _get_kwargs(
        membership_id=membership_id,
        year=year,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    membership_id: UUID,
    *,
    client: AuthenticatedClient,
    year: int | Unset = UNSET,
) -> MembershipBenchmark | Problem | None:
    """Get a membership's benchmark

     The membership's NSAT and NPS over a published year to date and its percentile rank in the program
    and in each country of its responses, among memberships whose published cell is shown. The partner
    (its own) and the administrator see its score even when its cell is suppressed; the vendor sees a
    score only from a shown cell with at least the anonymity threshold of answers.

    Args:
        membership_id (UUID):
        year (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MembershipBenchmark | Problem
    """

    return (
        await asyncio_detailed(
            membership_id=membership_id,
            client=client,
            year=year,
        )
    ).parsed
