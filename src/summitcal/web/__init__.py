"""Serving and showing: the ASGI feed server and the static site with its timeline.

Modules: :mod:`~summitcal.web.http` (ASGI plumbing: ETags, 304s, headers),
:mod:`~summitcal.web.server` (the feed server), :mod:`~summitcal.web.render`,
:mod:`~summitcal.web.pool` and :mod:`~summitcal.web.run` (rendering off the event loop, and
running under uvicorn), :mod:`~summitcal.web.site` (the static site) and
:mod:`~summitcal.web.timeline` (text and SVG timelines).

Nothing is imported here, so importing one part never loads the others.
"""
