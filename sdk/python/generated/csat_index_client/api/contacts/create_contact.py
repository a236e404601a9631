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
    *,
    body: CreateContact,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/offices/{office_id}/contacts".format(
            office_id=quote(str(office_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Contact | Problem | None:
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
    *,
    client: AuthenticatedClient,
    body: CreateContact,
    idempotency_key: str | Unset = UNSET,
) -> Response[Contact | Problem]:
    """Create a contact

     The administrator, or the partner that owns the office. The organization key is computed here.

    Args:
        office_id (UUID):
        idempotency_key (str | Unset):
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
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    office_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CreateContact,
    idempotency_key: str | Unset = UNSET,
) -> Contact | Problem | None:
    """Create a contact

     The administrator, or the partner that owns the office. The organization key is computed here.

    Args:
        office_id (UUID):
        idempotency_key (str | Unset):
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
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    office_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CreateContact,
    idempotency_key: str | Unset = UNSET,
) -> Response[Contact | Problem]:
    """Create a contact

     The administrator, or the partner that owns the office. The organization key is computed here.

    Args:
        office_id (UUID):
        idempotency_key (str | Unset):
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
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    office_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CreateContact,
    idempotency_key: str | Unset = UNSET,
) -> Contact | Problem | None:
    """Create a contact

     The administrator, or the partner that owns the office. The organization key is computed here.

    Args:
        office_id (UUID):
        idempotency_key (str | Unset):
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
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
