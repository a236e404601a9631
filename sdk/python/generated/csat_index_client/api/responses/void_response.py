# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.survey_response import SurveyResponse
from ...models.void_response import VoidResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    response_id: UUID,
    *,
    body: VoidResponse,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/responses/{response_id}/void".format(
            response_id=quote(str(response_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SurveyResponse | None:
    if response.status_code == 200:
        response_200 = SurveyResponse.from_dict(response.json())

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
) -> Response[Problem | SurveyResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    response_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VoidResponse,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | SurveyResponse]:
    """Void a response

     Administrator only. The response stays stored with who voided it, when and why, and no longer
    counts.

    Args:
        response_id (UUID):
        idempotency_key (str | Unset):
        body (VoidResponse): Why a response is voided. Example: {'reason': 'Submitted twice by the
            same customer; the later copy is void.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SurveyResponse]
    """

    kwargs = _get_kwargs(
        response_id=response_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    response_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VoidResponse,
    idempotency_key: str | Unset = UNSET,
) -> Problem | SurveyResponse | None:
    """Void a response

     Administrator only. The response stays stored with who voided it, when and why, and no longer
    counts.

    Args:
        response_id (UUID):
        idempotency_key (str | Unset):
        body (VoidResponse): Why a response is voided. Example: {'reason': 'Submitted twice by the
            same customer; the later copy is void.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SurveyResponse
    """

    return sync_detailed(
        response_id=response_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    response_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VoidResponse,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | SurveyResponse]:
    """Void a response

     Administrator only. The response stays stored with who voided it, when and why, and no longer
    counts.

    Args:
        response_id (UUID):
        idempotency_key (str | Unset):
        body (VoidResponse): Why a response is voided. Example: {'reason': 'Submitted twice by the
            same customer; the later copy is void.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SurveyResponse]
    """

    kwargs = _get_kwargs(
        response_id=response_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    response_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VoidResponse,
    idempotency_key: str | Unset = UNSET,
) -> Problem | SurveyResponse | None:
    """Void a response

     Administrator only. The response stays stored with who voided it, when and why, and no longer
    counts.

    Args:
        response_id (UUID):
        idempotency_key (str | Unset):
        body (VoidResponse): Why a response is voided. Example: {'reason': 'Submitted twice by the
            same customer; the later copy is void.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SurveyResponse
    """

    return (
        await asyncio_detailed(
            response_id=response_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
