"""Duban (督办): run an annual reform plan end to end."""
