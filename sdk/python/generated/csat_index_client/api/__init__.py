# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.
"""Contains methods for accessing the API"""
