"""A real SMTP server for the tests: aiosmtpd on a free loopback port, the messages it received."""

import email
import logging
import socket
import threading
from email import policy

import pytest
from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Mailbox:
    """aiosmtpd's handler: keeps every message accepted, parsed; may refuse the next ``refuse`` ones
    with a temporary error (451), as a busy server does."""

    def __init__(self):
        self.messages = []
        self.refuse = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            if self.refuse:
                self.refuse -= 1
                return "451 4.3.0 Try again later"
            message = email.message_from_bytes(envelope.content, policy=policy.default)
            message.envelope_to = list(envelope.rcpt_tos)
            message.raw = envelope.content  # as the server received it
            self.messages.append(message)
        return "250 OK"

    def to(self, address):
        """The messages whose envelope went to ``address``."""
        return [message for message in self.messages if address in message.envelope_to]

    def recipients(self):
        return sorted(address for message in self.messages for address in message.envelope_to)


def text_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def html_of(message):
    return message.get_body(preferencelist=("html",)).get_content()


@pytest.fixture
def smtp(settings):
    """Start an SMTP server and point the e-mail settings at it (pytest-django forces locmem)."""
    # aiosmtpd logs every SMTP command at INFO.
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    try:
        yield mailbox
    finally:
        controller.stop()
