"""The catalogue: seed files read into validated, typed events, and queried.

Modules: :mod:`~summitcal.catalog.catalog` (loading and the :class:`Catalog`),
:mod:`~summitcal.catalog.tomlsafe` (reading a file without letting it exhaust the reader),
:mod:`~summitcal.catalog.revisions` (SEQUENCE records), :mod:`~summitcal.catalog.search`
(words and days), :mod:`~summitcal.catalog.audit` (statuses that have gone stale).
"""

from summitcal.catalog.catalog import (
    ALTERNATIVE_FIELDS,
    EVENT_FIELDS,
    Catalog,
    Revision,
    Series,
    UnknownEventError,
    load_catalog,
    read_records,
    shipped_seeds_path,
)

__all__ = [
    "ALTERNATIVE_FIELDS",
    "EVENT_FIELDS",
    "Catalog",
    "Revision",
    "Series",
    "UnknownEventError",
    "load_catalog",
    "read_records",
    "shipped_seeds_path",
]
