"""Errors raised when law data is missing or invalid. Messages are Dutch and name what is missing."""


class OntbrekendeWetgeving(LookupError):
    """A computation needs law data (a year, a table row, a parameter) that kotwijzer does not have verified."""


class OngeldigeWetgeving(ValueError):
    """Shipped law data fails validation (bounds not contiguous, percentages rising, a year incomplete)."""
