"""Log a `requests` session in to the served portal as a member would: password, then TOTP code.

The portal's cookies are Secure, as in production, and the bench serves plain HTTP on 127.0.0.1,
where a browser or `requests` would never send them back. The session's cookie policy stores the
cookies of 127.0.0.1 without their Secure flag (`requests` copies the cookies into a jar of its own
for each request, so a policy that only allowed sending them would not be asked). CSRF tokens are
read from the forms, since the CSRF cookie is HttpOnly.
"""

import http.cookiejar
import re

import pyotp

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class LoginFailed(Exception):
    pass


class LocalPlainHttpCookiePolicy(http.cookiejar.DefaultCookiePolicy):
    def set_ok(self, cookie, request):
        if request.host.split(":")[0] in LOCAL_HOSTS:
            cookie.secure = False
        return super().set_ok(cookie, request)


def allow_secure_cookies_over_http(session):
    session.cookies.set_policy(LocalPlainHttpCookiePolicy())


def csrf_token(html):
    match = CSRF_FIELD.search(html)
    if match is None:
        raise LoginFailed("no CSRF token in the form")
    return match.group(1)


def log_in(session, base_url, *, username, password, totp_secret, language="en", code_attempts=1, **request_options):
    """Log in through allauth's form and its MFA step; return how many codes it took.

    A code is valid for its 30-second step only: on a busy server it can expire between typing and
    checking, and the member types the next one (at most `code_attempts` codes). `request_options`
    go to every request (e.g. locust's `name`).
    """
    allow_secure_cookies_over_http(session)
    login_url = f"{base_url}/{language}/accounts/login/"
    form = session.get(login_url, **request_options)
    answer = session.post(
        login_url,
        data={"csrfmiddlewaretoken": csrf_token(form.text), "login": username, "password": password},
        headers={"Referer": login_url},
        **request_options,
    )
    for attempt in range(1, code_attempts + 1):
        if "/2fa/authenticate/" not in answer.url:
            raise LoginFailed(f"{username}: the password step ended on {answer.url} ({answer.status_code})")
        answer = session.post(
            answer.url,
            data={"csrfmiddlewaretoken": csrf_token(answer.text), "code": pyotp.TOTP(totp_secret).now()},
            headers={"Referer": answer.url},
            **request_options,
        )
        if answer.status_code == 200 and "/accounts/" not in answer.url and "sessionid" in session.cookies:
            return attempt
    raise LoginFailed(f"{username}: the TOTP step ended on {answer.url} ({answer.status_code}) after {attempt} codes")
