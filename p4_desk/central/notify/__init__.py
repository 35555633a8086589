"""Reminders to citizens: "your turn is near" and "you are called", by WhatsApp or SMS.

- ``gateways``: the adapter interface and the two formats a province can configure
  (WhatsApp Business Cloud API, a generic HTTP SMS gateway), chosen from the server's env;
- ``messages``: what the messages say, in Indonesian;
- ``queue``: when a reminder becomes due (evaluated after every batch of a hall's events), the
  delivery queue with retries and backoff, and the worker that sends from it.

Exactly one delivery row per (ticket, event) exists (a unique key), so a repeated or late event
never queues a second message. The phone number is kept in ``reminders`` only, and deleted when
the ticket ends (done, no-show, cancelled, or its service day is over).
"""
