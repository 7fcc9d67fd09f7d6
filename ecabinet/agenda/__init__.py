"""A meeting opened: its agenda, the documents of each item, who is invited."""
