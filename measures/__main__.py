"""python -m measures: the same as the `measures` command."""
from .cli import main

main()
