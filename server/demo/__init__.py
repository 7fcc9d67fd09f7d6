"""The demo city of Thủ Dầu Một: its units, people and three meetings with real documents."""
