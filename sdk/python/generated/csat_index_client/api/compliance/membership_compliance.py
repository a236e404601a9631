# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.membership_compliance import MembershipCompliance
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    membership_id: UUID,
    *,
    as_of: datetime.date | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_as_of: str | Unset = UNSET
    if not isinstance(as_of, Unset):
        json_as_of = as_of.isoformat()
    params["as_of"] = json_as_of

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/memberships/{membership_id}/compliance".format(
            membership_id=quote(str(membership_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MembershipCompliance | Problem | None:
    if response.status_code == 200:
        response_200 = MembershipCompliance.from_dict(response.json())

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
) -> Response[MembershipCompliance | Problem]:
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
    as_of: datetime.date | Unset = UNSET,
) -> Response[MembershipCompliance | Problem]:
    """Get a membership's compliance

     Per office: completed, counted, excluded with the reason, whether it meets the rule, the shortfall
    and the
    fewest additional customer organizations that could close it, and until when it stays valid. The
    partner
    sees its own memberships; the administrator and the vendor see all (the vendor without per-
    organization figures).

    Args:
        membership_id (UUID):
        as_of (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MembershipCompliance | Problem]
    """

    kwargs = _get_kwargs(
        membership_id=membership_id,
        as_of=as_of,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    membership_id: UUID,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | Unset = UNSET,
) -> MembershipCompliance | Problem | None:
    """Get a membership's compliance

     Per office: completed, counted, excluded with the reason, whether it meets the rule, the shortfall
    and the
    fewest additional customer organizations that could close it, and until when it stays valid. The
    partner
    sees its own memberships; the administrator and the vendor see all (the vendor without per-
    organization figures).

    Args:
        membership_id (UUID):
        as_of (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MembershipCompliance | Problem
    """

    return sync_detailed(
        membership_id=membership_id,
        client=client,
        as_of=as_of,
    ).parsed


async def asyncio_detailed(
    membership_id: UUID,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | Unset = UNSET,
) -> Response[MembershipCompliance | Problem]:
    """Get a membership's compliance

     Per office: completed, counted, excluded with the reason, whether it meets the rule, the shortfall
    and the
    fewest additional customer organizations that could close it, and until when it stays valid. The
    partner
    sees its own memberships; the administrator and the vendor see all (the vendor without per-
    organization figures).

    Args:
        membership_id (UUID):
        as_of (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MembershipCompliance | Problem]
    """

    kwargs = _get_kwargs(
        membership_id=membership_id,
        as_of=as_of,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    membership_id: UUID,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | Unset = UNSET,
) -> MembershipCompliance | Problem | None:
    """Get a membership's compliance

     Per office: completed, counted, excluded with the reason, whether it meets the rule, the shortfall
    and the
    fewest additional customer organizations that could close it, and until when it stays valid. The
    partner
    sees its own memberships; the administrator and the vendor see all (the vendor without per-
    organization figures).

    Args:
        membership_id (UUID):
        as_of (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MembershipCompliance | Problem
    """

    return (
        await asyncio_detailed(
            membership_id=membership_id,
            client=client,
            as_of=as_of,
        )
    ).parsed
