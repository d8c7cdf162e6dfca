"""`measures --help` and every command's help say what it does, with an example."""
import pytest
from click.testing import CliRunner

from measures.cli import main


@pytest.mark.parametrize("command", [None, *sorted(main.commands)])
def test_help_has_an_example(command):
    out = CliRunner().invoke(main, [*([command] if command else []), "--help"])
    assert out.exit_code == 0 and "Example:" in out.output and "measures " in out.output.split("Example:")[1]
