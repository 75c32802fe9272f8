"""French print typography shared by every document: the typographic apostrophe (’), everywhere.

The documents print text from many sources (translated labels, the strategy's own texts, names of
organisations and people, chart captions); one pass over the rendered HTML makes them agree.
"""

import re

#: A straight apostrophe between two letters is an elision (« l'école »), never a quotation mark;
#: Django's autoescape writes it ``&#x27;``.
STRAIGHT_APOSTROPHE = re.compile(r"(?<=\w)(?:'|&#x27;|&#39;)(?=\w)")
_TAG = re.compile(r"(<[^>]*>)")
_WORD = re.compile(r"[^\s<>]+")


def curly_apostrophes(text):
    """« l’école » for « l'école »."""
    return STRAIGHT_APOSTROPHE.sub("’", text)


def _word_with_curly_apostrophes(match):
    word = match.group()
    # An e-mail address or a URL is copied by readers: it keeps its characters.
    return word if "@" in word or "://" in word else curly_apostrophes(word)


def curly_apostrophes_in_html(html):
    """The same HTML with curly apostrophes in its text; tags and their attributes are left alone."""
    parts = _TAG.split(html)
    for index in range(0, len(parts), 2):
        parts[index] = _WORD.sub(_word_with_curly_apostrophes, parts[index])
    return "".join(parts)
