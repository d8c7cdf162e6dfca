"""Child-order checker for WordprocessingML parts of a .docx.

Word rejects or silently "repairs" elements whose children break the order an
xsd:sequence prescribes; LibreOffice does not care, so such bugs slip through
visual tests.  `order_violations(path)` lists them, one readable line each.

A content model is a list of *positions*; a position is a set of tags (one tag
for a plain sequence member, several for an xsd:choice / element group, whose
members may come in any order and repeat).  A child whose tag is in no position
of its parent's model is ignored: models may be incomplete (extension
namespaces, rare elements), and this checker only judges order.

Where the models come from (see `sequences()` for the merged table):
1. python-docx: for each element class registered with its oxml parser we take
   the class's `_tag_seq`.  python-docx deletes that attribute once the class
   body has used it, so we read it back from the class source (ast), not from a
   copy in this file.  Covers pPr, rPr, sectPr, style, styles, settings, tblPr,
   tcPr, trPr.
2. _SCHEMA below: transcribed from the ISO/IEC 29500 (ECMA-376 Part 1)
   *transitional* wml.xsd, as vendored by python-docx's repository
   (python-openxml/python-docx, ref/xsd/wml.xsd, commit 2b2f63d); each entry
   names its complex type and line there.
3. _OVERRIDE / _PREFIX: where python-docx's list is stricter than the schema
   (trPr) or lacks members (sectPr), the schema wins.
python-docx's rPr order is kept although ISO 29500 transitional makes EG_RPrBase
an xsd:choice: it is the ECMA-376 1st edition sequence, the order Word writes
and the one the Open XML SDK validator enforces, and Word is reported to ignore
run properties out of that order.  All models were cross-checked against the
Open XML SDK's schema data (dotnet/Open-XML-SDK, data/schemas/): no order
disagrees except start/left and end/right, see below.
"""
from __future__ import annotations

import ast
import inspect
import sys
import zipfile
from functools import cache

from lxml import etree

_NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "sl": "http://schemas.openxmlformats.org/schemaLibrary/2006/main",
}


def _clark(tag: str) -> str:
    """'w:p' -> '{uri}p'; tags without a prefix are in the w namespace."""
    pfx, _, local = tag.rpartition(":")
    return f"{{{_NS[pfx or 'w']}}}{local}"


def _seq(*parts: str) -> list[frozenset[str]]:
    """Positions from text: whitespace separates positions, '|' joins a choice."""
    return [frozenset(map(_clark, tok.split("|"))) for part in parts for tok in part.split()]


# Element groups of wml.xsd that stand as one choice position in many models.
_RANGE_MARKUP = "|".join(  # EG_RangeMarkupElements (wml.xsd l.1032)
    "bookmarkStart bookmarkEnd moveFromRangeStart moveFromRangeEnd moveToRangeStart "
    "moveToRangeEnd commentRangeStart commentRangeEnd customXmlInsRangeStart "
    "customXmlInsRangeEnd customXmlDelRangeStart customXmlDelRangeEnd "
    "customXmlMoveFromRangeStart customXmlMoveFromRangeEnd customXmlMoveToRangeStart "
    "customXmlMoveToRangeEnd".split())
# EG_RunLevelElements: EG_RangeMarkupElements, EG_MathContent, track changes, proofing
_RUN_LEVEL = "|".join(["proofErr|permStart|permEnd", _RANGE_MARKUP,
                       "ins|del|moveFrom|moveTo|m:oMathPara|m:oMath"])
_BLOCK = "customXml|sdt|p|tbl|altChunk|" + _RUN_LEVEL  # EG_BlockLevelElts (+ altChunk)
_ROWS = "tr|customXml|sdt|" + _RUN_LEVEL  # EG_ContentRowContent
_CELLS = "tc|customXml|sdt|" + _RUN_LEVEL  # EG_ContentCellContent
_PCONTENT = ("customXml|smartTag|sdt|dir|bdo|r|fldSimple|hyperlink|subDoc|"  # EG_PContent
             + _RUN_LEVEL)
_RUN_CONTENT = "|".join(  # EG_RunInnerContent (wml.xsd l.1743)
    "br t contentPart delText instrText delInstrText noBreakHyphen softHyphen dayShort "
    "monthShort yearShort dayLong monthLong yearLong annotationRef footnoteRef endnoteRef "
    "separator continuationSeparator sym pgNum cr tab object pict fldChar ruby "
    "footnoteReference endnoteReference commentReference drawing ptab lastRenderedPageBreak".split())

_SCHEMA = {
    # -- document structure
    "w:document": _seq("background body"),  # CT_Document l.3623
    "w:body": _seq(_BLOCK, "sectPr"),  # CT_Body l.3411
    "w:p": _seq("pPr", _PCONTENT),  # CT_P l.2237
    "w:r": _seq("rPr", _RUN_CONTENT),  # CT_R l.1780 (EG_RPr, EG_RunInnerContent)
    "w:sdt": _seq("sdtPr sdtEndPr sdtContent"),  # CT_SdtBlock l.2145
    # -- tables
    "w:tbl": _seq(_RANGE_MARKUP, "tblPr tblGrid", _ROWS),  # CT_Tbl l.2531
    "w:tblGrid": _seq("gridCol tblGridChange"),  # CT_TblGrid l.2275
    "w:tr": _seq("tblPrEx trPr", _CELLS),  # CT_Row l.2416
    "w:tc": _seq("tcPr", _BLOCK),  # CT_Tc l.2356
    "w:tblPrEx": _seq("tblW jc tblCellSpacing tblInd tblBorders shd tblLayout "
                      "tblCellMar tblLook tblPrExChange"),  # CT_TblPrEx l.2522
    # Margins and borders: wml.xsd orders "start left ... end right", Open XML SDK
    # (Office's own model) "left start ... right end"; Word writes only one of each
    # pair, so each pair counts as one choice position here.
    "w:tblCellMar": _seq("top start|left bottom end|right"),  # CT_TblCellMar l.2457
    "w:tcMar": _seq("top start|left bottom end|right"),  # CT_TcMar l.2298
    "w:tblBorders": _seq("top start|left bottom end|right insideH insideV"),  # l.2467
    "w:tcBorders": _seq("top start|left bottom end|right insideH insideV "
                        "tl2br tr2bl"),  # CT_TcBorders l.2284
    "w:tblStylePr": _seq("pPr rPr tblPr trPr tcPr"),  # CT_TblStylePr l.3214
    # -- paragraphs
    "w:pBdr": _seq("top left bottom right between bar"),  # CT_PBdr l.1060
    "w:numPr": _seq("ilvl numId numberingChange ins"),  # CT_NumPr l.1052
    # -- styles
    "w:docDefaults": _seq("rPrDefault pPrDefault"),  # CT_DocDefaults l.2843
    "w:rPrDefault": _seq("rPr"),  # CT_RPrDefault l.2833
    "w:pPrDefault": _seq("pPr"),  # CT_PPrDefault l.2838
    # -- numbering
    "w:numbering": _seq("numPicBullet abstractNum num numIdMacAtCleanup"),  # l.3189
    "w:abstractNum": _seq("nsid multiLevelType tmpl name styleLink numStyleLink "
                          "lvl"),  # CT_AbstractNum l.3163
    "w:lvl": _seq("start numFmt lvlRestart pStyle isLgl suff lvlText lvlPicBulletId "
                  "legacy lvlJc pPr rPr"),  # CT_Lvl l.3134
    "w:num": _seq("abstractNumId lvlOverride"),  # CT_Num l.3182
    "w:lvlOverride": _seq("startOverride lvl"),  # CT_NumLvl l.3175
    # -- settings (w:settings itself comes from python-docx, checked complete)
    "w:compat": _seq(  # CT_Compat l.2728
        "useSingleBorderforContiguousCells wpJustification noTabHangInd noLeading "
        "spaceForUL noColumnBalance balanceSingleByteDoubleByteWidth noExtraLineSpacing "
        "doNotLeaveBackslashAlone ulTrailSpace doNotExpandShiftReturn "
        "spacingInWholePoints lineWrapLikeWord6 printBodyTextBeforeHeader printColBlack "
        "wpSpaceWidth showBreaksInFrames subFontBySize suppressBottomSpacing "
        "suppressTopSpacing suppressSpacingAtTopOfPage suppressTopSpacingWP "
        "suppressSpBfAfterPgBrk swapBordersFacingPages convMailMergeEsc "
        "truncateFontHeightsLikeWP6 mwSmallCaps usePrinterMetrics "
        "doNotSuppressParagraphBorders wrapTrailSpaces footnoteLayoutLikeWW8 "
        "shapeLayoutLikeWW8 alignTablesRowByRow forgetLastTabAlignment "
        "adjustLineHeightInTable autoSpaceLikeWord95 noSpaceRaiseLower "
        "doNotUseHTMLParagraphAutoSpacing layoutRawTableWidth layoutTableRowsApart "
        "useWord97LineBreakRules doNotBreakWrappedTables doNotSnapToGridInCell "
        "selectFldWithFirstOrLastChar applyBreakingRules doNotWrapTextWithPunct "
        "doNotUseEastAsianBreakRules useWord2002TableStyleRules growAutofit useFELayout "
        "useNormalStyleForList doNotUseIndentAsNumberingTabStop "
        "useAltKinsokuLineBreakRules allowSpaceOfSameStyleInTable "
        "doNotSuppressIndentation doNotAutofitConstrainedTables "
        "autofitToFirstFixedWidthCell underlineTabInNumList displayHangulFixedWidth "
        "splitPgBreakAndParaMark doNotVertAlignCellWithSp doNotBreakConstrainedForcedTable "
        "doNotVertAlignInTxbx useAnsiKerningPairs cachedColBalance compatSetting"),
    # -- font table
    "w:font": _seq("altName panose1 charset family notTrueType pitch sig embedRegular "
                   "embedBold embedItalic embedBoldItalic"),  # CT_Font l.3330
}

# Schema beats python-docx where they disagree.
_OVERRIDE = {
    # CT_TrPr l.2405: CT_TrPrBase (l.2389) is an xsd:choice maxOccurs="unbounded", so
    # row properties may come in any order; python-docx's _tag_seq imposes one.
    "w:trPr": _seq("|".join("cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight "
                            "tblHeader tblCellSpacing jc hidden".split()),
                   "ins del trPrChange"),
}
# python-docx's CT_SectPr sequence lacks EG_HdrFtrReferences, which CT_SectPr
# (l.1642) puts first.
_PREFIX = {"w:sectPr": _seq("headerReference|footerReference")}


@cache
def _module_tag_seqs(module_name: str) -> dict[str, tuple[str, ...]]:
    """{class name: _tag_seq} as written in a python-docx module's source."""
    try:
        tree = ast.parse(inspect.getsource(sys.modules[module_name]))
    except (OSError, TypeError, SyntaxError):
        return {}
    return {cls.name: tuple(ast.literal_eval(node.value))
            for cls in tree.body if isinstance(cls, ast.ClassDef)
            for node in cls.body if isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "_tag_seq" for t in node.targets)}


def _tag_seq(cls) -> tuple[str, ...] | None:
    """A python-docx element class's `_tag_seq`; python-docx `del`s it after use,
    so it is read back from the class's source."""
    seq = cls.__dict__.get("_tag_seq")
    return tuple(seq) if seq is not None else _module_tag_seqs(cls.__module__).get(cls.__name__)


def python_docx_sequences() -> dict[str, list[frozenset[str]]]:
    """{clark tag: positions} for every w: element class python-docx gives a _tag_seq."""
    import docx.oxml  # noqa: F401  (importing registers the element classes)
    from docx.oxml.parser import element_class_lookup

    out = {}
    for name, cls in element_class_lookup.get_namespace(_NS["w"]).items():
        seq = _tag_seq(cls)
        if seq:
            local = name.decode() if isinstance(name, bytes) else name
            out[_clark(local)] = [frozenset({_clark(t)}) for t in seq]
    return out


@cache
def sequences() -> dict[str, list[frozenset[str]]]:
    """Merged content models: python-docx, then schema additions and overrides."""
    models = python_docx_sequences()
    for tag, positions in _SCHEMA.items():
        models.setdefault(_clark(tag), positions)
    for tag, positions in _OVERRIDE.items():
        models[_clark(tag)] = positions
    for tag, prefix in _PREFIX.items():
        models[_clark(tag)] = prefix + models.get(_clark(tag), [])
    return models


def _name(el) -> str:
    q = etree.QName(el)
    return f"{el.prefix}:{q.localname}" if el.prefix else q.localname


_ID_ATTR = {_clark(t): _clark(a) for t, a in  # name these by id, not by index
            [("style", "styleId"), ("abstractNum", "abstractNumId"), ("num", "numId")]}


def _step(el) -> str:
    """'w:tbl[3]' when el has same-tag siblings, else 'w:tbl'; styles and
    numbering definitions by id: 'w:style[@w:styleId="Heading1"]'."""
    parent = el.getparent()
    if parent is None:
        return _name(el)
    attr = _ID_ATTR.get(el.tag)
    if attr and el.get(attr) is not None:
        return f'{_name(el)}[@w:{etree.QName(attr).localname}="{el.get(attr)}"]'
    same = [c for c in parent if c.tag == el.tag]
    return _name(el) if len(same) == 1 else f"{_name(el)}[{same.index(el) + 1}]"


def _path(el) -> str:
    return "/" + "/".join(_step(a) for a in reversed([el, *el.iterancestors()]))


@cache
def _indexes() -> dict[str, dict[str, list[int]]]:
    """{parent tag: {child tag: the positions it may take}}."""
    out: dict[str, dict[str, list[int]]] = {}
    for parent, positions in sequences().items():
        index = out[parent] = {}
        for i, pos in enumerate(positions):
            for tag in pos:
                index.setdefault(tag, []).append(i)
    return out


def _check_children(parent, index, report) -> None:
    seen = []  # (position, child) of children so far that are in order
    high = -1  # highest position reached so far
    for child in parent:
        where = index.get(child.tag) if isinstance(child.tag, str) else None
        if where is None:  # comments, PIs, unknown or extension elements
            continue
        later = [p for p in where if p >= high]
        if later:
            high = min(later)
            seen.append((high, child))
            continue
        # Out of order: name the first earlier sibling that the schema puts after it.
        latest = max(where)
        before = next(c for p, c in seen if p > latest)
        report(f"{_path(parent)}: {_name(child)} comes after {_name(before)}, "
               "though the schema puts it before")


def part_violations(part_name: str, root) -> list[str]:
    """Order violations in one parsed XML part (root element), prefixed by part_name."""
    indexes = _indexes()
    found: list[str] = []
    for el in root.iter(*indexes):  # only elements that have a model
        if len(el):
            _check_children(el, indexes[el.tag], lambda msg: found.append(f"{part_name} {msg}"))
    return found


def wordml_parts(zf: zipfile.ZipFile) -> list[str]:
    """The XML parts under word/ (document, styles, settings, numbering, headers,
    footers, notes, fontTable, stylesWithEffects...); relationship parts excluded."""
    return sorted(n for n in zf.namelist()
                  if n.startswith("word/") and n.endswith(".xml") and "/_rels/" not in n)


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def order_violations(docx_path) -> list[str]:
    """Every child-order violation in the WordprocessingML parts of docx_path, e.g.
    'word/document.xml /w:document/w:body/w:tbl[3]/w:tblPr: w:tblCellMar comes after
    w:tblLook, though the schema puts it before'."""
    found: list[str] = []
    with zipfile.ZipFile(docx_path) as zf:
        for name in wordml_parts(zf):
            found += part_violations(name, etree.fromstring(zf.read(name), _PARSER))
    return found
