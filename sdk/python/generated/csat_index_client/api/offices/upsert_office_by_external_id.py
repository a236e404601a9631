# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_office import CreateOffice
from ...models.office import Office
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    membership_id: UUID,
    external_id: str,
    *,
    body: CreateOffice,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/memberships/{membership_id}/offices/by-external-id/{external_id}".format(
            membership_id=quote(str(membership_id), safe=""),
            external_id=quote(str(external_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Office | Problem | None:
    if response.status_code == 200:
        response_200 = Office.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = Office.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Office | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    membership_id: UUID,
    external_id: str,
    *,
    client: AuthenticatedClient,
    body: CreateOffice,
    if_match: str | Unset = UNSET,
) -> Response[Office | Problem]:
    """Create or replace an office by its external id

     Idempotent sync from the integrator's systems: with the full create body, creates the membership's
    office with the external id in the path (201 with `Location`) when there is none, else replaces its
    name, country and city (200). When nothing differs, nothing is written: 200 with the same `ETag`
    and `updated_at`. The body may repeat the path's `external_id` but not contradict it (422).
    `If-Match` refuses a replace of another version with 412. The administrator, or the partner that
    owns the membership.

    Args:
        membership_id (UUID):
        external_id (str):
        if_match (str | Unset):
        body (CreateOffice): A new office. Example: {'city': 'Sofia', 'country': 'BG',
            'external_id': 'OFF-SOF-01', 'name': 'Northwind Sofia'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Office | Problem]
    """

    kwargs = _get_kwargs(
        membership_id=membership_id,
        external_id=external_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    membership_id: UUID,
    external_id: str,
    *,
    client: AuthenticatedClient,
    body: CreateOffice,
    if_match: str | Unset = UNSET,
) -> Office | Problem | None:
    """Create or replace an office by its external id

     Idempotent sync from the integrator's systems: with the full create body, creates the membership's
    office with the external id in the path (201 with `Location`) when there is none, else replaces its
    name, country and city (200). When nothing differs, nothing is written: 200 with the same `ETag`
    and `updated_at`. The body may repeat the path's `external_id` but not contradict it (422).
    `If-Match` refuses a replace of another version with 412. The administrator, or the partner that
    owns the membership.

    Args:
        membership_id (UUID):
        external_id (str):
        if_match (str | Unset):
        body (CreateOffice): A new office. Example: {'city': 'Sofia', 'country': 'BG',
            'external_id': 'OFF-SOF-01', 'name': 'Northwind Sofia'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Office | Problem
    """

    return sync_detailed(
        membership_id=membership_id,
        external_id=external_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    membership_id: UUID,
    external_id: str,
    *,
    client: AuthenticatedClient,
    body: CreateOffice,
    if_match: str | Unset = UNSET,
) -> Response[Office | Problem]:
    """Create or replace an office by its external id

     Idempotent sync from the integrator's systems: with the full create body, creates the membership's
    office with the external id in the path (201 with `Location`) when there is none, else replaces its
    name, country and city (200). When nothing differs, nothing is written: 200 with the same `ETag`
    and `updated_at`. The body may repeat the path's `external_id` but not contradict it (422).
    `If-Match` refuses a replace of another version with 412. The administrator, or the partner that
    owns the membership.

    Args:
        membership_id (UUID):
        external_id (str):
        if_match (str | Unset):
        body (CreateOffice): A new office. Example: {'city': 'Sofia', 'country': 'BG',
            'external_id': 'OFF-SOF-01', 'name': 'Northwind Sofia'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Office | Problem]
    """

    kwargs = _get_kwargs(
        membership_id=membership_id,
        external_id=external_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    membership_id: UUID,
    external_id: str,
    *,
    client: AuthenticatedClient,
    body: CreateOffice,
    if_match: str | Unset = UNSET,
) -> Office | Problem | None:
    """Create or replace an office by its external id

     Idempotent sync from the integrator's systems: with the full create body, creates the membership's
    office with the external id in the path (201 with `Location`) when there is none, else replaces its
    name, country and city (200). When nothing differs, nothing is written: 200 with the same `ETag`
    and `updated_at`. The body may repeat the path's `external_id` but not contradict it (422).
    `If-Match` refuses a replace of another version with 412. The administrator, or the partner that
    owns the membership.

    Args:
        membership_id (UUID):
        external_id (str):
        if_match (str | Unset):
        body (CreateOffice): A new office. Example: {'city': 'Sofia', 'country': 'BG',
            'external_id': 'OFF-SOF-01', 'name': 'Northwind Sofia'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Office | Problem
    """

    return (
        await asyncio_detailed(
            membership_id=membership_id,
            external_id=external_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
