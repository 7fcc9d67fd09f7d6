"""Durable storage: SQLAlchemy Core over SQLite (WAL) by default, PostgreSQL by configuration."""
