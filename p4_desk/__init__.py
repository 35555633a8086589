"""P4 Desk: front-desk software for Indonesian one-stop public service centres."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("p4-desk")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+source"
