# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.publication import Publication
from ...models.restatement import Restatement
from ...types import UNSET, Response, Unset


def _get_kwargs(
    quarter: str,
    *,
    body: Restatement,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/publications/{quarter}/restate".format(
            quarter=quote(str(quarter), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Publication | None:
    if response.status_code == 200:
        response_200 = Publication.from_dict(response.json())

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
) -> Response[Problem | Publication]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    quarter: str,
    *,
    client: AuthenticatedClient,
    body: Restatement,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | Publication]:
    """Restate a published quarter

     Administrator only. Publishes the quarter again with its answers as they stand now (imports and
    voids
    made since it was published), and decides again every cell that covers it under the same disclosure
    rules. A cell that was shown and changed is shown again only when the change itself passes them, so
    the old and the new figure never subtract to a small group. Recorded in the audit trail with the
    reason.

    Args:
        quarter (str):
        idempotency_key (str | Unset):
        body (Restatement): Why a quarter is restated. Example: {'reason': 'Responses imported
            late from the 2026 field campaign.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Publication]
    """

    kwargs = _get_kwargs(
        quarter=quarter,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    quarter: str,
    *,
    client: AuthenticatedClient,
    body: Restatement,
    idempotency_key: str | Unset = UNSET,
) -> Problem | Publication | None:
    """Restate a published quarter

     Administrator only. Publishes the quarter again with its answers as they stand now (imports and
    voids
    made since it was published), and decides again every cell that covers it under the same disclosure
    rules. A cell that was shown and changed is shown again only when the change itself passes them, so
    the old and the new figure never subtract to a small group. Recorded in the audit trail with the
    reason.

    Args:
        quarter (str):
        idempotency_key (str | Unset):
        body (Restatement): Why a quarter is restated. Example: {'reason': 'Responses imported
            late from the 2026 field campaign.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Publication
    """

    return sync_detailed(
        quarter=quarter,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    quarter: str,
    *,
    client: AuthenticatedClient,
    body: Restatement,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | Publication]:
    """Restate a published quarter

     Administrator only. Publishes the quarter again with its answers as they stand now (imports and
    voids
    made since it was published), and decides again every cell that covers it under the same disclosure
    rules. A cell that was shown and changed is shown again only when the change itself passes them, so
    the old and the new figure never subtract to a small group. Recorded in the audit trail with the
    reason.

    Args:
        quarter (str):
        idempotency_key (str | Unset):
        body (Restatement): Why a quarter is restated. Example: {'reason': 'Responses imported
            late from the 2026 field campaign.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Publication]
    """

    kwargs = _get_kwargs(
        quarter=quarter,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    quarter: str,
    *,
    client: AuthenticatedClient,
    body: Restatement,
    idempotency_key: str | Unset = UNSET,
) -> Problem | Publication | None:
    """Restate a published quarter

     Administrator only. Publishes the quarter again with its answers as they stand now (imports and
    voids
    made since it was published), and decides again every cell that covers it under the same disclosure
    rules. A cell that was shown and changed is shown again only when the change itself passes them, so
    the old and the new figure never subtract to a small group. Recorded in the audit trail with the
    reason.

    Args:
        quarter (str):
        idempotency_key (str | Unset):
        body (Restatement): Why a quarter is restated. Example: {'reason': 'Responses imported
            late from the 2026 field campaign.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Publication
    """

    return (
        await asyncio_detailed(
            quarter=quarter,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
