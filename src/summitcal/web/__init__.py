"""Serving and showing: the ASGI feed server and the static site with its timeline.

Modules:

* the feed server: :mod:`~summitcal.web.http` (ASGI plumbing: ETags, 304s, headers),
  :mod:`~summitcal.web.server` (routes and caching), :mod:`~summitcal.web.render`,
  :mod:`~summitcal.web.pool` and :mod:`~summitcal.web.run` (rendering off the event loop,
  and running under uvicorn);
* the static site: :mod:`~summitcal.web.site` (its files and the build),
  :mod:`~summitcal.web.page` and the ``page_*`` modules (the page's sections),
  :mod:`~summitcal.web.links` (feed, calendar and Google links),
  :mod:`~summitcal.web.markup` (escaping);
* the timeline: :mod:`~summitcal.web.lanes` (the lane model),
  :mod:`~summitcal.web.timeline_layout` then :mod:`~summitcal.web.timeline_svg` (layout,
  then drawing, with :mod:`~summitcal.web.svg`), :mod:`~summitcal.web.timeline_text`, and
  :mod:`~summitcal.web.timeline` (re-exports).

Nothing is imported here, so importing one part never loads the others.
"""
