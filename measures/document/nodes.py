"""The document model: a publication's structure as plain nodes, built once from its context.

Every output walks the same tree (measures/writers/): the .docx writer and the web page's
writer print the same text from the same node, so the two cannot drift apart. Nothing here
knows WordprocessingML or HTML; a node says what a thing is (a heading, a table whose
columns are data, a figure with its data), and each writer decides how it looks.

Texts are final: phrases filled, figures formatted (Arabic digits: the writers turn them Thai
where the office asks, outside of what a reader types).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Union

Align = Literal["left", "center", "right"]
# A paragraph's role; each writer maps it to a style (the .docx) or markup (the page).
Role = Literal["body", "plain", "centered", "caption", "signature", "list", "sub_heading"]


@dataclass(frozen=True)
class Text:
    """A paragraph of text. `keep`: on the paper's page of what follows (a lead-in and its table).
    `id`: an anchor on the page (#result)."""
    text: str
    role: Role = "body"
    keep: bool = False
    id: str = ""


@dataclass(frozen=True)
class Heading:
    """A heading at `level` 1 (a part) … 3, with a stable id. `contents`: in the paper's contents
    (a Heading 1–3 on paper, else a sub-heading; the page lists every heading); `new_page`: the
    paper starts a page with it."""
    level: int
    text: str
    id: str
    new_page: bool = False
    contents: bool = True


@dataclass(frozen=True)
class Item:
    """An entry of a numbered list: its number as printed ("1)", "2.1"), its text, entries under it.
    `depth`: the guideline level (1 …), which sets the indent; 0 for an unnumbered line."""
    number: str
    text: str
    depth: int = 1
    children: tuple[Item, ...] = ()
    link: str = ""  # an anchor of the same document the entry names (#measure-1)


@dataclass(frozen=True)
class Numbered:
    """A numbered list (the tools, the actions); `guideline`: a measure's guideline, whose items
    are indented by their depth."""
    items: tuple[Item, ...]
    keep: bool = False
    guideline: bool = False


@dataclass(frozen=True)
class Bullets:
    """A list of "-" entries."""
    items: tuple[str, ...]
    keep: bool = False


@dataclass(frozen=True)
class Mark:
    """A sign standing for words (a status column's √): a screen reader is given the words."""
    mark: str
    words: str


# What a table cell holds: a text, a list of entries, or several blocks in order.
Cell = Union[str, "Bullets", "Numbered", "Text", "Link", Mark, tuple["CellPart", ...]]
CellPart = Union["Text", "Bullets", "Numbered", "Link"]


@dataclass(frozen=True)
class Link:
    """A text that is an address (an evidence page): a link on the page when it is safe."""
    text: str
    href: str


@dataclass(frozen=True)
class Column:
    """A table column as data: its header, its width on paper (cm), how its cells align, and
    whether its cells are figures (never wrapped; right-aligned on the page)."""
    header: str
    width: float
    align: Align = "left"
    figure: bool = False
    key: str = ""  # a name for the column's cells on the page (a class)
    labelled: bool = False  # on a phone each cell shows the header before it (a figure always does)


@dataclass(frozen=True)
class Row:
    """A row of cells, one per column, or fewer when a cell `span`s several.
    `kind`: "sub" (a sub-indicator under its indicator), "total" (the sums)."""
    cells: tuple[Cell, ...]
    kind: Literal["body", "sub", "total"] = "body"
    spans: tuple[int, ...] = ()   # per cell, how many columns it takes (default 1 each)
    id: str = ""                  # an anchor of the row (a measure's guideline)
    ids: tuple[str, ...] = ()     # further anchors for the same row (#measure-disclosure)
    label: str = ""               # the row as a heading, where a writer lays rows out as sections
    links: CrossLinks | None = None  # the site's other pages about this row (the page only)


@dataclass(frozen=True)
class Table:
    """A table: its columns are data. `caption` names it for screen readers and the page;
    `keep`: a short table the paper keeps on one page; `whole`: a row is not split across pages
    unless it is tall (writers/fit.py);
    `records`: each row is one thing described by its columns (a measure's guideline), which a
    narrow page may lay out as a section per row. `wide`: wider than the text (landscape)."""
    id: str
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    keep: bool = False
    whole: bool = False
    records: bool = False
    wide: bool = False
    small: bool = False
    caption_visible: bool = True
    style: str = ""  # a name the page's stylesheet knows this kind of table by ("activities")


@dataclass(frozen=True)
class Figure:
    """An image with the data it draws: the page can give the table, the paper the picture."""
    name: str             # its file name beside the page
    png: bytes
    width_cm: float
    alt: str
    caption: str
    data: Table
    data_label: str = ""  # what the page calls the data table it folds away


@dataclass(frozen=True)
class Contents:
    """The contents: on paper a field Word fills with page numbers, on the page a list of links."""
    title: str
    page_label: str


@dataclass(frozen=True)
class Signatory:
    name: str
    position: str
    caption: str = ""


@dataclass(frozen=True)
class Signatures:
    """The date and who signs; with no signatory, the office's name."""
    date_line: str
    signatories: tuple[Signatory, ...]
    office: str
    label: str


@dataclass(frozen=True)
class Cover:
    """The title page: the motto above, the title lines, the office and its parents."""
    motto: tuple[str, ...]
    title: tuple[str, ...]
    subtitle: str
    office: str
    parents: tuple[str, ...]
    space_above: int = 5   # empty lines on paper between the motto and the title
    space_below: int = 8


@dataclass(frozen=True)
class Landscape:
    """What follows on landscape pages (wide tables); the page numbers carry on."""


@dataclass(frozen=True)
class Spacer:
    """An empty line on paper (after a table)."""


@dataclass(frozen=True)
class CrossLinks:
    """Links to the site's other pages (a measure's report rounds): the page's only."""
    label: str
    links: tuple[Link, ...]


Block = Union[Text, Heading, Numbered, Bullets, Table, Figure, Contents, Signatures, Landscape, Spacer,
              CrossLinks, "Section"]


@dataclass(frozen=True)
class Section:
    """A part of the document: its blocks in order. `kind`: "preface", "part", "measure",
    "office-section" (the page groups and styles them; the paper only walks them).
    `title_page`: the paper gives the section's own page, titled (the preface)."""
    kind: str
    id: str
    children: tuple[Block, ...]
    title: str = ""


@dataclass(frozen=True)
class Document:
    """A publication: its cover and sections. `title`: what a browser's tab or a file's
    properties call it; `name`: its file name without extension (measures-2565)."""
    name: str
    title: str
    cover: Cover | None
    body: tuple[Block, ...]
    preface_alone: bool = False   # the preface as its own document: numbered from its first page


def walk(blocks: tuple[Block, ...]) -> list[Block]:
    """Every block, depth first (sections opened)."""
    out: list[Block] = []
    for b in blocks:
        out.append(b)
        if isinstance(b, Section):
            out += walk(b.children)
    return out


def headings(doc: Document) -> list[Heading]:
    return [b for b in walk(doc.body) if isinstance(b, Heading)]
