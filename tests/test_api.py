"""The public namespace: what it exports, and that importing it stays light."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import summitcal


def test_every_export_resolves() -> None:
    """Each name in __all__ is importable from the package."""
    missing = [name for name in summitcal.__all__ if not hasattr(summitcal, name)]
    assert missing == []


def test_all_is_sorted_and_complete() -> None:
    """__all__ lists exactly the lazily exported names plus __version__."""
    assert summitcal.__all__ == sorted([*summitcal._EXPORTS, "__version__"])


def test_type_checking_imports_are_the_exports() -> None:
    """The imports written for type checkers name exactly the lazy exports, each from its
    module and as a re-export (``X as X``)."""
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(summitcal))
    block = next(n for n in tree.body if isinstance(n, ast.If))
    imported = {
        alias.name: node.module
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
        if alias.asname == alias.name
    }
    assert imported == summitcal._EXPORTS


def test_public_surface_has_the_query_and_read_types() -> None:
    """QueryError, Criteria and ReadResult are public, as the functions raise and return
    them."""
    from summitcal.catalog.criteria import Criteria
    from summitcal.errors import QueryError
    from summitcal.ical.read import ReadResult

    assert (summitcal.Criteria, summitcal.QueryError, summitcal.ReadResult) == (
        Criteria,
        QueryError,
        ReadResult,
    )


def test_unknown_attribute() -> None:
    """A missing name is an AttributeError, as for any module."""
    with pytest.raises(AttributeError, match="no_such_thing"):
        summitcal.no_such_thing  # noqa: B018


def test_version_matches_metadata() -> None:
    """__version__ comes from the installed distribution."""
    from importlib.metadata import version

    assert summitcal.__version__ == version("summitcal")


def test_import_is_light() -> None:
    """`import summitcal` loads neither icalendar nor dateutil nor attrs-based modules."""
    code = (
        "import sys, json, summitcal; "
        "print(json.dumps(sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('icalendar', 'dateutil', 'summitcal'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == ["summitcal"]


def test_subpackages_do_not_shadow_functions() -> None:
    """Importing the implementation packages leaves the public functions callable."""
    code = (
        "import importlib, summitcal\n"
        "for name in ('summitcal.extraction.core', 'summitcal.resolver.grammar'):\n"
        "    importlib.import_module(name)\n"
        "assert callable(summitcal.extract), summitcal.extract\n"
        "assert callable(summitcal.resolve), summitcal.resolve\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
