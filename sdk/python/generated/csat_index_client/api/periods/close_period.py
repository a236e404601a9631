# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.closed_period import ClosedPeriod
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    period_id: str,
    *,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/periods/{period_id}/close".format(
            period_id=quote(str(period_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ClosedPeriod | Problem | None:
    if response.status_code == 200:
        response_200 = ClosedPeriod.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[ClosedPeriod | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    period_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[ClosedPeriod | Problem]:
    """Close a reporting period

     Administrator only. Stores every membership's compliance as of the period's last day; later
    erasures,
    voids or imports never change it. Only an ended period can be closed, once (409 otherwise).

    Each calendar quarter that ends in the period is published with it: its answers are frozen as they
    stand, and disclosure control decides which cells of the quarter and of the year to date it
    completes are shown (see *Get program metrics by country and quarter*).

    Args:
        period_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClosedPeriod | Problem]
    """

    kwargs = _get_kwargs(
        period_id=period_id,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    period_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> ClosedPeriod | Problem | None:
    """Close a reporting period

     Administrator only. Stores every membership's compliance as of the period's last day; later
    erasures,
    voids or imports never change it. Only an ended period can be closed, once (409 otherwise).

    Each calendar quarter that ends in the period is published with it: its answers are frozen as they
    stand, and disclosure control decides which cells of the quarter and of the year to date it
    completes are shown (see *Get program metrics by country and quarter*).

    Args:
        period_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClosedPeriod | Problem
    """

    return sync_detailed(
        period_id=period_id,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    period_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[ClosedPeriod | Problem]:
    """Close a reporting period

     Administrator only. Stores every membership's compliance as of the period's last day; later
    erasures,
    voids or imports never change it. Only an ended period can be closed, once (409 otherwise).

    Each calendar quarter that ends in the period is published with it: its answers are frozen as they
    stand, and disclosure control decides which cells of the quarter and of the year to date it
    completes are shown (see *Get program metrics by country and quarter*).

    Args:
        period_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClosedPeriod | Problem]
    """

    kwargs = _get_kwargs(
        period_id=period_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    period_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> ClosedPeriod | Problem | None:
    """Close a reporting period

     Administrator only. Stores every membership's compliance as of the period's last day; later
    erasures,
    voids or imports never change it. Only an ended period can be closed, once (409 otherwise).

    Each calendar quarter that ends in the period is published with it: its answers are frozen as they
    stand, and disclosure control decides which cells of the quarter and of the year to date it
    completes are shown (see *Get program metrics by country and quarter*).

    Args:
        period_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClosedPeriod | Problem
    """

    return (
        await asyncio_detailed(
            period_id=period_id,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
