# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.respondent_survey import RespondentSurvey
from ...types import UNSET, Response, Unset


def _get_kwargs(
    token: str,
    *,
    lang: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["lang"] = lang

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/respond/{token}".format(
            token=quote(str(token), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RespondentSurvey | None:
    if response.status_code == 200:
        response_200 = RespondentSurvey.from_dict(response.json())

        return response_200

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
) -> Response[Problem | RespondentSurvey]:
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
    lang: str | Unset = UNSET,
) -> Response[Problem | RespondentSurvey]:
    """Get the questionnaire of a personal link

     No bearer token: the link is the credential. Unknown link 404, expired link or closed survey 410,
    already answered 409. Marks the invitation opened.

    Args:
        token (str):
        lang (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RespondentSurvey]
    """

    kwargs = _get_kwargs(
        token=token,
        lang=lang,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    lang: str | Unset = UNSET,
) -> Problem | RespondentSurvey | None:
    """Get the questionnaire of a personal link

     No bearer token: the link is the credential. Unknown link 404, expired link or closed survey 410,
    already answered 409. Marks the invitation opened.

    Args:
        token (str):
        lang (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RespondentSurvey
    """

    return sync_detailed(
        token=token,
        client=client,
        lang=lang,
    ).parsed


async def asyncio_detailed(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    lang: str | Unset = UNSET,
) -> Response[Problem | RespondentSurvey]:
    """Get the questionnaire of a personal link

     No bearer token: the link is the credential. Unknown link 404, expired link or closed survey 410,
    already answered 409. Marks the invitation opened.

    Args:
        token (str):
        lang (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RespondentSurvey]
    """

    kwargs = _get_kwargs(
        token=token,
        lang=lang,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    lang: str | Unset = UNSET,
) -> Problem | RespondentSurvey | None:
    """Get the questionnaire of a personal link

     No bearer token: the link is the credential. Unknown link 404, expired link or closed survey 410,
    already answered 409. Marks the invitation opened.

    Args:
        token (str):
        lang (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RespondentSurvey
    """

    return (
        await asyncio_detailed(
            token=token,
            client=client,
            lang=lang,
        )
    ).parsed
