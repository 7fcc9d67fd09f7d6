"""Documents the server writes from what it recorded: the minutes and the conclusion notice."""
