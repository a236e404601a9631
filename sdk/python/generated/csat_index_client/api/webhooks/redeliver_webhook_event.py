# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.redeliver_event import RedeliverEvent
from ...models.redelivery import Redelivery
from ...types import UNSET, Response, Unset


def _get_kwargs(
    webhook_id: UUID,
    *,
    body: RedeliverEvent,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/webhooks/{webhook_id}/redeliver".format(
            webhook_id=quote(str(webhook_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Redelivery | None:
    if response.status_code == 200:
        response_200 = Redelivery.from_dict(response.json())

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
) -> Response[Problem | Redelivery]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    webhook_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RedeliverEvent,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | Redelivery]:
    """Deliver an event again

     Queues any event of the last 30 days that this subscription may receive for delivery now (again, or
    for the first time if it occurred while the subscription was paused), with the same `webhook-id`.

    Args:
        webhook_id (UUID):
        idempotency_key (str | Unset):
        body (RedeliverEvent): Which event to deliver again. Example: {'event_id':
            '5b0e9f3e-8d7c-4a55-9a1f-3f0c2a7d9e41'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Redelivery]
    """

    kwargs = _get_kwargs(
        webhook_id=webhook_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    webhook_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RedeliverEvent,
    idempotency_key: str | Unset = UNSET,
) -> Problem | Redelivery | None:
    """Deliver an event again

     Queues any event of the last 30 days that this subscription may receive for delivery now (again, or
    for the first time if it occurred while the subscription was paused), with the same `webhook-id`.

    Args:
        webhook_id (UUID):
        idempotency_key (str | Unset):
        body (RedeliverEvent): Which event to deliver again. Example: {'event_id':
            '5b0e9f3e-8d7c-4a55-9a1f-3f0c2a7d9e41'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Redelivery
    """

    return sync_detailed(
        webhook_id=webhook_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    webhook_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RedeliverEvent,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | Redelivery]:
    """Deliver an event again

     Queues any event of the last 30 days that this subscription may receive for delivery now (again, or
    for the first time if it occurred while the subscription was paused), with the same `webhook-id`.

    Args:
        webhook_id (UUID):
        idempotency_key (str | Unset):
        body (RedeliverEvent): Which event to deliver again. Example: {'event_id':
            '5b0e9f3e-8d7c-4a55-9a1f-3f0c2a7d9e41'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Redelivery]
    """

    kwargs = _get_kwargs(
        webhook_id=webhook_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    webhook_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RedeliverEvent,
    idempotency_key: str | Unset = UNSET,
) -> Problem | Redelivery | None:
    """Deliver an event again

     Queues any event of the last 30 days that this subscription may receive for delivery now (again, or
    for the first time if it occurred while the subscription was paused), with the same `webhook-id`.

    Args:
        webhook_id (UUID):
        idempotency_key (str | Unset):
        body (RedeliverEvent): Which event to deliver again. Example: {'event_id':
            '5b0e9f3e-8d7c-4a55-9a1f-3f0c2a7d9e41'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Redelivery
    """

    return (
        await asyncio_detailed(
            webhook_id=webhook_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
