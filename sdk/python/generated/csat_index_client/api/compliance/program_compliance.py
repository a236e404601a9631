# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.compliance_status import ComplianceStatus
from ...models.membership_status_page import MembershipStatusPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    as_of: datetime.date | Unset = UNSET,
    status: ComplianceStatus | Unset = UNSET,
    country: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_as_of: str | Unset = UNSET
    if not isinstance(as_of, Unset):
        json_as_of = as_of.isoformat()
    params["as_of"] = json_as_of

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["country"] = country

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/program/compliance",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MembershipStatusPage | Problem | None:
    if response.status_code == 200:
        response_200 = MembershipStatusPage.from_dict(response.json())

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
) -> Response[MembershipStatusPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | Unset = UNSET,
    status: ComplianceStatus | Unset = UNSET,
    country: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[MembershipStatusPage | Problem]:
    """List every membership's compliance

     Program-wide, for the administrator and the vendor: status and the best office's count per
    membership,
    filtered by status and country, cursor-paginated. No per-organization figures.

    Args:
        as_of (datetime.date | Unset):
        status (ComplianceStatus | Unset): Whether the rule is met.
        country (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MembershipStatusPage | Problem]
    """

    kwargs = _get_kwargs(
        as_of=as_of,
        status=status,
        country=country,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | Unset = UNSET,
    status: ComplianceStatus | Unset = UNSET,
    country: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> MembershipStatusPage | Problem | None:
    """List every membership's compliance

     Program-wide, for the administrator and the vendor: status and the best office's count per
    membership,
    filtered by status and country, cursor-paginated. No per-organization figures.

    Args:
        as_of (datetime.date | Unset):
        status (ComplianceStatus | Unset): Whether the rule is met.
        country (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MembershipStatusPage | Problem
    """

    return sync_detailed(
        client=client,
        as_of=as_of,
        status=status,
        country=country,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | Unset = UNSET,
    status: ComplianceStatus | Unset = UNSET,
    country: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[MembershipStatusPage | Problem]:
    """List every membership's compliance

     Program-wide, for the administrator and the vendor: status and the best office's count per
    membership,
    filtered by status and country, cursor-paginated. No per-organization figures.

    Args:
        as_of (datetime.date | Unset):
        status (ComplianceStatus | Unset): Whether the rule is met.
        country (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MembershipStatusPage | Problem]
    """

    kwargs = _get_kwargs(
        as_of=as_of,
        status=status,
        country=country,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | Unset = UNSET,
    status: ComplianceStatus | Unset = UNSET,
    country: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> MembershipStatusPage | Problem | None:
    """List every membership's compliance

     Program-wide, for the administrator and the vendor: status and the best office's count per
    membership,
    filtered by status and country, cursor-paginated. No per-organization figures.

    Args:
        as_of (datetime.date | Unset):
        status (ComplianceStatus | Unset): Whether the rule is met.
        country (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MembershipStatusPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            as_of=as_of,
            status=status,
            country=country,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
