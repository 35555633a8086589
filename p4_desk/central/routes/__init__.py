"""The central API's routers, one module per concern; ``central.api.create_app`` includes them.

Each module has ``router(guards, ...) -> APIRouter``; a new concern is a new module here and one
``app.include_router(...)`` line in ``create_app`` (the order of those lines is the order of the
paths in the OpenAPI contract).
"""
