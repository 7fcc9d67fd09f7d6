"""Working without the network: the encrypted cache, background sync, the queue of writes."""
