"""Offline-first sync with the central provincial API (DESIGN §5): credentials, client, agent."""
