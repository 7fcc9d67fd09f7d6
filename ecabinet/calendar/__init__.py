"""The person's meetings as a week calendar and as a list."""
