from django.contrib.auth.models import Group
from django.core import mail

import pytest

from portal.access import is_vetted_member
from portal.accounts import VETTED_MEMBERS_GROUP
from portal.audit.models import AuditEvent
from portal.membership.models import ApplicationStatus, ExpertProfile, Membership

pytestmark = pytest.mark.usefixtures("demo_site")


@pytest.fixture
def decide(client, on_commit):
    def post(application, decision, reason=""):
        with on_commit():
            return client.post(f"/en/membership/review/{application.pk}/", {"decision": decision, "reason": reason})

    return post


def test_reviewer_sees_the_queue_with_flags(client, decide, demo_user, application):
    application.official_email_flagged = True
    application.save()
    client.force_login(demo_user("reviewer"))

    html = client.get("/en/membership/review/").content.decode()

    assert "Maria Muster" in html
    assert "Alex Applicant" in html
    assert "Unofficial e-mail" in html


@pytest.mark.parametrize("who", ["applicant", "investigator", "editor"])
def test_the_queue_is_refused_to_non_reviewers(client, decide, demo_user, application, who):
    client.force_login(demo_user(who))

    assert client.get("/en/membership/review/").status_code == 403
    assert decide(application, "approve").status_code == 403
    assert not Membership.objects.filter(user=application.user).exists()


def test_the_queue_sends_anonymous_visitors_to_log_in(client, application):
    response = client.get("/en/membership/review/")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_approval_makes_a_vetted_member_and_tells_them_in_their_language(client, decide, demo_user, application):
    client.force_login(demo_user("reviewer"))

    response = decide(application, "approve")

    assert response.status_code == 302
    application.refresh_from_db()
    user = application.user
    assert application.status == ApplicationStatus.APPROVED
    assert user.groups.filter(name=VETTED_MEMBERS_GROUP).exists()
    assert Membership.objects.get(user=user).in_good_standing()
    assert ExpertProfile.objects.get(user=user).display_name == "Maria Muster"
    assert is_vetted_member(type(user).objects.get(pk=user.pk))
    assert [message.subject for message in mail.outbox] == ["Ihre Mitgliedschaft wurde genehmigt"]
    assert AuditEvent.objects.filter(action="vetting-approved", actor_label="reviewer").exists()


def test_rejection_needs_a_reason_keeps_it_and_mails_it(client, decide, demo_user, application):
    client.force_login(demo_user("reviewer"))

    refused = decide(application, "reject")
    assert refused.status_code == 200
    assert "Give a reason or a question for the applicant." in refused.content.decode()

    decide(application, "reject", "The referee could not confirm the role.")

    application.refresh_from_db()
    assert application.status == ApplicationStatus.REJECTED
    assert not Membership.objects.filter(user=application.user).exists()
    assert "The referee could not confirm the role." in mail.outbox[0].body
    assert AuditEvent.objects.filter(action="vetting-rejected").exists()


def test_asking_for_information_lets_the_applicant_answer(client, decide, demo_user, application):
    client.force_login(demo_user("reviewer"))
    decide(application, "ask", "Which unit do you work in?")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.INFO_REQUESTED
    assert mail.outbox[0].subject == "Eine Prüferin oder ein Prüfer hat eine Frage zu Ihrem Antrag"

    client.force_login(application.user)
    page = client.get("/en/membership/").content.decode()
    assert "Which unit do you work in?" in page
    client.post("/en/membership/", {"text": "The child protection unit of the sample police."})

    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.messages.last().text == "The child protection unit of the sample police."


def test_two_different_reviewers_must_approve_when_configured(
    client, decide, demo_user, application, settings, user_factory
):

    settings.MEMBERSHIP_REQUIRED_APPROVALS = 2
    second_reviewer = user_factory("second-reviewer")
    second_reviewer.groups.add(Group.objects.get(name="Reviewers"))
    client.force_login(demo_user("reviewer"))

    decide(application, "approve")
    again = decide(application, "approve")

    assert "a second reviewer must approve it" in again.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert not Membership.objects.filter(user=application.user).exists()

    client.force_login(second_reviewer)
    decide(application, "approve")

    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    assert Membership.objects.get(user=application.user).in_good_standing()
