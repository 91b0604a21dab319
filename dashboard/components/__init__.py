"""Reusable widgets and pure figure builders."""
