# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_webhook import CreateWebhook
from ...models.problem import Problem
from ...models.webhook_with_secret import WebhookWithSecret
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CreateWebhook,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/webhooks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WebhookWithSecret | None:
    if response.status_code == 201:
        response_201 = WebhookWithSecret.from_dict(response.json())

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
) -> Response[Problem | WebhookWithSecret]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateWebhook,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | WebhookWithSecret]:
    """Subscribe to events

     Any role subscribes for its own scope: the administrator to every event, a partner to events about
    its own memberships, the vendor to program-level aggregate events only (422 for other types). Each
    delivery is a `POST` of the event's envelope (the same JSON the change feed lists) signed per
    Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`), retried with backoff for
    more than 3 days. The secret is in this answer only.

    Args:
        idempotency_key (str | Unset):
        body (CreateWebhook): A new webhook subscription. Example: {'event_types':
            ['membership.compliance_changed', 'response.completed'], 'url':
            'https://crm.example.com/hooks/csat'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookWithSecret]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CreateWebhook,
    idempotency_key: str | Unset = UNSET,
) -> Problem | WebhookWithSecret | None:
    """Subscribe to events

     Any role subscribes for its own scope: the administrator to every event, a partner to events about
    its own memberships, the vendor to program-level aggregate events only (422 for other types). Each
    delivery is a `POST` of the event's envelope (the same JSON the change feed lists) signed per
    Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`), retried with backoff for
    more than 3 days. The secret is in this answer only.

    Args:
        idempotency_key (str | Unset):
        body (CreateWebhook): A new webhook subscription. Example: {'event_types':
            ['membership.compliance_changed', 'response.completed'], 'url':
            'https://crm.example.com/hooks/csat'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookWithSecret
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateWebhook,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | WebhookWithSecret]:
    """Subscribe to events

     Any role subscribes for its own scope: the administrator to every event, a partner to events about
    its own memberships, the vendor to program-level aggregate events only (422 for other types). Each
    delivery is a `POST` of the event's envelope (the same JSON the change feed lists) signed per
    Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`), retried with backoff for
    more than 3 days. The secret is in this answer only.

    Args:
        idempotency_key (str | Unset):
        body (CreateWebhook): A new webhook subscription. Example: {'event_types':
            ['membership.compliance_changed', 'response.completed'], 'url':
            'https://crm.example.com/hooks/csat'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookWithSecret]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateWebhook,
    idempotency_key: str | Unset = UNSET,
) -> Problem | WebhookWithSecret | None:
    """Subscribe to events

     Any role subscribes for its own scope: the administrator to every event, a partner to events about
    its own memberships, the vendor to program-level aggregate events only (422 for other types). Each
    delivery is a `POST` of the event's envelope (the same JSON the change feed lists) signed per
    Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`), retried with backoff for
    more than 3 days. The secret is in this answer only.

    Args:
        idempotency_key (str | Unset):
        body (CreateWebhook): A new webhook subscription. Example: {'event_types':
            ['membership.compliance_changed', 'response.completed'], 'url':
            'https://crm.example.com/hooks/csat'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookWithSecret
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
