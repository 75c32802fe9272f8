"""Read a tagged PDF back the way a screen reader walks it: the structure tree and its marked content.

Test support, built on pikepdf only: the content streams are parsed for marked content (BDC/EMC) and
their text decoded through each font's ToUnicode map, so a test can tell which text is real content,
which is an artifact, and what an assistive technology would read aloud (a Figure's Alt instead of
what the figure draws).
"""

import re
from dataclasses import dataclass, field

import pikepdf

HEADING = re.compile(r"^H([1-6])$")
TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}


@dataclass
class Element:
    """A structure element: its type, attributes merged across ``/A``, and its kids in order."""

    tag: str
    obj: pikepdf.Dictionary
    attributes: dict
    kids: list = field(default_factory=list)  # Element or (page index, MCID)

    @property
    def alt(self):
        return str(self.obj.get("/Alt", "")) if "/Alt" in self.obj else None

    def walk(self):
        yield self
        for kid in self.kids:
            if isinstance(kid, Element):
                yield from kid.walk()

    def children(self, *tags):
        return [kid for kid in self.kids if isinstance(kid, Element) and (not tags or kid.tag in tags)]


@dataclass
class Structure:
    """A PDF's structure tree and the text of its marked content (``pdf`` keeps the objects alive)."""

    pdf: pikepdf.Pdf
    root: Element
    marked_text: dict  # (page index, MCID) -> text
    marked_parts: dict  # (page index, MCID) -> (marked-content tag, [each text-showing operation's text])
    artifact_text: list  # per page: text drawn inside /Artifact
    untagged_text: list  # per page: text drawn outside any marked content

    def elements(self, tag=None):
        return [element for element in self.root.walk() if tag is None or element.tag == tag]

    def text_of(self, element):
        """All the text an element's content draws, Alt ignored."""
        parts = []
        for kid in element.kids:
            parts.append(self.text_of(kid) if isinstance(kid, Element) else self.marked_text.get(kid, ""))
        return normalise(" ".join(parts))

    def spoken(self, element=None):
        """What a screen reader reads: the content in order, a Figure's Alt instead of its drawing."""
        element = element or self.root
        if element.tag in ("Figure", "Formula") and element.alt:
            return normalise(element.alt)
        if "/ActualText" in element.obj:
            return str(element.obj.ActualText)
        parts = []
        for kid in element.kids:
            parts.append(self.spoken(kid) if isinstance(kid, Element) else self.marked_text.get(kid, ""))
        return normalise(" ".join(parts))

    def heading_levels(self):
        return [int(HEADING.match(e.tag).group(1)) for e in self.root.walk() if HEADING.match(e.tag)]


def read(pdf_bytes_or_pdf):
    pdf = pdf_bytes_or_pdf if isinstance(pdf_bytes_or_pdf, pikepdf.Pdf) else _open(pdf_bytes_or_pdf)
    pages = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
    role_map = pdf.Root.StructTreeRoot.get("/RoleMap", pikepdf.Dictionary())
    root = _element(pdf.Root.StructTreeRoot, pages, role_map, None, set())
    marked, parts, artifacts, untagged = {}, {}, [], []
    for index, page in enumerate(pdf.pages):
        page_parts, page_artifacts, page_untagged = _page_text(page)
        parts.update({(index, mcid): value for mcid, value in page_parts.items()})
        marked.update({(index, mcid): normalise(" ".join(texts)) for mcid, (_t, texts) in page_parts.items()})
        artifacts.append(page_artifacts)
        untagged.append(page_untagged)
    return Structure(pdf, root, marked, parts, artifacts, untagged)


def _open(pdf_bytes):
    import io

    return pikepdf.open(io.BytesIO(pdf_bytes))


def attributes(obj):
    """A structure element's attributes, from a dictionary or an array of them (revisions skipped)."""
    found = {}
    entries = obj.get("/A")
    if entries is None:
        return found
    if isinstance(entries, pikepdf.Dictionary):
        entries = [entries]
    for entry in entries:
        if isinstance(entry, pikepdf.Dictionary):
            for key, value in entry.items():
                found[key[1:]] = value
    return found


def _element(obj, pages, role_map, page, seen):
    if obj.objgen in seen and obj.objgen != (0, 0):
        raise AssertionError(f"structure element {obj.objgen} reached twice")
    seen.add(obj.objgen)
    tag = str(obj.get("/S", "/StructTreeRoot"))[1:]
    while f"/{tag}" in role_map:
        tag = str(role_map[f"/{tag}"])[1:]
    page = pages.get(obj.Pg.objgen, page) if "/Pg" in obj else page
    element = Element(tag, obj, attributes(obj))
    kids = obj.get("/K")
    if kids is None:
        return element
    if not isinstance(kids, pikepdf.Array):
        kids = [kids]
    for kid in kids:
        if isinstance(kid, int):
            element.kids.append((page, int(kid)))
        elif isinstance(kid, pikepdf.Dictionary):
            kind = kid.get("/Type")
            if kind == "/MCR":
                kid_page = pages.get(kid.Pg.objgen, page) if "/Pg" in kid else page
                element.kids.append((kid_page, int(kid.MCID)))
            elif kind == "/OBJR":
                continue
            else:
                element.kids.append(_element(kid, pages, role_map, page, seen))
    return element


def _page_text(page):
    marked, artifacts, untagged = {}, [], []
    _walk_content(page.obj, page.obj.get("/Resources", pikepdf.Dictionary()), [], marked, artifacts, untagged)
    return (
        marked,
        normalise(" ".join(artifacts)),
        normalise(" ".join(untagged)),
    )


def _walk_content(stream_owner, resources, stack, marked, artifacts, untagged):
    """Parse a content stream; ``stack`` holds the open marked-content sequences (tag, MCID)."""
    fonts = resources.get("/Font", pikepdf.Dictionary())
    font, run = None, []
    for operands, operator in pikepdf.parse_content_stream(stream_owner):
        operator = str(operator)
        if operator == "BDC":
            properties = operands[1]
            if isinstance(properties, pikepdf.Name):
                properties = resources.Properties[properties]
            mcid = int(properties["/MCID"]) if "/MCID" in properties else None
            stack.append((str(operands[0]), mcid))
            if mcid is not None:
                marked.setdefault(mcid, (str(operands[0])[1:], []))
        elif operator == "BMC":
            stack.append((str(operands[0]), None))
        elif operator == "EMC":
            stack.pop()
        elif operator == "Tf":
            font = _Font.of(fonts[operands[0]])
        elif operator == "BT":
            run = []
        elif operator in TEXT_OPERATORS:
            run.append(font.decode(operands[-1]) if font else "")
        elif operator == "ET":
            # One text object (BT … ET) is one run of text: a label, a line.
            text = "".join(run)
            if any(tag == "/Artifact" for tag, _mcid in stack):
                artifacts.append(text)
            elif (mcid := next((m for _t, m in reversed(stack) if m is not None), None)) is not None:
                marked[mcid][1].append(text)
            else:
                untagged.append(text)
        elif operator == "Do":
            xobject = resources.XObject[operands[0]]
            if xobject.get("/Subtype") == "/Form":
                inner = xobject.get("/Resources", resources)
                _walk_content(xobject, inner, stack, marked, artifacts, untagged)


class _Font:
    _cache = {}

    def __init__(self, font):
        self.width = 1
        self.map = {}
        if "/ToUnicode" in font:
            self._read_cmap(font.ToUnicode.read_bytes().decode("latin-1"))
        elif font.get("/Subtype") == "/Type0":
            self.width = 2

    @classmethod
    def of(cls, font):
        key = font.objgen
        if key == (0, 0) or key not in cls._cache:
            cls._cache[key] = cls(font)
        return cls._cache[key]

    def _read_cmap(self, cmap):
        if match := re.search(r"begincodespacerange\s*<([0-9a-fA-F]+)>", cmap):
            self.width = len(match.group(1)) // 2
        for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
            for source, target in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>", block):
                self.map[int(source, 16)] = _utf16(target)
        for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
            for low, high, target in re.findall(
                r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]*>|\[[^\]]*\])", block
            ):
                low, high = int(low, 16), int(high, 16)
                if target.startswith("["):
                    for offset, item in enumerate(re.findall(r"<([0-9a-fA-F]*)>", target)):
                        self.map[low + offset] = _utf16(item)
                else:
                    start = int(target[1:-1], 16)
                    for code in range(low, high + 1):
                        self.map[code] = chr(start + code - low)

    def decode(self, operand):
        if isinstance(operand, pikepdf.Array):
            return "".join(self.decode(item) for item in operand if isinstance(item, pikepdf.String))
        data = bytes(operand)
        if not self.map:
            return data.decode("latin-1")
        codes = [int.from_bytes(data[i : i + self.width], "big") for i in range(0, len(data), self.width)]
        return "".join(self.map.get(code, "") for code in codes)


def _utf16(hex_text):
    return bytes.fromhex(hex_text).decode("utf-16-be", errors="replace")


def normalise(text):
    return re.sub(r"\s+", " ", text.replace("\u202f", " ").replace("\u00a0", " ")).strip()
