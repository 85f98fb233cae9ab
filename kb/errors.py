"""Errors the knowledge base raises; each interface maps them to a message in one place."""


class KBError(Exception):
    """Base class of every error PlanKB reports to a user."""

    status = 400


class BadDocument(KBError):
    """A file that cannot be read as a planning document."""


class KBMissing(KBError):
    """No knowledge base has been built at the configured path."""

    status = 503


class KBDamaged(KBMissing):
    """A built KB whose files no longer match its manifest (truncated, edited, deleted …): as
    unusable as a missing one, and mended the same way, by building it again."""


class NotFound(KBError):
    """No item of that id or name; carries suggestions where there are close matches."""

    status = 404

    def __init__(self, message: str, suggestions: list[str] | None = None):
        super().__init__(message)
        self.suggestions = suggestions or []


class UnknownClause(NotFound):
    """No clause with that id."""


class BadQuery(KBError):
    """A query or parameter that cannot be answered as given."""
