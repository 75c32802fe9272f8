"""Cut a long print HTML into parts that WeasyPrint renders one by one, each a document of its own.

The cut follows the markup, never the text: the body's elements are kept whole, except those holding more
than a part's worth of sheets (``<article>``, one per fiche action), which are opened into their children,
and so on down. A part's HTML is slices of the original text (SVG charts included, byte for byte) under
the original ``<head>``; an element cut in two is opened again in the next part with the same start tag,
less its ``id`` (the anchor stays where the element starts). Each part starts on a new page.

What a part cannot see of the parts before it, it is told:

- the running strings of the page headers (``string-set``): the last value each had before the part;
- the running elements of the page footers, repeated at its start;
- the page numbers of the table of contents' entries, once the other parts are laid out
  (``toc_css``);
- which anchors its links point to elsewhere (``external_targets``).
"""

import bisect
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

#: Elements without an end tag (HTML's void elements).
VOID_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()  # noqa: SIM905
)

#: The element that weighs 1: a fiche action, the unit of WeasyPrint's memory in these documents.
SHEET_TAG = "article"

#: The running strings of print.css and what sets them (``string-set: NAME content()``): a tag name or
#: a class. The containers that a part opens again must not set a string themselves.
RUNNING_STRINGS = {"doctitle": ("class", "doc-title"), "section": ("tag", "h2")}

#: Running elements (print.css: ``position: running(...)``, drawn in the page margins): the body's
#: children of these classes are repeated at the start of every part.
RUNNING_ELEMENT_CLASSES = frozenset({"running-footer"})

#: The table of contents: a container of that class whose links end with the target's page number.
TOC_CLASS = "toc"

#: Marks the element of a part that carries the running strings the part starts with.
CARRY_ATTRIBUTE = "data-citedu-carry"

_ID_ATTRIBUTE = re.compile(r"""\s+id\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""", re.IGNORECASE)


@dataclass(eq=False)
class Node:
    """An element of the print HTML: where its start tag, content and end tag lie in the text."""

    tag: str
    attrs: dict
    start: int
    content_start: int
    content_end: int = 0
    end: int = 0
    children: list = field(default_factory=list)
    weight: int = 0

    @property
    def classes(self):
        return (self.attrs.get("class") or "").split()


def strings_set_by(node):
    """The running strings an element sets itself (print.css: ``string-set: NAME content()``)."""
    return [
        name
        for name, (kind, value) in RUNNING_STRINGS.items()
        if (kind == "tag" and node.tag == value) or (kind == "class" and value in node.classes)
    ]


class _Outline(HTMLParser):
    """Reads the element tree with the text offsets, the anchors, the internal links and the strings."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.html = html
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", html)]
        self.root = Node("#document", {}, 0, 0)
        self.stack = [self.root]
        self.anchors = []  # (offset, id), in document order
        self.links = []  # (offset, target id)
        self.strings = []  # (offset, name, text)
        self.in_toc = []  # (offset, target id) of the table of contents' links
        self._capturing = []  # [node, name, parts]

    def _offset(self):
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        start = self._offset()
        attributes = {name: value or "" for name, value in attrs}
        node = Node(tag, attributes, start, start + len(self.get_starttag_text()))
        parent = self.stack[-1]
        parent.children.append(node)
        if attributes.get("id"):
            self.anchors.append((start, attributes["id"]))
        href = attributes.get("href", "")
        if tag == "a" and href.startswith("#") and len(href) > 1:
            self.links.append((start, href[1:]))
            if any(TOC_CLASS in ancestor.classes for ancestor in self.stack):
                self.in_toc.append((start, href[1:]))
        for name in strings_set_by(node):
            self._capturing.append([node, name, []])
        if tag in VOID_ELEMENTS:
            node.content_end = node.end = node.content_start
        else:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        start = self._offset()
        end = start + len(self.get_starttag_text())
        self.stack[-1].children.append(Node(tag, dict(attrs), start, end, end, end))

    def handle_data(self, data):
        for capture in self._capturing:
            capture[2].append(data)

    def handle_endtag(self, tag):
        if not any(node.tag == tag for node in self.stack[1:]):
            return  # a stray end tag: HTML ignores it
        start = self._offset()
        end = self.html.index(">", start) + 1
        # Elements left open (HTML's implied end tags) end where their parent ends.
        while True:
            node = self.stack.pop()
            node.content_end, node.end = (start, end) if node.tag == tag else (start, start)
            self._end_capture(node)
            if node.tag == tag:
                return

    def _end_capture(self, node):
        for capture in list(self._capturing):
            if capture[0] is node:
                self._capturing.remove(capture)
                text = " ".join("".join(capture[2]).split())
                self.strings.append((node.start, capture[1], text))


def _weigh(node):
    node.weight = (node.tag == SHEET_TAG) + sum(_weigh(child) for child in node.children)
    return node.weight


@dataclass(eq=False)
class Leaf:
    """A slice of the text that goes whole into one part, under its open ancestors."""

    start: int
    end: int
    ancestors: tuple  # the cut elements it lies in, outermost first (body excluded)
    first_of: frozenset  # the ancestors whose content this slice begins
    weight: int
    element: Node | None  # the element the slice holds (None for text alone)


@dataclass(eq=False)
class Part:
    """Consecutive leaves, rendered as one WeasyPrint document."""

    leaves: list = field(default_factory=list)
    weight: int = 0
    is_front: bool = False

    @property
    def start(self):
        """Where the part starts in the HTML: the start tag of the first element it opens, if any."""
        first = self.leaves[0]
        return min([first.start, *(node.start for node in first.first_of)])

    @property
    def end(self):
        return self.leaves[-1].end


class SplitError(ValueError):
    """The HTML has no body to cut."""


class Splitter:
    """One print HTML, cut into parts of at most ``part_size`` sheets (one sheet may stand alone)."""

    def __init__(self, html, part_size):
        self.html = html
        self.part_size = max(1, part_size)
        outline = _Outline(html)
        outline.feed(html)
        outline.close()
        body = self._find(outline.root, "body")
        if body is None or not body.content_end:
            raise SplitError("The print HTML has no closed <body>.")
        self.body = body
        self.weight = _weigh(body)
        self.running_elements = [
            child for child in body.children if RUNNING_ELEMENT_CLASSES.intersection(child.classes)
        ]
        self.anchors = outline.anchors
        self.anchor_offsets = {name: offset for offset, name in reversed(outline.anchors)}
        self.links = outline.links
        self.toc_links = outline.in_toc
        self.strings = outline.strings
        self.parts = self._group(
            list(self._leaves(body, (), body.content_start, body.content_end, frozenset()))
        )

    @staticmethod
    def _find(node, tag):
        for child in node.children:
            if child.tag == tag:
                return child
            found = Splitter._find(child, tag)
            if found is not None:
                return found
        return None

    def _leaves(self, container, ancestors, start, end, opening):
        """Slices of ``container``'s content, each child with the text before it; big children opened.

        ``opening``: the ancestors whose content the next slice begins.
        """
        cursor = start
        for index, child in enumerate(container.children):
            slice_end = end if index == len(container.children) - 1 else child.end
            if child.weight > self.part_size and child.children:
                if child.start > cursor:  # the text before the opened element's start tag
                    yield Leaf(cursor, child.start, ancestors, opening, 0, None)
                    opening = frozenset()
                inner = (*ancestors, child)
                yield from self._leaves(
                    child, inner, child.content_start, child.content_end, opening | {child}
                )
                if slice_end > child.end:
                    yield Leaf(child.end, slice_end, ancestors, frozenset(), 0, None)
            else:
                yield Leaf(cursor, slice_end, ancestors, opening, child.weight, child)
            opening = frozenset()
            cursor = slice_end
        if not container.children and end > start:
            yield Leaf(start, end, ancestors, opening, 0, None)

    def _group(self, leaves):
        """Parts: the front (what comes before the first sheet), then runs of whole sheets.

        Slices without a sheet (headings, descriptions) go with the sheet after them, so that a heading
        never ends a part; those after the last sheet go with it.
        """
        first_weighted = next((i for i, leaf in enumerate(leaves) if leaf.weight), len(leaves))
        first_top = next(
            (i for i, leaf in enumerate(leaves) if i >= first_weighted or leaf.ancestors), len(leaves)
        )
        groups, pending = [], []
        for leaf in leaves[first_top:]:
            pending.append(leaf)
            if leaf.weight:
                groups.append(pending)
                pending = []
        if pending:
            if groups:
                groups[-1].extend(pending)
            else:
                groups.append(pending)
        parts = [Part(leaves=leaves[:first_top], is_front=True)] if first_top else []
        for group in groups:
            weight = sum(leaf.weight for leaf in group)
            if not parts or parts[-1].is_front or parts[-1].weight + weight > self.part_size:
                parts.append(Part())
            parts[-1].leaves.extend(group)
            parts[-1].weight += weight
        return parts

    # -- What each part holds and must be told ------------------------------------------------------

    def _within(self, pairs, part):
        offsets = [offset for offset, _ in pairs]
        return [
            pairs[i][1]
            for i in range(bisect.bisect_left(offsets, part.start), bisect.bisect_left(offsets, part.end))
        ]

    def anchors_in(self, part):
        return set(self._within(self.anchors, part))

    def external_targets(self, part):
        """The anchors this part's links point to that other parts hold."""
        local = self.anchors_in(part)
        return sorted(
            {t for t in self._within(self.links, part) if t not in local and t in self.anchor_offsets}
        )

    def toc_targets(self, part):
        """The table of contents' targets in this part that other parts hold (they need a page number)."""
        local = self.anchors_in(part)
        return sorted(
            {t for t in self._within(self.toc_links, part) if t not in local and t in self.anchor_offsets}
        )

    def carried_strings(self, part, continuation):
        """The running strings' values before ``part``: all of them after a cut, else those it never sets."""
        values, set_inside = {}, set()
        for offset, name, text in self.strings:
            if offset < part.start:
                values[name] = text
            elif offset < part.end:
                set_inside.add(name)
        if continuation:
            return values
        return {name: text for name, text in values.items() if name not in set_inside}

    def part_html(self, part):
        """The HTML of one part: the original head and body tag, then the part's slices."""
        html = self.html
        out = [html[: self.body.content_start]]
        out.extend(
            html[node.start : node.end]
            for node in self.running_elements
            if not part.start <= node.start < part.end
        )
        open_chain = ()
        first_leaf = part.leaves[0]
        continuation = bool(first_leaf.ancestors) and first_leaf.ancestors[0] not in first_leaf.first_of
        carry = dict(self.carried_strings(part, continuation))
        carry_pending = bool(carry)  # set on the part's first element, opened again or not
        for leaf in part.leaves:
            common = 0
            while (
                common < min(len(open_chain), len(leaf.ancestors))
                and open_chain[common] is leaf.ancestors[common]
            ):
                common += 1
            out.extend(html[node.content_end : node.end] for node in reversed(open_chain[common:]))
            for node in leaf.ancestors[common:]:
                tag = html[node.start : node.content_start]
                if node not in leaf.first_of:
                    tag = _ID_ATTRIBUTE.sub("", tag, count=1)
                if carry_pending:
                    tag, carry_pending = _with_attribute(tag, CARRY_ATTRIBUTE), False
                    carry.update(dict.fromkeys(strings_set_by(node)))
                out.append(tag)
            open_chain = leaf.ancestors
            text = html[leaf.start : leaf.end]
            if carry_pending and leaf.element is not None:
                head = leaf.element.start - leaf.start
                tag_end = leaf.element.content_start - leaf.start
                text = text[:head] + _with_attribute(text[head:tag_end], CARRY_ATTRIBUTE) + text[tag_end:]
                carry_pending = False
                carry.update(dict.fromkeys(strings_set_by(leaf.element)))
            out.append(text)
        out.extend(html[node.content_end : node.end] for node in reversed(open_chain))
        out.append(html[self.body.content_end :])
        return "".join(out), carry


def _with_attribute(start_tag, name):
    closing = "/>" if start_tag.endswith("/>") else ">"
    return f"{start_tag[: -len(closing)].rstrip()} {name}{closing}"


def css_string(text):
    """A CSS string literal of ``text``."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ")
    return f'"{escaped}"'


def carry_css(values):
    """The rule that sets, at a part's start, the running strings the parts before it left.

    A value ``None``: the element carrying the rule sets that string itself, and still does.
    """
    if not values:
        return ""
    assignments = ", ".join(
        f"{name} {'content()' if text is None else css_string(text)}" for name, text in values.items()
    )
    return f"[{CARRY_ATTRIBUTE}] {{ string-set: {assignments} !important; }}\n"


def toc_css(page_numbers):
    """The table of contents' page numbers for targets outside the part, as print.css writes them.

    Mirrors ``.toc a::after { content: leader(".") " " target-counter(attr(href), page) }``.
    """
    return "".join(
        f'.{TOC_CLASS} a[href="#{target}"]::after {{ content: leader(".") " " "{number}" !important; }}\n'
        for target, number in sorted(page_numbers.items())
    )
