# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
"""Contains endpoint functions for accessing the API"""
