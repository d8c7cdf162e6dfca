"""The web page's writer: the document model walked by templates/site/nodes.html (a macro per
kind of node) in the frame of page.html, then made ready to read (typography.page_text).

Autoescape for HTML: a `&` or `<` in content is text. StrictUndefined: a name the page lacks
is an error, never an empty string. No JavaScript; links only where an address is safe.
"""
from __future__ import annotations

import re
import struct
from functools import lru_cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template, select_autoescape

from ..document import nodes as n
from ..project import package_file
from ..schema.contacts import is_web_address
from ..typography import digits, page_text

# How a paragraph's role shows on the page (a class of site.css); a role not here is a plain <p>.
ROLES = {"signature": "sign", "centered": "c", "caption": "caption"}

# A page or an anchor of the site itself: letters, digits, - _ and the page's .html, nothing else.
_OWN = re.compile(r"#[\w-]+|[\w.-]+\.html(?:#[\w-]+)?")


def safe_href(value: object) -> bool:
    """An address the page may make a link of: a web address by the checker's own rule
    (schema/contacts.is_web_address, so what `check` accepts is a link and nothing else is),
    or a page or anchor of the site."""
    return is_web_address(value) or (isinstance(value, str) and _OWN.fullmatch(value) is not None)


@lru_cache(maxsize=2)
def environment(thai: bool) -> Environment:
    env = Environment(loader=FileSystemLoader(str(package_file("measures.templates", "site"))),
                      autoescape=select_autoescape(enabled_extensions=("html",), disabled_extensions=("txt",),
                                                   default_for_string=True, default=True),
                      undefined=StrictUndefined, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["digits"] = digits if thai else (lambda s: s)  # for attributes (alt): the text pass skips tags
    env.filters["kind"] = lambda value: type(value).__name__.lower()
    env.tests["safe_href"] = safe_href
    env.tests["external"] = lambda value: str(value).startswith(("http://", "https://"))
    return env


def template(name: str, thai: bool) -> Template:
    return environment(thai).get_template(name)


def contents(doc: n.Document) -> list[dict[str, Any]]:
    """The page's contents as a tree: titled sections, headings and the rows laid out as sections."""
    flat: list[tuple[int, str, str]] = []

    def visit(blocks: tuple[n.Block, ...]) -> None:
        for b in blocks:
            if isinstance(b, n.Section):
                if b.title:
                    flat.append((1, b.id, b.title))
                visit(b.children)
            elif isinstance(b, n.Heading):
                flat.append((b.level, b.id, b.text))
            elif isinstance(b, n.Table) and b.records:
                flat.extend((3, r.id, r.label) for r in b.rows if r.id)
    visit(doc.body)
    root: list[dict[str, Any]] = []
    stack: list[tuple[int, list[dict[str, Any]]]] = [(0, root)]
    for level, id_, text in flat:
        while stack[-1][0] >= level:
            stack.pop()
        entry: dict[str, Any] = {"id": id_, "text": text, "children": []}
        stack[-1][1].append(entry)
        stack.append((level, entry["children"]))
    return root


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR: the page keeps the image's room while it loads."""
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def page(doc: n.Document, frame: dict[str, Any], thai: bool, images: dict[str, bytes] | None = None) -> str:
    """The page of `doc`. `frame`: what page.html shows around it (the site's pages, the current
    one, the downloads, the font's licence); `images`: a figure drawn for the screen, by name
    (else the paper's)."""
    cover = doc.cover
    images = images or {}
    figures = {b.name: png_size(images.get(b.name, b.png)) for b in n.walk(doc.body) if isinstance(b, n.Figure)}
    html = template("publication.html", thai).render(
        frame, doc=doc, toc=contents(doc), roles=ROLES, size=figures,
        motto=list(cover.motto) if cover else [],
        office={"name": cover.office if cover else "", "parents": list(cover.parents) if cover else []})
    return page_text(html, thai)
