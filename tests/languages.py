"""The language a reader's software gives each piece of text of a page: the innermost ``lang``."""

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Languages(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, lang or None)
        self.texts = []  # (text, effective lang)

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append((tag, dict(attrs).get("lang")))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        # The <head>'s title cannot hold markup: only the body's text is marked.
        if data.strip() and any(tag == "body" for tag, _ in self.stack):
            lang = next((lang for _, lang in reversed(self.stack) if lang is not None), None)
            self.texts.append((data, lang))


def texts_with_language(page):
    """Every text chunk of ``page`` with the language it is read in."""
    parser = _Languages()
    parser.feed(page)
    return parser.texts


def language_of(page, text):
    """The language every occurrence of ``text`` in the body is read in (each found whole in one chunk);
    fails if the body lacks it or reads it in two languages."""
    languages = {lang for chunk, lang in texts_with_language(page) if text in chunk}
    if not languages:
        raise AssertionError(f"{text!r} is not on the page")
    if len(languages) > 1:
        raise AssertionError(f"{text!r} is read in {sorted(languages, key=str)}")
    return languages.pop()
