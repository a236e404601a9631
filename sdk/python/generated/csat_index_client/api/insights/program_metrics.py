# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.program_metrics import ProgramMetrics
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/program/metrics",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ProgramMetrics | None:
    if response.status_code == 200:
        response_200 = ProgramMetrics.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | ProgramMetrics]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> Response[Problem | ProgramMetrics]:
    """Get program metrics by country and quarter

     NSAT, CSAT, NPS and CES of the whole program and of each country, as **published** for each calendar
    quarter overlapping the range (default: the last 12 months), and each year to date. A quarter is
    published when the reporting period it ends in is closed, with its data as of that moment; data that
    arrives later changes nothing until an administrator restates the quarter (then `restated` is true).

    Disclosure control (DESIGN §2.1) decides which cells are shown, for every reader alike:
    - a cell covers at least `anonymity_threshold` responses (default 5, never below 3); a program or
      country cell also has at least 3 contributing memberships, and still covers that many responses
      when any one partner's responses are taken out;
    - no two shown cells where one contains the other (a country and the program, a quarter and its year
      to date, a membership and its country), nor a shown cell and its shown parts, differ by fewer than
      that many responses; the fewest extra cells needed are suppressed for this, deterministically.

    So an empty cell may hide a large group: it is suppressed to protect a neighbour.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProgramMetrics]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> Problem | ProgramMetrics | None:
    """Get program metrics by country and quarter

     NSAT, CSAT, NPS and CES of the whole program and of each country, as **published** for each calendar
    quarter overlapping the range (default: the last 12 months), and each year to date. A quarter is
    published when the reporting period it ends in is closed, with its data as of that moment; data that
    arrives later changes nothing until an administrator restates the quarter (then `restated` is true).

    Disclosure control (DESIGN §2.1) decides which cells are shown, for every reader alike:
    - a cell covers at least `anonymity_threshold` responses (default 5, never below 3); a program or
      country cell also has at least 3 contributing memberships, and still covers that many responses
      when any one partner's responses are taken out;
    - no two shown cells where one contains the other (a country and the program, a quarter and its year
      to date, a membership and its country), nor a shown cell and its shown parts, differ by fewer than
      that many responses; the fewest extra cells needed are suppressed for this, deterministically.

    So an empty cell may hide a large group: it is suppressed to protect a neighbour.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProgramMetrics
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> Response[Problem | ProgramMetrics]:
    """Get program metrics by country and quarter

     NSAT, CSAT, NPS and CES of the whole program and of each country, as **published** for each calendar
    quarter overlapping the range (default: the last 12 months), and each year to date. A quarter is
    published when the reporting period it ends in is closed, with its data as of that moment; data that
    arrives later changes nothing until an administrator restates the quarter (then `restated` is true).

    Disclosure control (DESIGN §2.1) decides which cells are shown, for every reader alike:
    - a cell covers at least `anonymity_threshold` responses (default 5, never below 3); a program or
      country cell also has at least 3 contributing memberships, and still covers that many responses
      when any one partner's responses are taken out;
    - no two shown cells where one contains the other (a country and the program, a quarter and its year
      to date, a membership and its country), nor a shown cell and its shown parts, differ by fewer than
      that many responses; the fewest extra cells needed are suppressed for this, deterministically.

    So an empty cell may hide a large group: it is suppressed to protect a neighbour.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProgramMetrics]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> Problem | ProgramMetrics | None:
    """Get program metrics by country and quarter

     NSAT, CSAT, NPS and CES of the whole program and of each country, as **published** for each calendar
    quarter overlapping the range (default: the last 12 months), and each year to date. A quarter is
    published when the reporting period it ends in is closed, with its data as of that moment; data that
    arrives later changes nothing until an administrator restates the quarter (then `restated` is true).

    Disclosure control (DESIGN §2.1) decides which cells are shown, for every reader alike:
    - a cell covers at least `anonymity_threshold` responses (default 5, never below 3); a program or
      country cell also has at least 3 contributing memberships, and still covers that many responses
      when any one partner's responses are taken out;
    - no two shown cells where one contains the other (a country and the program, a quarter and its year
      to date, a membership and its country), nor a shown cell and its shown parts, differ by fewer than
      that many responses; the fewest extra cells needed are suppressed for this, deterministically.

    So an empty cell may hide a large group: it is suppressed to protect a neighbour.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProgramMetrics
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
        )
    ).parsed
