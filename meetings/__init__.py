"""The meeting domain: units, people, meetings, agendas, documents and who may do what.

Plain Python with no I/O: functions take a state and a command and return the new state (and,
where something happened that others must hear of, the events). The server persists and
broadcasts what these functions decide; the client shows it.
"""
