"""click in Thai: the help screens' own words (usage, sections, the help option, an option's
default and "required"), value types whose refusals are Thai, and a usage mistake told in Thai
with what to write instead. Classes, so that click's English never reaches the output: no
string of click's is patched afterwards.
"""
from __future__ import annotations

import difflib
import inspect
import unicodedata
from collections.abc import Callable
from typing import Any, TypeVar

import click
from click.formatting import join_options, wrap_text

USAGE = "วิธีใช้: "
OPTIONS = "ตัวเลือก"
COMMANDS = "คำสั่ง"
ARGUMENTS = "ค่าที่ต้องระบุ"
HELP = "แสดงวิธีใช้นี้แล้วจบ"
REQUIRED = "ต้องระบุ"
DEFAULT = "ค่าเริ่มต้น"
OPTIONS_METAVAR = "[ตัวเลือก]"
SUBCOMMAND_METAVAR = "คำสั่ง [ตัวเลือกของคำสั่ง]"


def width(text: str) -> int:
    """Columns on a terminal: Thai vowel and tone marks above or below a letter take none."""
    return sum(not unicodedata.combining(c) and unicodedata.category(c) != "Mn" for c in text)


class Formatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, USAGE if prefix is None else prefix)

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        """As click's, with the columns lined up by `width` (click counts a Thai mark as a column)."""
        rows = list(rows)
        first_col = min(max((width(a) for a, _ in rows), default=0), col_max) + col_spacing
        indent = " " * self.current_indent
        for first, second in rows:
            self.write(indent + first)
            if not second:
                self.write("\n")
                continue
            if width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = wrap_text(second, max(self.width - first_col - 2, 10), preserve_paragraphs=True).splitlines()
            self.write("\n".join([lines[0] if lines else "", *(" " * (first_col + self.current_indent) + line
                                                                 for line in lines[1:])]) + "\n")


class Context(click.Context):
    formatter_class = Formatter


class Option(click.Option):
    """An option whose help line is the option, its (Thai) metavar, its help and, in Thai,
    whether it must be given and its default."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        if self.hidden:
            return None
        names = join_options(self.opts)[0]
        if not self.is_flag and not self.count:
            names += " " + self.make_metavar(ctx)
        extra = []
        if self.required:
            extra.append(REQUIRED)
        if self.show_default and self.default is not None and not self.is_flag:
            extra.append(f"{DEFAULT} {self.default}")
        text = self.help or ""
        return names, f"{text}  [{'; '.join(extra)}]" if extra else text


F = TypeVar("F", bound=Callable[..., Any])


def option(*names: str, **kwargs: Any) -> Callable[[F], F]:
    """click.option with the Thai help line."""
    return click.option(*names, cls=Option, **kwargs)


class Int(click.ParamType):
    """A whole number, optionally between `low` and `high`; refused in Thai."""
    name = "integer"

    def __init__(self, low: int, high: int, example: int):
        self.low, self.high, self.example = low, high, example

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            number = value
        else:
            try:
                number = int(str(value).strip())
            except ValueError:
                self.fail(f"'{value}' ไม่ใช่จำนวนเต็ม: เขียนเป็นตัวเลขอารบิก เช่น {self.example}", param, ctx)
        if not self.low <= number <= self.high:
            self.fail(f"{number} อยู่นอกช่วงที่ใช้ได้: เขียนจำนวนตั้งแต่ {self.low} ถึง {self.high}", param, ctx)
        return number


class Choice(click.ParamType):
    """One of `choices`; refused in Thai with the list."""
    name = "choice"

    def __init__(self, choices: list[str]):
        self.choices = choices

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "[" + "|".join(self.choices) + "]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        if str(value) not in self.choices:
            self.fail(f"'{value}' ใช้ไม่ได้: เขียนค่าใดค่าหนึ่งต่อไปนี้ {' หรือ '.join(self.choices)}", param, ctx)
        return str(value)


class Command(click.Command):
    """A command whose help is Thai throughout, listed in its group with its whole summary."""
    context_class = Context

    def __init__(self, *args: Any, **kwargs: Any):
        kwargs.setdefault("options_metavar", OPTIONS_METAVAR)
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        found = super().get_help_option(ctx)
        if found is not None:
            found.help = HELP
        return found

    def get_short_help_str(self, limit: int = 45) -> str:
        """The help's first paragraph, whole: click would cut it at `limit` with "…"."""
        if self.short_help:
            return inspect.cleandoc(self.short_help)
        return " ".join(inspect.cleandoc(self.help or "").split("\n\n")[0].split())

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [r for p in self.get_params(ctx) if not isinstance(p, click.Argument)
                and (r := p.get_help_record(ctx)) is not None]
        if rows:
            with formatter.section(OPTIONS):
                formatter.write_dl(rows)

    def format_arguments(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [r for p in self.get_params(ctx) if isinstance(p, click.Argument) and getattr(p, "help", None)
                and (r := p.get_help_record(ctx)) is not None]
        if rows:
            with formatter.section(ARGUMENTS):
                formatter.write_dl(rows)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """As click's, with words left over (a mistyped value, a second file) told in Thai."""
        allowed = ctx.allow_extra_args
        ctx.allow_extra_args = True
        try:
            rest = super().parse_args(ctx, args)
        except click.UsageError as exc:
            if exc.ctx is None:  # click's parser raises some without it: the help to point to is ours
                exc.ctx = ctx
            raise
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing:
            raise click.UsageError(f"มีคำเกินมา: {' '.join(rest)} — คำสั่งนี้ไม่รับคำเหล่านี้ "
                                   "(ค่าที่มีช่องว่างให้ใส่ในเครื่องหมายคำพูด \"…\")", ctx)
        return rest


class Group(Command, click.Group):
    """The command group: Thai help, its commands listed under a Thai heading."""
    command_class = Command

    def __init__(self, *args: Any, **kwargs: Any):
        kwargs.setdefault("subcommand_metavar", SUBCOMMAND_METAVAR)
        super().__init__(*args, **kwargs)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        Command.format_options(self, ctx, formatter)
        rows = [(name, cmd.get_short_help_str()) for name in self.list_commands(ctx)
                if (cmd := self.get_command(ctx, name)) is not None and not cmd.hidden]
        if rows:
            with formatter.section(COMMANDS):
                formatter.write_dl(rows)

    def resolve_command(self, ctx: click.Context, args: list[str]) -> Any:
        name = args[0]
        if self.get_command(ctx, name) is None and not name.startswith("-") and not ctx.resilient_parsing:
            near = difflib.get_close_matches(name, self.list_commands(ctx), n=1)
            hint = f"หมายถึง {near[0]} หรือไม่ " if near else ""
            raise click.UsageError(f"ไม่มีคำสั่ง '{name}': {hint}คำสั่งที่มีคือ {', '.join(self.list_commands(ctx))}",
                                   ctx)
        return super().resolve_command(ctx, args)


def _names(param: click.Parameter | None) -> str:
    if param is None:
        return "ค่า"
    if isinstance(param, click.Option):
        return join_options(param.opts)[0]
    return param.metavar or (param.name or "").upper()


def usage_message(exc: click.UsageError) -> str:
    """A usage mistake in Thai: which option or word, and what to write instead."""
    ctx = exc.ctx
    if isinstance(exc, click.MissingParameter):
        param = exc.param
        what = _names(param)
        if isinstance(param, click.Option):
            return f"ขาดตัวเลือก {what} {param.metavar or ''}: {param.help or ''}".rstrip(": ")
        return f"ขาด{what}ที่ต้องเขียนหลังชื่อคำสั่ง"
    if isinstance(exc, click.NoSuchOption):
        near = sorted(exc.possibilities or [])
        known = [o for p in (ctx.command.get_params(ctx) if ctx else []) if isinstance(p, click.Option) for o in p.opts]
        near = near or difflib.get_close_matches(exc.option_name, known, n=1)
        hint = f" หมายถึง {' หรือ '.join(near)} หรือไม่" if near else ""
        return f"ไม่มีตัวเลือก {exc.option_name} ในคำสั่งนี้{hint}"
    if isinstance(exc, click.BadOptionUsage):
        found = next((p for p in (ctx.command.get_params(ctx) if ctx else [])
                      if isinstance(p, click.Option) and exc.option_name in p.opts), None)
        if found is not None and found.is_flag:
            return f"ตัวเลือก {exc.option_name} ใช้ได้โดยไม่ต้องมีค่าตามหลัง: เขียน {exc.option_name} เฉย ๆ"
        return f"ตัวเลือก {exc.option_name} ต้องมีค่าตามหลัง เช่น {exc.option_name} {_example(found)}"
    if isinstance(exc, click.BadParameter):
        return f"{_names(exc.param)} {exc.message}"
    return exc.message


def _example(param: click.Option | None) -> str:
    return {"--office": "kksec", "--year": "2566", "--out": "build/", "--jobs": "2",
            "--round": "6", "--assessed": "2565"}.get(param.opts[0] if param else "", "…")
