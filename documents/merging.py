"""The parts of a long document put together with pikepdf, as one tagged PDF/A file.

The first part (cover and table of contents) is the base: its catalog keeps the XMP metadata, the
output intent, the language and the viewer preferences. The pages of the other parts follow, each with
its structure tree: their elements go under the base's one ``Document`` element, the ``ParentTree`` is
numbered again (page keys are the pages' indexes, link keys come after the last page), and each page's
``/StructParents`` and each link's ``/StructParent`` follow. The named destinations are merged into one
name tree, the outline is rebuilt from every heading of every part, and the page numbers are drawn on
each page from a page-number document of the same length, marked as a pagination artifact.
"""

import io
from types import SimpleNamespace

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem

#: Draws the page-number form over the page's own content, outside the structure tree.
_FOOTER_CONTENT = (
    b"\nQ\nq /Artifact << /Type /Pagination /Subtype /Footer >> BDC /CiteduPageNumber Do EMC Q\n"
)


class AssemblyError(ValueError):
    """A part does not have the shape WeasyPrint gives its tagged PDFs."""


def _flat_nums(struct_root):
    parent_tree = struct_root.ParentTree
    if "/Kids" in parent_tree:
        raise AssemblyError("A part's ParentTree has kids: only flat number trees are merged.")
    nums = parent_tree.Nums
    return [(int(nums[i]), nums[i + 1]) for i in range(0, len(nums), 2)]


def _dest_names(dests):
    if dests is None:
        return []
    if "/Kids" in dests:
        raise AssemblyError("A part's named destinations have kids: only flat name trees are merged.")
    flat = dests.Names
    return [(bytes(flat[i]), str(flat[i]), flat[i + 1]) for i in range(0, len(flat), 2)]


def _struct_document(struct_root):
    return struct_root.K[0] if isinstance(struct_root.K, Array) else struct_root.K


def _copy_stream_data(pages):
    """Copies now the data of the streams these pages use, which qpdf would read from their source later.

    Page contents, fonts, forms and images: everything drawn, reached from the pages without climbing
    to other pages or to the structure tree.
    """
    seen, stack = set(), [page.obj for page in pages]
    while stack:
        obj = stack.pop()
        if isinstance(obj, (Dictionary, pikepdf.Stream)):
            if obj.is_indirect:
                if obj.objgen in seen:
                    continue
                seen.add(obj.objgen)
            if isinstance(obj, pikepdf.Stream):
                obj.write(
                    obj.read_raw_bytes(), filter=obj.get("/Filter"), decode_parms=obj.get("/DecodeParms")
                )
            stack.extend(value for key, value in obj.items() if key not in _NOT_DRAWN)
        elif isinstance(obj, Array):
            stack.extend(obj)


#: Keys that lead from a page to other pages or to the structure tree, not to what it draws.
_NOT_DRAWN = frozenset({"/Parent", "/P", "/Pg", "/StructParent", "/StructParents", "/Dest"})


class Assembler:
    """Appends parts in order, then writes the whole (``result``)."""

    def __init__(self, base_pdf, base_stand_ins=()):
        self.sources = []  # the parts stay open until the file is written: qpdf copies streams lazily
        self.pdf = pikepdf.open(io.BytesIO(base_pdf))
        root = self.pdf.Root.get("/StructTreeRoot")
        if root is None:
            raise AssemblyError("The first part is not tagged.")
        self.struct_root = root
        self.document = _struct_document(root)
        self.page_entries = []  # (global page index, MCID array)
        self.link_entries = []  # (annotation, struct element)
        self.names = {}
        dests = self.pdf.Root.get("/Names", Dictionary()).get("/Dests")
        self._take(dests, 0, _flat_nums(root), list(self.pdf.pages), base_stand_ins)

    def _take(self, dests, page_offset, nums, pages, stand_ins):
        page_count = len(pages)
        by_key = dict(nums)
        for index, page in enumerate(pages):
            key = int(page.obj.get("/StructParents", index))
            page.obj.StructParents = page_offset + index
            self.page_entries.append((page_offset + index, by_key.get(key, Array())))
            for annotation in page.obj.get("/Annots", Array()):
                if "/StructParent" in annotation and int(annotation.StructParent) >= page_count:
                    self.link_entries.append((annotation, by_key[int(annotation.StructParent)]))
        for key, name, destination in _dest_names(dests):
            if key not in self.names and name not in stand_ins:
                self.names[key] = destination

    def append(self, part_pdf, stand_ins=()):
        """Appends a part's pages, structure elements and anchors (less its stand-in anchors)."""
        source = pikepdf.open(io.BytesIO(part_pdf))
        root = source.Root.get("/StructTreeRoot")
        if root is None:
            raise AssemblyError("A part is not tagged.")
        page_offset = len(self.pdf.pages)
        self.pdf.pages.extend(source.pages)
        # Copied after the pages, so that the elements' /Pg and /Obj and the destinations point at the
        # pages just copied (qpdf keeps one map of copied objects per source).
        copied = self.pdf.copy_foreign(root)
        dests = source.Root.get("/Names", Dictionary()).get("/Dests")
        if dests is not None:
            dests = self.pdf.copy_foreign(source.make_indirect(dests))
        part_document = _struct_document(copied)
        for kid in part_document.K:
            self.document.K.append(kid)
        nums = _flat_nums(copied)
        self._adopt(part_document, nums)
        pages = list(self.pdf.pages)[page_offset:]
        self._take(dests, page_offset, nums, pages, stand_ins)
        _copy_stream_data(pages)
        source.close()  # its objects, as many as the copies, need not wait for the whole file

    def _adopt(self, part_document, nums):
        """Gives the part's top elements the whole's Document for parent.

        Its kids, and also the elements WeasyPrint leaves out of the tree (the running headers' text):
        they are in the ParentTree only, and must not lead back to the part's own root.
        """
        part_id, seen = part_document.objgen, set()
        for _key, value in nums:
            for element in value if isinstance(value, Array) else [value]:
                while isinstance(element, Dictionary) and element.objgen not in seen:
                    seen.add(element.objgen)
                    parent = element.get("/P")
                    if parent is None:
                        break
                    if parent.objgen == part_id:
                        element.P = self.document
                        break
                    element = parent
        for kid in part_document.K:
            if isinstance(kid, Dictionary):
                kid.P = self.document

    def _write_structure(self):
        nums = Array()
        for key, value in self.page_entries:
            nums.extend([key, value])
        next_key = len(self.pdf.pages)
        for annotation, element in self.link_entries:
            annotation.StructParent = next_key
            nums.extend([next_key, element])
            next_key += 1
        self.struct_root.ParentTree = self.pdf.make_indirect(Dictionary(Nums=nums))
        self.struct_root.ParentTreeNextKey = next_key

    def _write_names(self):
        flat = Array()
        for name, destination in sorted(self.names.items()):
            flat.extend([pikepdf.String(name), destination])
        if "/Names" not in self.pdf.Root:
            self.pdf.Root.Names = Dictionary()
        self.pdf.Root.Names.Dests = self.pdf.make_indirect(Dictionary(Names=flat))

    def write_outline(self, page_bookmarks):
        """The outline of every part's headings, nested by level as WeasyPrint nests them."""
        from weasyprint.anchors import make_page_bookmark_tree
        from weasyprint.matrix import Matrix

        tree, skipped, previous = [], [], 0
        last_by_depth = [tree]
        identity = Matrix()
        for index, bookmarks in enumerate(page_bookmarks):
            page = SimpleNamespace(bookmarks=[(lv, label, (x, y), st) for lv, label, x, y, st in bookmarks])
            previous = make_page_bookmark_tree(page, skipped, last_by_depth, previous, index, identity)
        pages = self.pdf.pages

        def item(subtree):
            label, (index, x, y), children, state = subtree
            entry = OutlineItem(label, Array([pages[index].obj, Name.XYZ, x, y, 0]))
            entry.is_closed = state == "closed"
            entry.children.extend(item(child) for child in children)
            return entry

        with self.pdf.open_outline() as outline:
            outline.root.clear()
            outline.root.extend(item(subtree) for subtree in tree)

    def draw_page_numbers(self, numbers_pdf):
        """Draws page i of ``numbers_pdf`` (its page-number box only) on page i, as an artifact."""
        numbers = pikepdf.open(io.BytesIO(numbers_pdf))
        self.sources.append(numbers)
        if len(numbers.pages) != len(self.pdf.pages):
            raise AssemblyError(f"{len(numbers.pages)} page-number pages for {len(self.pdf.pages)} pages.")
        before = self.pdf.make_stream(b"q\n")
        after = self.pdf.make_stream(_FOOTER_CONTENT)
        for page, number_page in zip(self.pdf.pages, numbers.pages, strict=True):
            form = self.pdf.copy_foreign(number_page.as_form_xobject())
            # WeasyPrint's pages share one resources dictionary: each page gets its own copy to name its form.
            resources = Dictionary(page.obj.Resources)
            x_objects = Dictionary(resources.get("/XObject", Dictionary()))
            x_objects.CiteduPageNumber = form
            resources.XObject = x_objects
            page.obj.Resources = resources
            page.contents_add(before, prepend=True)
            page.contents_add(after)

    def result(self):
        self._write_structure()
        self._write_names()
        output = io.BytesIO()
        # Object streams: the structure tree is some 100 objects per action, four times the file without.
        self.pdf.save(output, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        for source in self.sources:
            source.close()
        self.pdf.close()
        return output.getvalue()
