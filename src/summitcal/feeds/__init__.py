"""Named and custom feeds: which events a feed holds, and its calendar bytes."""

from summitcal.feeds.feeds import (
    FeedCriteria,
    FeedLink,
    FeedSpec,
    available_feeds,
    custom_feed_spec,
    describe_criteria,
    feed_events,
    feed_links,
    feed_specs,
    get_feed_spec,
    is_summitcal_calendar,
    render_feed,
)

__all__ = [
    "FeedCriteria",
    "FeedLink",
    "FeedSpec",
    "available_feeds",
    "custom_feed_spec",
    "describe_criteria",
    "feed_events",
    "feed_links",
    "feed_specs",
    "get_feed_spec",
    "is_summitcal_calendar",
    "render_feed",
]
