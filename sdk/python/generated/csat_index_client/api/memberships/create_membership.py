# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_membership import CreateMembership
from ...models.membership import Membership
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    partner_id: UUID,
    *,
    body: CreateMembership,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/partners/{partner_id}/memberships".format(
            partner_id=quote(str(partner_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Membership | Problem | None:
    if response.status_code == 201:
        response_201 = Membership.from_dict(response.json())

        return response_201

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
) -> Response[Membership | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    partner_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CreateMembership,
    idempotency_key: str | Unset = UNSET,
) -> Response[Membership | Problem]:
    """Create a membership

     Registers a program membership (e.g. a partner-network id) for the partner, with the date it renews.
    The membership number is unique program-wide. Administrator only.

    Args:
        partner_id (UUID):
        idempotency_key (str | Unset):
        body (CreateMembership): A new membership. Example: {'external_id': 'a0B5g00000XyZ1',
            'membership_number': 'MPN-1234567', 'renewal_date': '2027-06-30'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Membership | Problem]
    """

    kwargs = _get_kwargs(
        partner_id=partner_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    partner_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CreateMembership,
    idempotency_key: str | Unset = UNSET,
) -> Membership | Problem | None:
    """Create a membership

     Registers a program membership (e.g. a partner-network id) for the partner, with the date it renews.
    The membership number is unique program-wide. Administrator only.

    Args:
        partner_id (UUID):
        idempotency_key (str | Unset):
        body (CreateMembership): A new membership. Example: {'external_id': 'a0B5g00000XyZ1',
            'membership_number': 'MPN-1234567', 'renewal_date': '2027-06-30'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Membership | Problem
    """

    return sync_detailed(
        partner_id=partner_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    partner_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CreateMembership,
    idempotency_key: str | Unset = UNSET,
) -> Response[Membership | Problem]:
    """Create a membership

     Registers a program membership (e.g. a partner-network id) for the partner, with the date it renews.
    The membership number is unique program-wide. Administrator only.

    Args:
        partner_id (UUID):
        idempotency_key (str | Unset):
        body (CreateMembership): A new membership. Example: {'external_id': 'a0B5g00000XyZ1',
            'membership_number': 'MPN-1234567', 'renewal_date': '2027-06-30'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Membership | Problem]
    """

    kwargs = _get_kwargs(
        partner_id=partner_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    partner_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CreateMembership,
    idempotency_key: str | Unset = UNSET,
) -> Membership | Problem | None:
    """Create a membership

     Registers a program membership (e.g. a partner-network id) for the partner, with the date it renews.
    The membership number is unique program-wide. Administrator only.

    Args:
        partner_id (UUID):
        idempotency_key (str | Unset):
        body (CreateMembership): A new membership. Example: {'external_id': 'a0B5g00000XyZ1',
            'membership_number': 'MPN-1234567', 'renewal_date': '2027-06-30'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Membership | Problem
    """

    return (
        await asyncio_detailed(
            partner_id=partner_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
