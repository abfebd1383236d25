"""The library's exception: raised for programming errors, never for bad reference text."""

from __future__ import annotations


class TranslitRefsError(Exception):
    """Base class of every exception the library raises on purpose."""


class InvalidArgumentError(TranslitRefsError, TypeError):
    """An API function got an argument of the wrong type (e.g. bytes instead of str)."""
