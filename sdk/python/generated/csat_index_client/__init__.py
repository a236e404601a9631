# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
"""A client library for accessing Partner CSAT Index API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
