"""Use cases. One public call = one transaction = business rows + audit row + outbox event."""
