# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.event_page import EventPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    after: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["after"] = after

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/events",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EventPage | Problem | None:
    if response.status_code == 200:
        response_200 = EventPage.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EventPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    after: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[EventPage | Problem]:
    """List events (the change feed)

     The events webhooks deliver, oldest first, in the order they were committed: `response.completed`,
    `response.voided`, `invitation.delivery_failed`, `membership.compliance_changed` and
    `reporting_period.closed` (see `EventData` for each payload). The administrator sees every event, a
    partner its own, the vendor only program-level aggregates (`reporting_period.closed`).

    Start without `after`, then pass each page's `next_cursor` as `after`: every event is listed once,
    and a cursor from an empty page waits at the end of the feed. Events appear a moment (about
    `CSAT_EVENTS_INTERVAL_MS`) after their change; the completion of an anonymous response only after
    its day is over. Events are kept at least 30 days (`CSAT_EVENTS_RETENTION_DAYS`); a cursor older
    than that is refused with 410 `cursor_expired`: read the current state again, then follow the feed
    from a fresh start.

    Args:
        after (str | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventPage | Problem]
    """

    kwargs = _get_kwargs(
        after=after,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    after: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> EventPage | Problem | None:
    """List events (the change feed)

     The events webhooks deliver, oldest first, in the order they were committed: `response.completed`,
    `response.voided`, `invitation.delivery_failed`, `membership.compliance_changed` and
    `reporting_period.closed` (see `EventData` for each payload). The administrator sees every event, a
    partner its own, the vendor only program-level aggregates (`reporting_period.closed`).

    Start without `after`, then pass each page's `next_cursor` as `after`: every event is listed once,
    and a cursor from an empty page waits at the end of the feed. Events appear a moment (about
    `CSAT_EVENTS_INTERVAL_MS`) after their change; the completion of an anonymous response only after
    its day is over. Events are kept at least 30 days (`CSAT_EVENTS_RETENTION_DAYS`); a cursor older
    than that is refused with 410 `cursor_expired`: read the current state again, then follow the feed
    from a fresh start.

    Args:
        after (str | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventPage | Problem
    """

    return sync_detailed(
        client=client,
        after=after,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    after: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[EventPage | Problem]:
    """List events (the change feed)

     The events webhooks deliver, oldest first, in the order they were committed: `response.completed`,
    `response.voided`, `invitation.delivery_failed`, `membership.compliance_changed` and
    `reporting_period.closed` (see `EventData` for each payload). The administrator sees every event, a
    partner its own, the vendor only program-level aggregates (`reporting_period.closed`).

    Start without `after`, then pass each page's `next_cursor` as `after`: every event is listed once,
    and a cursor from an empty page waits at the end of the feed. Events appear a moment (about
    `CSAT_EVENTS_INTERVAL_MS`) after their change; the completion of an anonymous response only after
    its day is over. Events are kept at least 30 days (`CSAT_EVENTS_RETENTION_DAYS`); a cursor older
    than that is refused with 410 `cursor_expired`: read the current state again, then follow the feed
    from a fresh start.

    Args:
        after (str | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventPage | Problem]
    """

    kwargs = _get_kwargs(
        after=after,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    after: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> EventPage | Problem | None:
    """List events (the change feed)

     The events webhooks deliver, oldest first, in the order they were committed: `response.completed`,
    `response.voided`, `invitation.delivery_failed`, `membership.compliance_changed` and
    `reporting_period.closed` (see `EventData` for each payload). The administrator sees every event, a
    partner its own, the vendor only program-level aggregates (`reporting_period.closed`).

    Start without `after`, then pass each page's `next_cursor` as `after`: every event is listed once,
    and a cursor from an empty page waits at the end of the feed. Events appear a moment (about
    `CSAT_EVENTS_INTERVAL_MS`) after their change; the completion of an anonymous response only after
    its day is over. Events are kept at least 30 days (`CSAT_EVENTS_RETENTION_DAYS`); a cursor older
    than that is refused with 410 `cursor_expired`: read the current state again, then follow the feed
    from a fresh start.

    Args:
        after (str | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            after=after,
            limit=limit,
        )
    ).parsed
