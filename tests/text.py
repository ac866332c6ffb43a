import re
from html import escape


def shows(html, text):
    """Whether `text` appears in `html`, as is or HTML-escaped (apostrophes, ampersands)."""
    return text in html or escape(text) in html


def scripts(html):
    """The <script> tags of a page: only the search box's optional suggestions should be there."""
    return re.findall(r"<script[^>]*>", html)


SUGGESTIONS_SCRIPT = '<script src="/static/search/suggest.js" defer>'
