"""Audit: every write records who, when, from where, why, and the record before and after."""
