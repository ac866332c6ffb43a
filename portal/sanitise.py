"""HTML from editors and members, cleaned by bleach on a strict allowlist, on write and before rendering.

https://bleach.readthedocs.io/en/latest/clean.html
"""

from functools import lru_cache, partial

import bleach
import markdown
from bleach.linkifier import LinkifyFilter

RICH_TEXT_TAGS = frozenset({"p", "br", "h2", "h3", "h4", "b", "strong", "i", "em", "ol", "ul", "li", "a"})
# `linktype` and `id` carry Wagtail's internal page and document links in stored rich text.
RICH_TEXT_ATTRIBUTES = {"a": ["href", "linktype", "id"]}
SAFE_PROTOCOLS = frozenset({"http", "https", "mailto"})

_rich_text_cleaner = bleach.Cleaner(
    tags=RICH_TEXT_TAGS, attributes=RICH_TEXT_ATTRIBUTES, protocols=SAFE_PROTOCOLS, strip=True
)


# Pages render the same stored rich text again and again; cleaning it is a pure function of it.
@lru_cache(maxsize=1024)
def sanitise_rich_text(html):
    return _rich_text_cleaner.clean(html)


MARKDOWN_TAGS = frozenset(
    {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "code", "pre", "a", "h3", "h4", "hr"}
)
MARKDOWN_ATTRIBUTES = {"a": ["href", "rel"]}


def _link_rel(attrs, new=False):
    attrs[(None, "rel")] = "nofollow noopener"
    return attrs


_markdown_cleaner = bleach.Cleaner(
    tags=MARKDOWN_TAGS,
    attributes=MARKDOWN_ATTRIBUTES,
    protocols=SAFE_PROTOCOLS,
    strip=True,
    filters=[partial(LinkifyFilter, callbacks=[_link_rel], skip_tags={"pre", "code"})],
)


def clean_member_html(html):
    return _markdown_cleaner.clean(html)


def render_markdown(text):
    """Members' Markdown as HTML: no images, scripts, styles or event attributes; links nofollow noopener."""
    return clean_member_html(markdown.markdown(text, extensions=["sane_lists"], output_format="html"))
