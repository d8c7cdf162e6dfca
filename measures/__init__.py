"""Integrity and transparency measures for Thai Educational Service Area offices:
content in YAML, an analysis computed from the ITA scores, a Word document out."""

__version__ = "0.1.0"
