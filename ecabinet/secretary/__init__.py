"""The secretary's tools: create and edit meetings, build agendas, attach documents, publish."""
