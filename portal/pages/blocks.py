"""The StreamField blocks every page body is built from (bakerydemo `base/blocks.py`)."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(choices=[("h2", _("Level 2")), ("h3", _("Level 3"))], default="h2", label=_("Level"))

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "pages/blocks/heading_block.html"
        preview_value = {"text": "Reporting child sexual abuse material", "level": "h2"}


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "pages/blocks/callout_block.html"
        preview_value = {
            "title": "Never forward material",
            "text": "<p>Report the address to a hotline; do not download, copy or send the material.</p>",
        }


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="pages/blocks/paragraph_block.html",
        preview_value="<p>Hotlines receive reports from the public and pass them to the police.</p>",
    )
    callout = CalloutBlock()
