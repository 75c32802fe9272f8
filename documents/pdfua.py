"""PDF/UA-1 on top of WeasyPrint's tagged PDF/A-3u: what WeasyPrint 66 leaves out, added with pikepdf.

WeasyPrint declares one variant only (``pdf/a-3u`` or ``pdf/ua-1``, never both), tags table headers
without ``Scope``, writes no ``ColSpan`` and links each data cell to the headers of its HTML child
index, so a cell after a spanning one points at the wrong header. :func:`finish` runs on a finished
PDF, whole or assembled from parts, and adds what PDF/UA-1 asks while keeping PDF/A-3u valid:

- the XMP says ``pdfuaid:part="1"`` beside ``pdfaid``, with the extension schema that PDF/A requires
  for a property outside its predefined schemas, in an uncompressed stream (PDF/A forbids a filter);
- the catalog is marked, shows the document's title, has a language; pages with links tab in
  structure order;
- in every table, each ``TH`` has a ``Scope``, a row's only cell that HTML spans over the whole width
  gets its ``ColSpan``, and each ``TD`` lists its headers by position in the grid, under unique IDs
  registered in the ``IDTree``.

What it cannot know from a PDF stays in the templates: headings in order, ``alt`` on every image,
and no ``colspan`` except on a row's only cell.
"""

import io
import itertools
import re
import zlib
from dataclasses import dataclass
from xml.etree import ElementTree

import pikepdf
from pikepdf import Array, Dictionary, Name, String

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfaExtension": "http://www.aiim.org/pdfa/ns/extension/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
    "pdfaProperty": "http://www.aiim.org/pdfa/ns/property#",
}
for _prefix, _uri in NS.items():
    ElementTree.register_namespace(_prefix, _uri)

PACKET_HEADER = b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
PACKET_FOOTER = b'<?xpacket end="r"?>'
_PACKET = re.compile(rb"^\s*(<\?xpacket begin[^>]*\?>)?(.*?)(<\?xpacket end[^>]*\?>)?\s*$", re.S)

#: The language declared when a PDF has none (the documents are written in French).
DEFAULT_LANG = "fr"


def finish(pdf_bytes, *, lang=DEFAULT_LANG):
    """The same PDF, declared and structured as PDF/UA-1 as well as PDF/A-3u."""
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        declare_pdfua(pdf)
        _finish_catalog(pdf, lang)
        if "/StructTreeRoot" in pdf.Root:
            finish_tables(pdf)
            margins_as_artifacts(pdf)
        _end_streams_unambiguously(pdf)
        out = io.BytesIO()
        # A deterministic /ID: the same HTML still gives the same bytes.
        pdf.save(out, deterministic_id=True)
    return out.getvalue()


def declare_pdfua(pdf):
    """Add ``pdfuaid:part="1"`` and its PDF/A extension schema to the XMP, keeping everything else."""
    packet = pdf.Root.Metadata.read_bytes() if "/Metadata" in pdf.Root else b""
    header, body, footer = _PACKET.match(packet).groups() if packet.strip() else (None, b"", None)
    root = ElementTree.fromstring(body) if body.strip() else ElementTree.Element(f"{{{NS['rdf']}}}RDF")
    rdf = root if root.tag == f"{{{NS['rdf']}}}RDF" else root.find(".//rdf:RDF", NS)
    descriptions = rdf.findall("rdf:Description", NS)
    if not any(d.get(f"{{{NS['pdfuaid']}}}part") for d in descriptions):
        ElementTree.SubElement(
            rdf, f"{{{NS['rdf']}}}Description", {f"{{{NS['rdf']}}}about": "", f"{{{NS['pdfuaid']}}}part": "1"}
        )
    if not _declares_schema(rdf, NS["pdfuaid"]):
        rdf.append(_pdfuaid_extension_schema())
    xml = ElementTree.tostring(root, encoding="utf-8", xml_declaration=False)
    stream = pikepdf.Stream(pdf, b"\n".join((header or PACKET_HEADER, xml, footer or PACKET_FOOTER)))
    stream.Type = Name.Metadata
    stream.Subtype = Name.XML
    pdf.Root.Metadata = pdf.make_indirect(stream)


def _declares_schema(rdf, namespace_uri):
    return any(
        (element.text or "").strip() == namespace_uri
        for element in rdf.iter(f"{{{NS['pdfaSchema']}}}namespaceURI")
    )


def _pdfuaid_extension_schema():
    rdf, schema, prop = (f"{{{NS[p]}}}" for p in ("rdf", "pdfaSchema", "pdfaProperty"))
    description = ElementTree.Element(f"{rdf}Description", {f"{rdf}about": ""})
    schemas = ElementTree.SubElement(description, f"{{{NS['pdfaExtension']}}}schemas")
    item = ElementTree.SubElement(ElementTree.SubElement(schemas, f"{rdf}Bag"), f"{rdf}li")
    item.set(f"{rdf}parseType", "Resource")
    for name, text in (
        ("schema", "PDF/UA Universal Accessibility Schema"),
        ("namespaceURI", NS["pdfuaid"]),
        ("prefix", "pdfuaid"),
    ):
        ElementTree.SubElement(item, f"{schema}{name}").text = text
    sequence = ElementTree.SubElement(ElementTree.SubElement(item, f"{schema}property"), f"{rdf}Seq")
    part = ElementTree.SubElement(sequence, f"{rdf}li", {f"{rdf}parseType": "Resource"})
    for name, text in (
        ("name", "part"),
        ("valueType", "Integer"),
        ("category", "internal"),
        ("description", "Indicates, which part of ISO 14289 standard is followed"),
    ):
        ElementTree.SubElement(part, f"{prop}{name}").text = text
    return description


def _finish_catalog(pdf, lang):
    root = pdf.Root
    root.MarkInfo = root.get("/MarkInfo", Dictionary())
    root.MarkInfo.Marked = True
    root.ViewerPreferences = root.get("/ViewerPreferences", Dictionary())
    root.ViewerPreferences.DisplayDocTitle = True
    if not str(root.get("/Lang", "")).strip():
        root.Lang = String(lang)
    for page in pdf.pages:
        if "/Annots" in page.obj and len(page.obj.Annots):
            page.obj.Tabs = Name.S


def margins_as_artifacts(pdf):
    """Running titles and page numbers become pagination artifacts.

    WeasyPrint tags the text of the page margins with structure elements that hang from no parent
    (an artifact there would need PDF 2.0, it says): neither real content in the tree nor artifacts,
    they are read as content by tools that follow the page. Their marked content is rewritten as
    ``/Artifact <</Type /Pagination>>`` and their parent-tree entries emptied.
    """
    structure = pdf.Root.StructTreeRoot
    reachable = {element.objgen for element in _struct_elements(structure)}
    parents = _parent_tree(structure)
    for page in pdf.pages:
        owners = parents.get(int(page.obj.get("/StructParents", -1)))
        if owners is None:
            continue
        orphans = {
            mcid
            for mcid, owner in enumerate(owners)
            if isinstance(owner, Dictionary) and owner.objgen not in reachable
        }
        if not orphans:
            continue
        page.contents_coalesce()
        content = page.obj.Contents.read_bytes()

        def as_artifact(match, orphans=orphans):
            return _PAGINATION if int(match.group(1)) in orphans else match.group(0)

        # A regular expression, not a content-stream parse: WeasyPrint writes each sequence as
        # « /Span <</MCID n>> BDC » and its text as hex strings, and parsing in Python is 10 times slower.
        _write_content(page.obj.Contents, _MARKED_WITH_MCID.sub(as_artifact, content))
        for mcid in orphans:
            owners[mcid] = None


_MARKED_WITH_MCID = re.compile(rb"/[A-Za-z]+\s*<<\s*/MCID\s+(\d+)\s*>>\s*BDC")
_PAGINATION = b"/Artifact <</Type /Pagination>> BDC"


def _parent_tree(structure):
    """StructParents key -> its array of structure elements by MCID (flat ``Nums`` and ``Kids``)."""
    found, stack = {}, [structure.get("/ParentTree", Dictionary())]
    while stack:
        node = stack.pop()
        nums = node.get("/Nums", Array())
        for index in range(0, len(nums) - 1, 2):
            if isinstance(nums[index + 1], Array):
                found[int(nums[index])] = nums[index + 1]
        stack.extend(node.get("/Kids", Array()))
    return found


def _end_streams_unambiguously(pdf):
    """No content stream's data ends with a carriage return.

    PDF/A counts ``/Length`` up to the end-of-line before ``endstream``: compressed data that happens
    to end with CR, followed by the LF written before ``endstream``, reads as a CRLF and a length one
    byte short (validators flag it). Content streams are compressed again, see :func:`_write_content`.
    """
    contents = set()
    for page in pdf.pages:
        page_contents = page.obj.get("/Contents")
        for stream in page_contents if isinstance(page_contents, Array) else [page_contents]:
            if stream is not None:
                contents.add(stream.objgen)
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Stream):
            continue
        if obj.get("/Subtype") != "/Form" and obj.objgen not in contents:
            continue
        if obj.read_raw_bytes().endswith(b"\r"):
            _write_content(obj, obj.read_bytes())


def _write_content(stream, data):
    """Compress a content stream so that its data does not end with CR: trailing spaces mean nothing."""
    encoded = zlib.compress(data)
    while encoded.endswith(b"\r"):
        data += b" "
        encoded = zlib.compress(data)
    stream.write(encoded, filter=Name.FlateDecode)


# Tables ------------------------------------------------------------------------------------------


def finish_tables(pdf):
    """Scope, ColSpan and Headers for every table of the structure tree, with fresh unique IDs."""
    structure = pdf.Root.StructTreeRoot
    numbers = itertools.count(1)
    identified = {}
    for element in _struct_elements(structure):
        if element.get("/S") == "/Table":
            _finish_table(element, numbers)
    for element in _struct_elements(structure):
        if "/ID" in element:
            identified[bytes(element.ID)] = element
    if identified:
        names = Array()
        for key in sorted(identified):
            names.append(String(key))
            names.append(identified[key])
        structure.IDTree = pdf.make_indirect(Dictionary(Names=names))


def _struct_elements(structure):
    """Every structure element, depth first in document order (no recursion: trees can be deep)."""
    stack = [structure]
    seen = set()
    while stack:
        element = stack.pop()
        if element.is_indirect:
            if element.objgen in seen:
                continue
            seen.add(element.objgen)
        if element is not structure:
            yield element
        kids = element.get("/K")
        if kids is None:
            continue
        kids = list(kids) if isinstance(kids, Array) else [kids]
        stack.extend(
            kid
            for kid in reversed(kids)
            if isinstance(kid, Dictionary) and kid.get("/Type") not in ("/MCR", "/OBJR")
        )


def _kids(element, *tags):
    kids = element.get("/K")
    if kids is None:
        return []
    kids = list(kids) if isinstance(kids, Array) else [kids]
    return [kid for kid in kids if isinstance(kid, Dictionary) and kid.get("/S") in tags]


def _rows(table):
    """(section, row) pairs: rows in the table's THead, TBody and TFoot, or directly in the table."""
    rows = []
    for kid in _kids(table, "/TR", "/THead", "/TBody", "/TFoot"):
        if kid.S == "/TR":
            rows.append((table, kid))
        else:
            rows.extend((kid, row) for row in _kids(kid, "/TR"))
    return rows


def table_attributes(element):
    """The element's attribute dictionary owned by Table, created if missing."""
    attributes = element.get("/A")
    if attributes is None:
        element.A = Dictionary(O=Name.Table)
        return element.A
    if isinstance(attributes, Dictionary):
        if attributes.get("/O") == "/Table":
            return attributes
        element.A = Array([attributes])
        attributes = element.A
    for entry in attributes:
        if isinstance(entry, Dictionary) and entry.get("/O") == "/Table":
            return entry
    attributes.append(Dictionary(O=Name.Table))
    return attributes[len(attributes) - 1]


def _span(cell, key):
    attributes = cell.get("/A")
    entries = [attributes] if isinstance(attributes, Dictionary) else list(attributes or [])
    for entry in entries:
        if isinstance(entry, Dictionary) and key in entry:
            return max(1, int(entry[key]))
    return 1


@dataclass
class _Placed:
    """A cell placed in its table's grid: its row, first and last columns, and its row group."""

    row: int
    first: int
    last: int
    section: Dictionary  # THead, TBody, TFoot, or the table for rows directly in it
    cell: Dictionary
    full_width: bool

    @property
    def is_group_header(self):
        return self.full_width and self.section.get("/S") in ("/TBody", "/TFoot")


def _finish_table(table, numbers):
    cells = [(section, _kids(row, "/TH", "/TD")) for section, row in _rows(table)]
    width = max((sum(_span(cell, "/ColSpan") for cell in row) for _s, row in cells), default=0)
    grid, placed = {}, []  # grid: (row, column) -> cell
    for index, (section, row) in enumerate(cells):
        column = 0
        for cell in row:
            while (index, column) in grid:
                column += 1
            span = _span(cell, "/ColSpan")
            if len(row) == 1 and column == 0 and span < width:
                # HTML spans a row's only cell over the row (a group header); WeasyPrint does not say so.
                span = width
                table_attributes(cell).ColSpan = width
            for row_offset in range(_span(cell, "/RowSpan")):
                for offset in range(span):
                    grid[(index + row_offset, column + offset)] = cell
            placed.append(_Placed(index, column, column + span - 1, section, cell, span == width))
            column += span

    scopes = {}
    for item in placed:
        if item.cell.S != "/TH":
            continue
        attributes = table_attributes(item.cell)
        if "/Scope" not in attributes:
            only_headers = all(other.S == "/TH" for other in cells[item.row][1])
            in_head = item.section.get("/S") == "/THead"
            attributes.Scope = Name.Column if in_head or (only_headers and not item.full_width) else Name.Row
        scopes[item.cell.objgen] = str(attributes.Scope)
        item.cell.ID = String(f"th-{next(numbers)}")

    for item in placed:
        if item.cell.S == "/TD":
            headers = _headers_of(item, placed, grid, scopes)
            attributes = table_attributes(item.cell)
            if headers:
                attributes.Headers = Array([String(bytes(header.ID)) for header in headers])
            elif "/Headers" in attributes:
                del attributes.Headers  # an empty corner cell heads nothing and is headed by nothing


def _headers_of(item, placed, grid, scopes):
    """A data cell's headers: its columns' headers above it, its row group's heading, its row's headers."""
    headers = [
        header
        for above in range(item.row)
        for column in range(item.first, item.last + 1)
        if (header := grid.get((above, column))) is not None
        and scopes.get(header.objgen) in ("/Column", "/Both")
    ]
    group = next(
        (
            other.cell
            for other in reversed(placed)
            if other.row < item.row
            and other.is_group_header
            and other.section.objgen == item.section.objgen
            and scopes.get(other.cell.objgen) == "/Row"
        ),
        None,
    )
    if group is not None:
        headers.append(group)
    headers.extend(
        other.cell
        for other in placed
        if other.row == item.row
        and not other.full_width
        and scopes.get(other.cell.objgen) in ("/Row", "/Both")
    )
    return list({header.objgen: header for header in headers}.values())
