"""The web page: paste a list, see every field on its text, fix, export (``docs/web.md``).

``translit_refs.web.app`` needs the ``web`` extra (Starlette, uvicorn); ``translit_refs.web.service``
does the work with the library alone. Importing ``translit_refs`` imports neither.
"""
