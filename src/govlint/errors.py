"""The errors govlint raises.  Each carries a message a clerk can act on; the CLI turns them into exit 2."""

from __future__ import annotations


class GovlintError(Exception):
    """Base class of govlint's own errors."""


class InputError(GovlintError):
    """A source cannot be read as a report: missing, unreadable, corrupt, encrypted, too large."""


class ConfigError(GovlintError):
    """The configuration is invalid."""


class PluginError(GovlintError):
    """A plugin failed to load or declares an incompatible API; the message names the plugin."""
