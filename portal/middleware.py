from django.core.exceptions import SuspiciousOperation


class RejectNullCharactersMiddleware:
    """A NUL character in the address is refused with 400 Bad Request.

    No text the portal stores or searches contains one, and PostgreSQL refuses it in any string, so a
    filter or search value carrying one could only end in a server error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        parameters = [text for name, values in request.GET.lists() for text in (name, *values)]
        if any("\x00" in text for text in (request.path, *parameters)):
            raise SuspiciousOperation("NUL character in the request's address")
        return self.get_response(request)
