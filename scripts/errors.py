"""The one error a build step raises when it cannot go on; hooks turn it into MkDocs'
PluginError and command lines into `error: …` and exit status 1."""

from __future__ import annotations


class BuildError(Exception):
    """A build step cannot go on; the message says what to do."""
