# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_partner import CreatePartner
from ...models.partner import Partner
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    external_id: str,
    *,
    body: CreatePartner,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/partners/by-external-id/{external_id}".format(
            external_id=quote(str(external_id), safe=""),
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

    if response.status_code == 201:
        response_201 = Partner.from_dict(response.json())

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
    external_id: str,
    *,
    client: AuthenticatedClient,
    body: CreatePartner,
    if_match: str | Unset = UNSET,
) -> Response[Partner | Problem]:
    """Create or replace a partner by its external key

     Idempotent sync from the vendor's own systems: with the full create body, creates the partner
    whose `external_key` is the one in the path (201 with `Location`) when there is none, else
    replaces its name and email domains (200). When nothing differs, nothing is written: 200 with the
    same `ETag` and `updated_at`. The body's `external_key` must equal the path's (422 otherwise).
    `If-Match` refuses a replace of another version with 412. Administrator only.

    Args:
        external_id (str):
        if_match (str | Unset):
        body (CreatePartner): A new partner. Example: {'email_domains': ['northwind.example'],
            'external_key': 'PN-4711', 'name': 'Northwind Consulting'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Partner | Problem]
    """

    kwargs = _get_kwargs(
        external_id=external_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    external_id: str,
    *,
    client: AuthenticatedClient,
    body: CreatePartner,
    if_match: str | Unset = UNSET,
) -> Partner | Problem | None:
    """Create or replace a partner by its external key

     Idempotent sync from the vendor's own systems: with the full create body, creates the partner
    whose `external_key` is the one in the path (201 with `Location`) when there is none, else
    replaces its name and email domains (200). When nothing differs, nothing is written: 200 with the
    same `ETag` and `updated_at`. The body's `external_key` must equal the path's (422 otherwise).
    `If-Match` refuses a replace of another version with 412. Administrator only.

    Args:
        external_id (str):
        if_match (str | Unset):
        body (CreatePartner): A new partner. Example: {'email_domains': ['northwind.example'],
            'external_key': 'PN-4711', 'name': 'Northwind Consulting'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Partner | Problem
    """

    return sync_detailed(
        external_id=external_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    external_id: str,
    *,
    client: AuthenticatedClient,
    body: CreatePartner,
    if_match: str | Unset = UNSET,
) -> Response[Partner | Problem]:
    """Create or replace a partner by its external key

     Idempotent sync from the vendor's own systems: with the full create body, creates the partner
    whose `external_key` is the one in the path (201 with `Location`) when there is none, else
    replaces its name and email domains (200). When nothing differs, nothing is written: 200 with the
    same `ETag` and `updated_at`. The body's `external_key` must equal the path's (422 otherwise).
    `If-Match` refuses a replace of another version with 412. Administrator only.

    Args:
        external_id (str):
        if_match (str | Unset):
        body (CreatePartner): A new partner. Example: {'email_domains': ['northwind.example'],
            'external_key': 'PN-4711', 'name': 'Northwind Consulting'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Partner | Problem]
    """

    kwargs = _get_kwargs(
        external_id=external_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    external_id: str,
    *,
    client: AuthenticatedClient,
    body: CreatePartner,
    if_match: str | Unset = UNSET,
) -> Partner | Problem | None:
    """Create or replace a partner by its external key

     Idempotent sync from the vendor's own systems: with the full create body, creates the partner
    whose `external_key` is the one in the path (201 with `Location`) when there is none, else
    replaces its name and email domains (200). When nothing differs, nothing is written: 200 with the
    same `ETag` and `updated_at`. The body's `external_key` must equal the path's (422 otherwise).
    `If-Match` refuses a replace of another version with 412. Administrator only.

    Args:
        external_id (str):
        if_match (str | Unset):
        body (CreatePartner): A new partner. Example: {'email_domains': ['northwind.example'],
            'external_key': 'PN-4711', 'name': 'Northwind Consulting'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Partner | Problem
    """

    return (
        await asyncio_detailed(
            external_id=external_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
