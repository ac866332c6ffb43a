from html import escape


def shows(html, text):
    """Whether `text` appears in `html`, as is or HTML-escaped (apostrophes, ampersands)."""
    return text in html or escape(text) in html
