# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.benchmarks import Benchmarks
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    year: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["year"] = year

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/program/benchmarks",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Benchmarks | Problem | None:
    if response.status_code == 200:
        response_200 = Benchmarks.from_dict(response.json())

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
) -> Response[Benchmarks | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    year: int | Unset = UNSET,
) -> Response[Benchmarks | Problem]:
    """Get program benchmarks

     How NSAT and NPS are spread across memberships (program-wide and per country of their responses)
    over
    a published year to date. Only memberships whose published cell is shown (see *Get program metrics
    by country and quarter* for the disclosure rules) and that have at least the anonymity threshold of
    answers are included; a distribution over fewer memberships than the threshold is suppressed.
    Figures
    change only when a quarter is published or restated.

    Args:
        year (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Benchmarks | Problem]
    """

    kwargs = _get_kwargs(
        year=year,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    year: int | Unset = UNSET,
) -> Benchmarks | Problem | None:
    """Get program benchmarks

     How NSAT and NPS are spread across memberships (program-wide and per country of their responses)
    over
    a published year to date. Only memberships whose published cell is shown (see *Get program metrics
    by country and quarter* for the disclosure rules) and that have at least the anonymity threshold of
    answers are included; a distribution over fewer memberships than the threshold is suppressed.
    Figures
    change only when a quarter is published or restated.

    Args:
        year (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Benchmarks | Problem
    """

    return sync_detailed(
        client=client,
        year=year,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    year: int | Unset = UNSET,
) -> Response[Benchmarks | Problem]:
    """Get program benchmarks

     How NSAT and NPS are spread across memberships (program-wide and per country of their responses)
    over
    a published year to date. Only memberships whose published cell is shown (see *Get program metrics
    by country and quarter* for the disclosure rules) and that have at least the anonymity threshold of
    answers are included; a distribution over fewer memberships than the threshold is suppressed.
    Figures
    change only when a quarter is published or restated.

    Args:
        year (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Benchmarks | Problem]
    """

    kwargs = _get_kwargs(
        year=year,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    year: int | Unset = UNSET,
) -> Benchmarks | Problem | None:
    """Get program benchmarks

     How NSAT and NPS are spread across memberships (program-wide and per country of their responses)
    over
    a published year to date. Only memberships whose published cell is shown (see *Get program metrics
    by country and quarter* for the disclosure rules) and that have at least the anonymity threshold of
    answers are included; a distribution over fewer memberships than the threshold is suppressed.
    Figures
    change only when a quarter is published or restated.

    Args:
        year (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Benchmarks | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            year=year,
        )
    ).parsed
