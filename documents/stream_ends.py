"""No stream of a finished PDF ends with a carriage return, so that PDF/A validators read its length right.

PDF/A counts a stream's ``/Length`` up to the end-of-line before ``endstream``. Compressed data that
happens to end with CR (one stream in 256: the last byte of zlib's checksum), followed by the LF written
before ``endstream``, reads as a CRLF and a length one byte short. ``documents.pdfua`` compresses the
content streams again so that they never do; the object streams and the cross-reference stream are
written by qpdf at each save, a few hundred of them in a large document, where one or more ends with CR
almost always. Their data cannot be padded: one of the objects an object stream holds is written
another way that means the same (an optional ``/Type`` of a structure element, given or left out), and
the file saved again, until no stream ends with CR.
"""

import io
import logging
import re
import zlib

import pikepdf
from pikepdf import Dictionary, Name

logger = logging.getLogger(__name__)

#: Saves after the first one; each clears most of what is left (a new stream ends with CR once in 256).
MAX_SAVES = 6

#: A stream object as qpdf writes it: number, dictionary (no ``endobj`` inside), then its data.
_STREAM = re.compile(rb"(\d+) 0 obj\s*(<<(?:(?!endobj).)*?>>)\s*stream\r?\n", re.S)
_LENGTH = re.compile(rb"/Length (\d+)")


def _ambiguous_streams(pdf_bytes):
    """(object number, dictionary bytes, data) of the streams whose data ends with CR."""
    if b"\r\nendstream" not in pdf_bytes:
        return []
    found = []
    for match in _STREAM.finditer(pdf_bytes):
        length = _LENGTH.search(match.group(2))
        if length is None:
            continue
        data = pdf_bytes[match.end() : match.end() + int(length.group(1))]
        if data.endswith(b"\r") and pdf_bytes.startswith(b"\nendstream", match.end() + len(data)):
            found.append((int(match.group(1)), match.group(2), data))
    return found


def _members(dictionary_bytes, data):
    """The object numbers an object stream holds, read from its header of number-offset pairs."""
    first = int(re.search(rb"/First (\d+)", dictionary_bytes).group(1))
    numbers = zlib.decompress(data)[:first].split()
    return [int(number) for number in numbers[0::2]]


def _rewrite_one(pdf, numbers):
    """Writes one of these objects another way that means the same; False when none can be."""
    for number in numbers:
        element = pdf.get_object((number, 0))
        if isinstance(element, Dictionary) and "/S" in element and "/P" in element:
            if "/Type" in element:
                del element.Type
            else:
                element.Type = Name.StructElem
            return True
    return False


def unambiguous(pdf_bytes):
    """The same PDF, saved again until none of its object streams or cross-reference streams ends with CR."""
    for _save in range(MAX_SAVES):
        ambiguous = _ambiguous_streams(pdf_bytes)
        if not ambiguous:
            return pdf_bytes
        with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
            changed = False
            for _number, dictionary, data in ambiguous:
                if b"/ObjStm" in dictionary:
                    changed |= _rewrite_one(pdf, _members(dictionary, data))
                elif b"/XRef" in dictionary and "/StructTreeRoot" in pdf.Root:
                    # Any object written another way moves the offsets the cross-reference lists.
                    changed |= _rewrite_one(pdf, [pdf.Root.StructTreeRoot.K[0].objgen[0]])
            if not changed:
                break
            out = io.BytesIO()
            pdf.save(out, deterministic_id=True)
        pdf_bytes = out.getvalue()
    left = _ambiguous_streams(pdf_bytes)
    if left:
        logger.warning("Streams still ending with CR: objects %s.", [number for number, _d, _data in left])
    return pdf_bytes
