"""Generate typed Python bindings for the IS24 XML schemas.

Run `python -m codegen`; see ARCHITECTURE.md for the pipeline.
"""
