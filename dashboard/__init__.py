"""The Streamlit dashboard: thin pages over `pipelines`."""
