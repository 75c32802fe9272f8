"""Where the round's pages are: the pilot's list of a round (built by the pilot's pages of this app).

The mail and the coordination's state view link to it by its URL name; until those pages are
mounted, the path the design fixes (``/admin/suivi/<round_id>/``) stands in.
"""

from urllib.parse import urlencode

from django.urls import NoReverseMatch, reverse


def pilot_list_path(round_id, organisation_id=None):
    """The path of an organisation's list for the round (``?structure=<id>`` when coordination
    looks at one organisation's list rather than a pilot at their own)."""
    try:
        path = reverse("followup:round_actions", args=[round_id])
    except NoReverseMatch:
        path = f"/admin/suivi/{round_id}/"
    if organisation_id is not None:
        path += "?" + urlencode({"structure": organisation_id})
    return path
