from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet


@register_snippet
class Topic(models.Model):
    """A subject of the library (grooming, victim identification, ...), used to filter and to facet."""

    key = models.SlugField(_("key"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)

    panels = [FieldPanel("name"), FieldPanel("key")]

    class Meta:
        ordering = ["key"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name
