"""Linguistic data per language; rules read it, never hard-code it."""
