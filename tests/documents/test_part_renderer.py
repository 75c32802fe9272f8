"""The child process that renders a big document's parts: when it dies, the worker says so."""

import signal

import pytest

from documents.parts import PartJob, PartRenderer, RenderError


def test_it_reports_a_part_renderer_killed_between_two_jobs():
    with PartRenderer(niceness=0) as renderer:
        renderer.process.send_signal(signal.SIGKILL)
        renderer.process.wait()
        with pytest.raises(RenderError, match=r"stopped \(exit code -9\)"):
            renderer.render(PartJob(html="<p>Bonjour</p>", stylesheet="", tags=False))
