# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response


def _get_kwargs(
    survey_id: UUID,
    *,
    question_id: UUID,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_question_id = str(question_id)
    params["question_id"] = json_question_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/surveys/{survey_id}/results/chart.svg".format(
            survey_id=quote(str(survey_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = cast(str, response.content)
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
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
    question_id: UUID,
) -> Response[Problem | str]:
    """Get a question's answer distribution as SVG

     A bar chart of one question's answers in this survey: one bar per scale value or option, labelled
    with its count. Partner and administrator only.

    Args:
        survey_id (UUID):
        question_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        survey_id=survey_id,
        question_id=question_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    survey_id: UUID,
    *,
    client: AuthenticatedClient,
    question_id: UUID,
) -> Problem | str | None:
    """Get a question's answer distribution as SVG

     A bar chart of one question's answers in this survey: one bar per scale value or option, labelled
    with its count. Partner and administrator only.

    Args:
        survey_id (UUID):
        question_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        survey_id=survey_id,
        client=client,
        question_id=question_id,
    ).parsed


async def asyncio_detailed(
    survey_id: UUID,
    *,
    client: AuthenticatedClient,
    question_id: UUID,
) -> Response[Problem | str]:
    """Get a question's answer distribution as SVG

     A bar chart of one question's answers in this survey: one bar per scale value or option, labelled
    with its count. Partner and administrator only.

    Args:
        survey_id (UUID):
        question_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        survey_id=survey_id,
        question_id=question_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    survey_id: UUID,
    *,
    client: AuthenticatedClient,
    question_id: UUID,
) -> Problem | str | None:
    """Get a question's answer distribution as SVG

     A bar chart of one question's answers in this survey: one bar per scale value or option, labelled
    with its count. Partner and administrator only.

    Args:
        survey_id (UUID):
        question_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            survey_id=survey_id,
            client=client,
            question_id=question_id,
        )
    ).parsed
