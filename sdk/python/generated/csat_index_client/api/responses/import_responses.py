# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.import_responses import ImportResponses
from ...models.problem import Problem
from ...models.response_import_result import ResponseImportResult
from ...types import UNSET, Response, Unset


def _get_kwargs(
    survey_id: UUID,
    *,
    body: ImportResponses,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/surveys/{survey_id}/responses/import".format(
            survey_id=quote(str(survey_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ResponseImportResult | None:
    if response.status_code == 200:
        response_200 = ResponseImportResult.from_dict(response.json())

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
) -> Response[Problem | ResponseImportResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    survey_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ImportResponses,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | ResponseImportResult]:
    """Import historical responses

     Administrator only. Moves completed responses from an earlier survey provider into an opened or
    closed
    survey, with their original completion times; they count exactly like live ones. One transaction per
    call, with an outcome per row.

    Args:
        survey_id (UUID):
        idempotency_key (str | Unset):
        body (ImportResponses): Historical responses to import, 1–1000. Example: {'responses':
            [{'answers': {'00000000-0000-7000-8000-000000000001': 'somewhat_satisfied',
            '00000000-0000-7000-8000-000000000002': 8, '00000000-0000-7000-8000-000000000003': 3},
            'completed_at': '2025-11-20T10:15:00Z', 'locale': 'en', 'organization': 'Contoso Ltd'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResponseImportResult]
    """

    kwargs = _get_kwargs(
        survey_id=survey_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    survey_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ImportResponses,
    idempotency_key: str | Unset = UNSET,
) -> Problem | ResponseImportResult | None:
    """Import historical responses

     Administrator only. Moves completed responses from an earlier survey provider into an opened or
    closed
    survey, with their original completion times; they count exactly like live ones. One transaction per
    call, with an outcome per row.

    Args:
        survey_id (UUID):
        idempotency_key (str | Unset):
        body (ImportResponses): Historical responses to import, 1–1000. Example: {'responses':
            [{'answers': {'00000000-0000-7000-8000-000000000001': 'somewhat_satisfied',
            '00000000-0000-7000-8000-000000000002': 8, '00000000-0000-7000-8000-000000000003': 3},
            'completed_at': '2025-11-20T10:15:00Z', 'locale': 'en', 'organization': 'Contoso Ltd'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResponseImportResult
    """

    return sync_detailed(
        survey_id=survey_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    survey_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ImportResponses,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | ResponseImportResult]:
    """Import historical responses

     Administrator only. Moves completed responses from an earlier survey provider into an opened or
    closed
    survey, with their original completion times; they count exactly like live ones. One transaction per
    call, with an outcome per row.

    Args:
        survey_id (UUID):
        idempotency_key (str | Unset):
        body (ImportResponses): Historical responses to import, 1–1000. Example: {'responses':
            [{'answers': {'00000000-0000-7000-8000-000000000001': 'somewhat_satisfied',
            '00000000-0000-7000-8000-000000000002': 8, '00000000-0000-7000-8000-000000000003': 3},
            'completed_at': '2025-11-20T10:15:00Z', 'locale': 'en', 'organization': 'Contoso Ltd'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResponseImportResult]
    """

    kwargs = _get_kwargs(
        survey_id=survey_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    survey_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ImportResponses,
    idempotency_key: str | Unset = UNSET,
) -> Problem | ResponseImportResult | None:
    """Import historical responses

     Administrator only. Moves completed responses from an earlier survey provider into an opened or
    closed
    survey, with their original completion times; they count exactly like live ones. One transaction per
    call, with an outcome per row.

    Args:
        survey_id (UUID):
        idempotency_key (str | Unset):
        body (ImportResponses): Historical responses to import, 1–1000. Example: {'responses':
            [{'answers': {'00000000-0000-7000-8000-000000000001': 'somewhat_satisfied',
            '00000000-0000-7000-8000-000000000002': 8, '00000000-0000-7000-8000-000000000003': 3},
            'completed_at': '2025-11-20T10:15:00Z', 'locale': 'en', 'organization': 'Contoso Ltd'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResponseImportResult
    """

    return (
        await asyncio_detailed(
            survey_id=survey_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
