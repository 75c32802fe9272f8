"""What a browser submits from a rendered HTML form: read from the page, not from the form class."""

from html.parser import HTMLParser

#: Inputs a browser never submits as data (buttons are only sent when clicked).
NOT_SUBMITTED = {"submit", "button", "reset", "image", "file"}


class _FormReader(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.pairs = form_id, False, []
        self._select, self._option, self._textarea = None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
            return
        if not self.inside or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text").lower()
            if kind in NOT_SUBMITTED or (kind in ("checkbox", "radio") and "checked" not in attrs):
                return
            self.pairs.append((name, attrs.get("value", "on" if kind in ("checkbox", "radio") else "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = {"name": name, "multiple": "multiple" in attrs, "options": []}
        elif tag == "option" and self._select is not None:
            self._option = {"value": attrs.get("value"), "selected": "selected" in attrs, "text": ""}
            self._select["options"].append(self._option)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data
        elif self._option is not None:
            self._option["text"] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self._textarea is not None:
            # The HTML parser keeps the newline that follows <textarea>; a browser drops it.
            name, text = self._textarea
            self.pairs.append((name, text[1:] if text.startswith("\n") else text))
            self._textarea = None
        elif tag == "option":
            self._option = None
        elif tag == "select" and self._select is not None:
            options = self._select["options"]
            chosen = [option for option in options if option["selected"]]
            if not chosen and options and not self._select["multiple"]:
                chosen = options[:1]  # a single select with nothing selected submits its first option
            for option in chosen:
                value = option["value"] if option["value"] is not None else option["text"].strip()
                self.pairs.append((self._select["name"], value))
            self._select = None


def submitted_data(html, form_id):
    """The POST data the form ``form_id`` of ``html`` sends as rendered, as a dict of lists."""
    reader = _FormReader(form_id)
    reader.feed(html)
    assert reader.pairs, f"no form #{form_id} with fields in the page"
    data = {}
    for name, value in reader.pairs:
        data.setdefault(name, []).append(value)
    return data


def change_form_data(response):
    """The data the admin's change form (``<form id="<model>_form">``) sends back as rendered."""
    assert response.status_code == 200, response.status_code
    model_name = response.context["opts"].model_name
    return submitted_data(response.content.decode(), f"{model_name}_form")
