"""The shape of every content file, as pydantic models (one module per kind of file)."""
from .base import MEASURE_ID, PROSE, UNIT_KEY, BuddhistYear, Marker, MeasureId, Prose, Strict, UnitKey
from .framework import Framework, Indicator, Level, OitItems, SubIndicator, Tool
from .measure import Item, Measure, MeasureOverride
from .office import Address, Margins, Office, Person, Style
from .progress import Activity, Progress
from .publication import AnalysisNotes, Improvement, PracticeRow, Publication
from .results import National, Results, Score

__all__ = [
           "MEASURE_ID",
           "PROSE",
           "UNIT_KEY",
           "Activity",
           "Address",
           "AnalysisNotes",
           "BuddhistYear",
           "Framework",
           "Improvement",
           "Indicator",
           "Item",
           "Level",
           "Margins",
           "Marker",
           "Measure",
           "MeasureId",
           "MeasureOverride",
           "National",
           "Office",
           "OitItems",
           "Person",
           "PracticeRow",
           "Progress",
           "Prose",
           "Publication",
           "Results",
           "Score",
           "Strict",
           "Style",
           "SubIndicator",
           "Tool",
           "UnitKey",
]
