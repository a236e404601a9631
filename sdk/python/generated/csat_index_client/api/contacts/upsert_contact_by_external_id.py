# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact import Contact
from ...models.create_contact import CreateContact
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    office_id: UUID,
    external_id: str,
    *,
    body: CreateContact,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/offices/{office_id}/contacts/by-external-id/{external_id}".format(
            office_id=quote(str(office_id), safe=""),
            external_id=quote(str(external_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Contact | Problem | None:
    if response.status_code == 200:
        response_200 = Contact.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = Contact.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Contact | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    office_id: UUID,
    external_id: str,
    *,
    client: AuthenticatedClient,
    body: CreateContact,
    if_match: str | Unset = UNSET,
) -> Response[Contact | Problem]:
    """Create or replace a contact by its external id

     Idempotent sync from the integrator's CRM: with the full create body, creates the office's contact
    with the external id in the path (201 with `Location`) when there is none, else replaces every field
    a create sets (200; an optional field the body lacks is cleared, and the organization key is
    recomputed). When nothing differs, nothing is written: 200 with the same `ETag` and `updated_at`.
    The body may repeat the path's `external_id` but not contradict it (422); another contact's email
    is 409. `If-Match` refuses a replace of another version with 412. The administrator, or the partner
    that owns the office; the vendor gets 403.

    Args:
        office_id (UUID):
        external_id (str):
        if_match (str | Unset):
        body (CreateContact): A new contact. Example: {'consent': {'given_at':
            '2026-01-15T09:00:00Z', 'method': 'web_form'}, 'email': 'maria.ivanova@contoso.example',
            'external_id': '003Dn00000Qx7Ab', 'locale': 'bg', 'name': 'Maria Ivanova', 'organization':
            'Contoso Ltd'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Contact | Problem]
    """

    kwargs = _get_kwargs(
        office_id=office_id,
        external_id=external_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    office_id: UUID,
    external_id: str,
    *,
    client: AuthenticatedClient,
    body: CreateContact,
    if_match: str | Unset = UNSET,
) -> Contact | Problem | None:
    """Create or replace a contact by its external id

     Idempotent sync from the integrator's CRM: with the full create body, creates the office's contact
    with the external id in the path (201 with `Location`) when there is none, else replaces every field
    a create sets (200; an optional field the body lacks is cleared, and the organization key is
    recomputed). When nothing differs, nothing is written: 200 with the same `ETag` and `updated_at`.
    The body may repeat the path's `external_id` but not contradict it (422); another contact's email
    is 409. `If-Match` refuses a replace of another version with 412. The administrator, or the partner
    that owns the office; the vendor gets 403.

    Args:
        office_id (UUID):
        external_id (str):
        if_match (str | Unset):
        body (CreateContact): A new contact. Example: {'consent': {'given_at':
            '2026-01-15T09:00:00Z', 'method': 'web_form'}, 'email': 'maria.ivanova@contoso.example',
            'external_id': '003Dn00000Qx7Ab', 'locale': 'bg', 'name': 'Maria Ivanova', 'organization':
            'Contoso Ltd'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Contact | Problem
    """

    return sync_detailed(
        office_id=office_id,
        external_id=external_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    office_id: UUID,
    external_id: str,
    *,
    client: AuthenticatedClient,
    body: CreateContact,
    if_match: str | Unset = UNSET,
) -> Response[Contact | Problem]:
    """Create or replace a contact by its external id

     Idempotent sync from the integrator's CRM: with the full create body, creates the office's contact
    with the external id in the path (201 with `Location`) when there is none, else replaces every field
    a create sets (200; an optional field the body lacks is cleared, and the organization key is
    recomputed). When nothing differs, nothing is written: 200 with the same `ETag` and `updated_at`.
    The body may repeat the path's `external_id` but not contradict it (422); another contact's email
    is 409. `If-Match` refuses a replace of another version with 412. The administrator, or the partner
    that owns the office; the vendor gets 403.

    Args:
        office_id (UUID):
        external_id (str):
        if_match (str | Unset):
        body (CreateContact): A new contact. Example: {'consent': {'given_at':
            '2026-01-15T09:00:00Z', 'method': 'web_form'}, 'email': 'maria.ivanova@contoso.example',
            'external_id': '003Dn00000Qx7Ab', 'locale': 'bg', 'name': 'Maria Ivanova', 'organization':
            'Contoso Ltd'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Contact | Problem]
    """

    kwargs = _get_kwargs(
        office_id=office_id,
        external_id=external_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    office_id: UUID,
    external_id: str,
    *,
    client: AuthenticatedClient,
    body: CreateContact,
    if_match: str | Unset = UNSET,
) -> Contact | Problem | None:
    """Create or replace a contact by its external id

     Idempotent sync from the integrator's CRM: with the full create body, creates the office's contact
    with the external id in the path (201 with `Location`) when there is none, else replaces every field
    a create sets (200; an optional field the body lacks is cleared, and the organization key is
    recomputed). When nothing differs, nothing is written: 200 with the same `ETag` and `updated_at`.
    The body may repeat the path's `external_id` but not contradict it (422); another contact's email
    is 409. `If-Match` refuses a replace of another version with 412. The administrator, or the partner
    that owns the office; the vendor gets 403.

    Args:
        office_id (UUID):
        external_id (str):
        if_match (str | Unset):
        body (CreateContact): A new contact. Example: {'consent': {'given_at':
            '2026-01-15T09:00:00Z', 'method': 'web_form'}, 'email': 'maria.ivanova@contoso.example',
            'external_id': '003Dn00000Qx7Ab', 'locale': 'bg', 'name': 'Maria Ivanova', 'organization':
            'Contoso Ltd'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Contact | Problem
    """

    return (
        await asyncio_detailed(
            office_id=office_id,
            external_id=external_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
