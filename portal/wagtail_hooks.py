from django.template.response import TemplateResponse

from wagtail import hooks

from .access import refuses_member


@hooks.register("before_serve_page", order=-1)
def refuse_restricted_pages_to_signed_in_non_members(page, request, serve_args, serve_kwargs):
    """A signed-in visitor who is not entitled gets a plain 403; Wagtail sends anonymous ones to log in."""
    if refuses_member(request.user, page):
        return TemplateResponse(request, "403_members_only.html", status=403)
    return None
