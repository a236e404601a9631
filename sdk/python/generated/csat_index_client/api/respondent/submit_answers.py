# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.submit_answers import SubmitAnswers
from ...models.submitted import Submitted
from ...types import Response


def _get_kwargs(
    token: str,
    *,
    body: SubmitAnswers,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/respond/{token}".format(
            token=quote(str(token), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Submitted | None:
    if response.status_code == 201:
        response_201 = Submitted.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 410:
        response_410 = Problem.from_dict(response.json())

        return response_410

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Submitted]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    body: SubmitAnswers,
) -> Response[Problem | Submitted]:
    """Submit answers through a personal link

     Answers are validated against each question's kind and required flag (422 with one error per
    question).
    A link is answered once (409 after). The stored response has no address a respondent can read, so
    `Location` is the personal link itself.

    Args:
        token (str):
        body (SubmitAnswers): A respondent's answers. Example: {'anonymous': False, 'answers':
            {'00000000-0000-7000-8000-000000000001': 'very_satisfied',
            '00000000-0000-7000-8000-000000000002': 9, '00000000-0000-7000-8000-000000000003': 2,
            '00000000-0000-7000-8000-000000000004': 'Quick and friendly.'}, 'locale': 'en'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Submitted]
    """

    kwargs = _get_kwargs(
        token=token,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    body: SubmitAnswers,
) -> Problem | Submitted | None:
    """Submit answers through a personal link

     Answers are validated against each question's kind and required flag (422 with one error per
    question).
    A link is answered once (409 after). The stored response has no address a respondent can read, so
    `Location` is the personal link itself.

    Args:
        token (str):
        body (SubmitAnswers): A respondent's answers. Example: {'anonymous': False, 'answers':
            {'00000000-0000-7000-8000-000000000001': 'very_satisfied',
            '00000000-0000-7000-8000-000000000002': 9, '00000000-0000-7000-8000-000000000003': 2,
            '00000000-0000-7000-8000-000000000004': 'Quick and friendly.'}, 'locale': 'en'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Submitted
    """

    return sync_detailed(
        token=token,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    body: SubmitAnswers,
) -> Response[Problem | Submitted]:
    """Submit answers through a personal link

     Answers are validated against each question's kind and required flag (422 with one error per
    question).
    A link is answered once (409 after). The stored response has no address a respondent can read, so
    `Location` is the personal link itself.

    Args:
        token (str):
        body (SubmitAnswers): A respondent's answers. Example: {'anonymous': False, 'answers':
            {'00000000-0000-7000-8000-000000000001': 'very_satisfied',
            '00000000-0000-7000-8000-000000000002': 9, '00000000-0000-7000-8000-000000000003': 2,
            '00000000-0000-7000-8000-000000000004': 'Quick and friendly.'}, 'locale': 'en'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Submitted]
    """

    kwargs = _get_kwargs(
        token=token,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    body: SubmitAnswers,
) -> Problem | Submitted | None:
    """Submit answers through a personal link

     Answers are validated against each question's kind and required flag (422 with one error per
    question).
    A link is answered once (409 after). The stored response has no address a respondent can read, so
    `Location` is the personal link itself.

    Args:
        token (str):
        body (SubmitAnswers): A respondent's answers. Example: {'anonymous': False, 'answers':
            {'00000000-0000-7000-8000-000000000001': 'very_satisfied',
            '00000000-0000-7000-8000-000000000002': 9, '00000000-0000-7000-8000-000000000003': 2,
            '00000000-0000-7000-8000-000000000004': 'Quick and friendly.'}, 'locale': 'en'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Submitted
    """

    return (
        await asyncio_detailed(
            token=token,
            client=client,
            body=body,
        )
    ).parsed
