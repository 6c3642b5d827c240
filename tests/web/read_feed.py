#!/usr/bin/env python3
"""Reads an Atom feed with feedparser (python3-feedparser) and prints what a
feed reader sees as JSON: the feed's version and title, whether feedparser
found it malformed (bozo), and each entry's id, title, link, updated date and
summary. The web feed tests compare this with what the server meant to say."""
import json
import sys

import feedparser

feed = feedparser.parse(sys.argv[1])
print(json.dumps({
    "version": feed.version,
    "bozo": bool(feed.bozo),
    "bozo_exception": str(feed.get("bozo_exception", "")),
    "title": feed.feed.get("title", ""),
    "id": feed.feed.get("id", ""),
    "entries": [{
        "id": e.get("id", ""),
        "title": e.get("title", ""),
        "link": e.get("link", ""),
        "updated": e.get("updated", ""),
        "summary": e.get("summary", ""),
    } for e in feed.entries],
}))
