"""HTML from editors and members, cleaned by bleach on a strict allowlist, on write and before rendering.

https://bleach.readthedocs.io/en/latest/clean.html
"""

import bleach

RICH_TEXT_TAGS = frozenset({"p", "br", "h2", "h3", "h4", "b", "strong", "i", "em", "ol", "ul", "li", "a"})
# `linktype` and `id` carry Wagtail's internal page and document links in stored rich text.
RICH_TEXT_ATTRIBUTES = {"a": ["href", "linktype", "id"]}
SAFE_PROTOCOLS = frozenset({"http", "https", "mailto"})

_rich_text_cleaner = bleach.Cleaner(
    tags=RICH_TEXT_TAGS, attributes=RICH_TEXT_ATTRIBUTES, protocols=SAFE_PROTOCOLS, strip=True
)


def sanitise_rich_text(html):
    return _rich_text_cleaner.clean(html)
