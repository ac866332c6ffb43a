from wagtail.signals import page_published

from .discussions import discussion_prepare
from .models import WorkshopPage


def prepare_discussion_on_publish(sender, instance, **kwargs):
    discussion_prepare(WorkshopPage.objects.get(pk=instance.pk))


page_published.connect(prepare_discussion_on_publish, sender=WorkshopPage, dispatch_uid="workshops.discussions")
