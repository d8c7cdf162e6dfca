"""Integrity and transparency measures for Thai Educational Service Area offices:
content in YAML, an analysis computed from the ITA scores, a Word document out."""

__version__ = "0.1.0"

import os as _os
import tempfile as _tempfile

# pythainlp keeps a data folder in the home folder and fails when it cannot make it (a service
# account, a read-only home): then a temporary one serves, as nothing is downloaded into it.
if "PYTHAINLP_DATA_DIR" not in _os.environ and not _os.access(_os.path.expanduser("~"), _os.W_OK):
    _os.environ["PYTHAINLP_DATA_DIR"] = _os.path.join(_tempfile.gettempdir(), "pythainlp-data")
