"""Build-time tools for the shipped reference data; the running app never imports them.

`python -m catalog_builder path/to/free-exercise-db/exercises.json [--out data]` reads the
source catalog plus the curated facts in `data/curation/*.csv` and writes `data/*.csv`.
"""
