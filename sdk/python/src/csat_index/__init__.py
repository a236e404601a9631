"""Hand-written helpers around the generated ``csat_index_client`` package.

The generated package has one module per operation (``csat_index_client.api.<tag>.<operation_id>``)
whose ``sync_detailed`` returns a ``Response`` holding the status, the headers and the parsed body:
the operation's model on success, the generated ``Problem`` model on a documented error. These
helpers turn that into plain values and exceptions:

- :func:`client` builds an authenticated client from a base URL and a bearer token;
- :func:`call` runs an operation and returns its model, or raises :class:`ProblemError`;
- :func:`unwrap` does the same for a ``Response`` you keep (to read a header such as ``ETag``);
- :func:`paginate` walks a cursor-paginated list operation to its end;
- :func:`verify_webhook` checks a webhook delivery's Standard Webhooks signature.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from enum import Enum
from http import HTTPStatus
from typing import Any, ParamSpec, Protocol, TypeVar

from csat_index_client import AuthenticatedClient
from csat_index_client.models import FieldError, Problem
from csat_index_client.types import Response, Unset

from csat_index.webhooks import WebhookVerificationError, verify_webhook

__all__ = [
    "ProblemError",
    "WebhookVerificationError",
    "call",
    "client",
    "paginate",
    "unwrap",
    "verify_webhook",
]

P = ParamSpec("P")
T = TypeVar("T")


def client(base_url: str, token: str, **kwargs: Any) -> AuthenticatedClient:
    """Return a client that sends ``Authorization: Bearer <token>`` on every request.

    ``base_url`` is the server's root (e.g. ``http://127.0.0.1:8080``), without ``/api/v1``.
    Further keyword arguments go to ``AuthenticatedClient`` (``timeout``, ``headers``, ``httpx_args``).
    The respondent operations need no token: use ``csat_index_client.Client(base_url=...)`` for them.
    """
    return AuthenticatedClient(base_url=base_url, token=token, **kwargs)


class ProblemError(Exception):
    """An error answer of the API: its RFC 9457 problem document as an exception.

    Attributes:
        status: The HTTP status code (e.g. 404, 412, 422).
        type: A URI reference that identifies the problem type.
        title: A short summary of the problem type.
        detail: What went wrong in this occurrence.
        code: The machine-readable cause (e.g. ``"survey_not_open"``, ``"version_mismatch"``): stable,
            unlike ``detail``; ``None`` when the answer was not a problem document.
        errors: Field-level errors (``field``, ``message``); empty unless it is a validation problem.
        headers: The response headers (e.g. ``Retry-After`` on 429).
    """

    def __init__(
        self,
        status: int,
        type: str,
        title: str,
        detail: str,
        errors: list[FieldError] | None = None,
        headers: Any = None,
        code: str | None = None,
    ) -> None:
        self.status = status
        self.code = code
        self.type = type
        self.title = title
        self.detail = detail
        self.errors = list(errors or [])
        self.headers = headers if headers is not None else {}
        super().__init__(str(self))

    def __str__(self) -> str:
        text = f"{self.status} {self.title}: {self.detail}"
        if self.errors:
            text += " (" + "; ".join(f"{e.field}: {e.message}" for e in self.errors) + ")"
        return text

    @classmethod
    def from_response(cls, response: Response[Any]) -> ProblemError:
        """Build the error from a non-2xx response, also when the status is not documented."""
        problem = response.parsed if isinstance(response.parsed, Problem) else _parse_problem(response.content)
        if problem is not None:
            errors = problem.errors if not isinstance(problem.errors, Unset) else []
            code = problem.code.value if isinstance(problem.code, Enum) else str(problem.code)
            return cls(problem.status, problem.type_, problem.title, problem.detail, errors, response.headers, code)
        # Not a problem document (e.g. a proxy's error page): keep what there is.
        status = int(response.status_code)
        try:
            title = HTTPStatus(status).phrase
        except ValueError:
            title = "Error"
        detail = response.content.decode("utf-8", "replace")[:500]
        return cls(status, "about:blank", title, detail, [], response.headers)


def _parse_problem(content: bytes) -> Problem | None:
    try:
        return Problem.from_dict(json.loads(content))
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def unwrap(response: Response[T | Problem]) -> T:
    """Return the parsed body of a 2xx response; raise :class:`ProblemError` for any other status.

    Keep the ``Response`` when you need a header too::

        response = get_survey.sync_detailed(survey_id, client=partner)
        survey = unwrap(response)
        etag = response.headers["ETag"]
    """
    if not 200 <= response.status_code < 300:
        raise ProblemError.from_response(response)
    return response.parsed  # type: ignore[return-value]  # a Problem comes only with a non-2xx status


def call(operation: Callable[P, Response[T | Problem]], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run a generated ``sync_detailed`` function and return its model, or raise :class:`ProblemError`.

    ``call(create_partner.sync_detailed, client=admin, body=CreatePartner(...))`` is
    ``unwrap(create_partner.sync_detailed(client=admin, body=CreatePartner(...)))``.
    """
    return unwrap(operation(*args, **kwargs))


class _Page(Protocol):
    """What every list answer of the API has."""

    @property
    def items(self) -> list[Any]: ...

    @property
    def next_cursor(self) -> str | None | Unset: ...


PageT = TypeVar("PageT", bound=_Page)


def paginate(operation: Callable[..., Response[PageT | Problem]], *args: Any, **kwargs: Any) -> Iterator[Any]:
    """Yield every item of a cursor-paginated list, requesting page after page until ``next_cursor`` is null.

    ``operation`` is a list operation's ``sync_detailed``; the other arguments are passed to each
    call (``limit`` sets the page size), ``cursor`` is set by this helper::

        for contact in paginate(list_contacts.sync_detailed, office_id, client=partner, limit=100):
            ...

    The items are typed ``Any`` (the generated ``Response`` is invariant, so the item type cannot be
    inferred from the page type): annotate the loop variable, e.g. ``contact: Contact``.
    Raises :class:`ProblemError` when a page request fails, and ``RuntimeError`` when the server repeats
    a cursor (instead of looping forever).
    """
    if "cursor" in kwargs:
        raise TypeError("paginate() sets the cursor itself")
    cursor: str | None = None
    seen: set[str] = set()
    while True:
        page = call(operation, *args, **kwargs, **({"cursor": cursor} if cursor else {}))
        yield from page.items
        if isinstance(page.next_cursor, Unset) or not page.next_cursor:
            return
        if page.next_cursor in seen:
            raise RuntimeError(f"the server repeated the cursor {page.next_cursor!r}; stopping instead of looping")
        seen.add(page.next_cursor)
        cursor = page.next_cursor
