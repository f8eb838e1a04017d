"""A minimal Django site with django-allauth's MFA (TOTP), for recording its
real sign-in sequences (see README.md beside this file). Not part of the
test suite: the recorded snapshots are committed as golden fixtures.

    python allauth_app.py PORT           # serves http://127.0.0.1:PORT/
    LOGIN_TIMEOUT=5 python allauth_app.py PORT   # the pending login expires after 5 s

User `alice`, password `correct horse battery`, TOTP secret `TOTP_SECRET`
below (a test value).
"""

import os
import sys
import tempfile

import django
from django.conf import settings

TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["*"],
    SECRET_KEY="recording-only-not-a-secret",
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=[
        "django.contrib.auth",
        "django.contrib.contenttypes",
        "django.contrib.sessions",
        "django.contrib.messages",
        "allauth",
        "allauth.account",
        "allauth.mfa",
    ],
    MIDDLEWARE=[
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
        "allauth.account.middleware.AccountMiddleware",
    ],
    AUTHENTICATION_BACKENDS=[
        "django.contrib.auth.backends.ModelBackend",
        "allauth.account.auth_backends.AuthenticationBackend",
    ],
    TEMPLATES=[
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "APP_DIRS": True,
            "OPTIONS": {
                "context_processors": [
                    "django.template.context_processors.request",
                    "django.contrib.auth.context_processors.auth",
                    "django.contrib.messages.context_processors.messages",
                ]
            },
        }
    ],
    DATABASES={
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.path.join(tempfile.mkdtemp(prefix="allauth-rec-"), "db.sqlite3"),
        }
    },
    LOGIN_URL="/accounts/login/",
    LOGIN_REDIRECT_URL="/",
    ACCOUNT_LOGIN_TIMEOUT=int(os.environ.get("LOGIN_TIMEOUT", "900")),
    ACCOUNT_LOGIN_METHODS={"username"},
    ACCOUNT_SIGNUP_FIELDS=["username*", "password1*", "password2*"],
    ACCOUNT_EMAIL_VERIFICATION="none",
    MFA_SUPPORTED_TYPES=["totp", "recovery_codes"],
    USE_TZ=True,
)
django.setup()

from django.contrib.auth.decorators import login_required  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import include, path  # noqa: E402


@login_required
def home(request):
    return HttpResponse(
        f"<!doctype html><title>Home</title><p>Signed in as {request.user.username}</p>"
    )


urlpatterns = [path("", home), path("accounts/", include("allauth.urls"))]


def main():
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from allauth.mfa.totp.internal.auth import TOTP

    call_command("migrate", verbosity=0)
    user = get_user_model().objects.create_user("alice", password="correct horse battery")
    TOTP.activate(user, TOTP_SECRET)
    port = sys.argv[1] if len(sys.argv) > 1 else "8765"
    call_command("runserver", f"127.0.0.1:{port}", use_reloader=False, verbosity=0)


if __name__ == "__main__":
    main()
