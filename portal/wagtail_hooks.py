from wagtail import hooks

from .access import restricted_response_for, restrictions_over


@hooks.register("before_serve_page", order=-1)
def guard_restricted_pages(page, request, serve_args, serve_kwargs):
    """Vetted-member rules (expiry, revocation, second factor) before Wagtail's own group check."""
    return restricted_response_for(request, restrictions_over(page, request.user))


@hooks.register("before_serve_document", order=-1)
def guard_restricted_documents(document, request):
    return restricted_response_for(request, document.collection.get_view_restrictions())
