"""Signals the domain apps send where Django's model signals do not fire (bulk writes)."""

from django.dispatch import Signal

#: Rows were written in bulk (``bulk_create``/``bulk_update`` send no ``post_save``).
#: Arguments: ``instances``, the objects written, and ``strategy`` when the writer knows it.
content_changed = Signal()
