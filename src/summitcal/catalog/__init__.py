"""The catalogue: seed files read into validated, typed events, and queried.

Modules: :mod:`~summitcal.catalog.load` (finding and loading the files, the checks across
them), :mod:`~summitcal.catalog.records` (one file's records into models),
:mod:`~summitcal.catalog.fields` (the fields of a record and reading them),
:mod:`~summitcal.catalog.catalog` (the :class:`Catalog` and its query),
:mod:`~summitcal.catalog.criteria` (the one :class:`Criteria` type of a query),
:mod:`~summitcal.catalog.tomlsafe` (reading a file without letting it exhaust the reader),
:mod:`~summitcal.catalog.revisions` (SEQUENCE records), :mod:`~summitcal.catalog.search`
(words and days), :mod:`~summitcal.catalog.audit` (statuses that have gone stale).
"""

from summitcal.catalog.catalog import Catalog
from summitcal.catalog.criteria import Criteria
from summitcal.catalog.fields import ALTERNATIVE_FIELDS, EVENT_FIELDS
from summitcal.catalog.load import load_catalog, shipped_seeds_path
from summitcal.catalog.records import read_records
from summitcal.errors import UnknownEventError
from summitcal.models.events import Series
from summitcal.models.revision import Revision

__all__ = [
    "ALTERNATIVE_FIELDS",
    "EVENT_FIELDS",
    "Catalog",
    "Criteria",
    "Revision",
    "Series",
    "UnknownEventError",
    "load_catalog",
    "read_records",
    "shipped_seeds_path",
]
