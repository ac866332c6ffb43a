"""The StreamField blocks every page body is built from (bakerydemo `base/blocks.py`)."""

from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from portal.sanitise import sanitise_rich_text

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class SanitisedRichTextBlock(blocks.RichTextBlock):
    """Rich text that passes bleach's allowlist when stored and again when rendered."""

    def get_prep_value(self, value):
        return sanitise_rich_text(super().get_prep_value(value))

    def render_basic(self, value, context=None):
        return mark_safe(sanitise_rich_text(value.__html__()))  # noqa: S308  (sanitised on the line itself)


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
    text = SanitisedRichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

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
    paragraph = SanitisedRichTextBlock(
        label=_("Paragraph"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        preview_value="<p>Hotlines receive reports from the public and pass them to the police.</p>",
    )
    callout = CalloutBlock()
