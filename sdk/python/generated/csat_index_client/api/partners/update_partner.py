# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.partner import Partner
from ...models.problem import Problem
from ...models.update_partner import UpdatePartner
from ...types import UNSET, Response, Unset


def _get_kwargs(
    partner_id: UUID,
    *,
    body: UpdatePartner,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/partners/{partner_id}".format(
            partner_id=quote(str(partner_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Partner | Problem | None:
    if response.status_code == 200:
        response_200 = Partner.from_dict(response.json())

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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Partner | Problem]:
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
    body: UpdatePartner,
    if_match: str | Unset = UNSET,
) -> Response[Partner | Problem]:
    """Update a partner

     Administrator only. Send `If-Match` with the partner's `ETag` to refuse the change when someone else
    changed it first.

    Args:
        partner_id (UUID):
        if_match (str | Unset):
        body (UpdatePartner): Changes to a partner; omitted fields stay as they are. Example:
            {'email_domains': ['northwind.example', 'northwind-group.example'], 'name': 'Northwind
            Consulting Group'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Partner | Problem]
    """

    kwargs = _get_kwargs(
        partner_id=partner_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    partner_id: UUID,
    *,
    client: AuthenticatedClient,
    body: UpdatePartner,
    if_match: str | Unset = UNSET,
) -> Partner | Problem | None:
    """Update a partner

     Administrator only. Send `If-Match` with the partner's `ETag` to refuse the change when someone else
    changed it first.

    Args:
        partner_id (UUID):
        if_match (str | Unset):
        body (UpdatePartner): Changes to a partner; omitted fields stay as they are. Example:
            {'email_domains': ['northwind.example', 'northwind-group.example'], 'name': 'Northwind
            Consulting Group'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Partner | Problem
    """

    return sync_detailed(
        partner_id=partner_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    partner_id: UUID,
    *,
    client: AuthenticatedClient,
    body: UpdatePartner,
    if_match: str | Unset = UNSET,
) -> Response[Partner | Problem]:
    """Update a partner

     Administrator only. Send `If-Match` with the partner's `ETag` to refuse the change when someone else
    changed it first.

    Args:
        partner_id (UUID):
        if_match (str | Unset):
        body (UpdatePartner): Changes to a partner; omitted fields stay as they are. Example:
            {'email_domains': ['northwind.example', 'northwind-group.example'], 'name': 'Northwind
            Consulting Group'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Partner | Problem]
    """

    kwargs = _get_kwargs(
        partner_id=partner_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    partner_id: UUID,
    *,
    client: AuthenticatedClient,
    body: UpdatePartner,
    if_match: str | Unset = UNSET,
) -> Partner | Problem | None:
    """Update a partner

     Administrator only. Send `If-Match` with the partner's `ETag` to refuse the change when someone else
    changed it first.

    Args:
        partner_id (UUID):
        if_match (str | Unset):
        body (UpdatePartner): Changes to a partner; omitted fields stay as they are. Example:
            {'email_domains': ['northwind.example', 'northwind-group.example'], 'name': 'Northwind
            Consulting Group'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Partner | Problem
    """

    return (
        await asyncio_detailed(
            partner_id=partner_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
