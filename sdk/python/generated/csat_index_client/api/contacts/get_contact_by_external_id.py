# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact import Contact
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    office_id: UUID,
    external_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/offices/{office_id}/contacts/by-external-id/{external_id}".format(
            office_id=quote(str(office_id), safe=""),
            external_id=quote(str(external_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Contact | Problem | None:
    if response.status_code == 200:
        response_200 = Contact.from_dict(response.json())

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
) -> Response[Contact | Problem]:
    """Get a contact by its external id

     The office's contact whose `external_id` is the one in the path (erased contacts have none).
    Partners read their own offices' contacts (another partner's office is 404); the vendor gets 403.
    Sends an `ETag`.

    Args:
        office_id (UUID):
        external_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Contact | Problem]
    """

    kwargs = _get_kwargs(
        office_id=office_id,
        external_id=external_id,
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
) -> Contact | Problem | None:
    """Get a contact by its external id

     The office's contact whose `external_id` is the one in the path (erased contacts have none).
    Partners read their own offices' contacts (another partner's office is 404); the vendor gets 403.
    Sends an `ETag`.

    Args:
        office_id (UUID):
        external_id (str):

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
    ).parsed


async def asyncio_detailed(
    office_id: UUID,
    external_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Contact | Problem]:
    """Get a contact by its external id

     The office's contact whose `external_id` is the one in the path (erased contacts have none).
    Partners read their own offices' contacts (another partner's office is 404); the vendor gets 403.
    Sends an `ETag`.

    Args:
        office_id (UUID):
        external_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Contact | Problem]
    """

    kwargs = _get_kwargs(
        office_id=office_id,
        external_id=external_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    office_id: UUID,
    external_id: str,
    *,
    client: AuthenticatedClient,
) -> Contact | Problem | None:
    """Get a contact by its external id

     The office's contact whose `external_id` is the one in the path (erased contacts have none).
    Partners read their own offices' contacts (another partner's office is 404); the vendor gets 403.
    Sends an `ETag`.

    Args:
        office_id (UUID):
        external_id (str):

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
        )
    ).parsed
