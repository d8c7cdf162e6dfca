"""The `measures` command (`measures.cli:main`)."""
from . import author, publish  # noqa: F401 - each registers its commands on `main`
from .app import main

__all__ = ["main"]
