"""The province's view of its halls (issue 18): ranking and late responders, from the events.

- ``complaints``: each complaint's history as its events told (steps, officer, deadlines).
- ``ranking``: the figures per site, or per agency of one site, for a period and the one before.
- ``late``: the complaints that passed a LAPOR! deadline without the required step.
- ``exports``: the late-responder list as XLSX and PDF for the monthly sanction meeting.
- ``staff``: province staff accounts and their logins (the ``/provinsi`` pages).
- ``routes``: ``/api/v1/province/...`` and the ``/provinsi`` pages (``pages``, ``charts``).
"""
