"""The citizens' pages of the central server: live queue, my ticket, tracking, web complaints.

Server-rendered HTML for phones (``pages``), each with its JSON twin under
``/api/v1/public/...`` for super-apps; read models in ``views``, the complaint form in
``complaints``. No login and nothing personal; rate-limited per client; cached briefly; a
Content Security Policy that allows only this server's own files (no third-party host).
``public_router`` is included by ``central.api.create_app``.
"""

from p4_desk.central.public.pages import public_router

__all__ = ["public_router"]
