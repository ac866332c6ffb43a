import json
from functools import wraps

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.access import is_vetted_member, vetted_member_required
from portal.accounts import REVIEWERS_GROUP
from portal.osce import country_name

from . import selectors, services
from .forms import (
    AccountDeletionForm,
    ApplicationAnswerForm,
    DirectorySearchForm,
    ExpertProfileForm,
    MembershipApplicationForm,
    RenewalRequestForm,
    RevocationForm,
    VettingDecisionForm,
)
from .models import ApplicationStatus, ExpertiseArea, ExpertProfile, Membership, MembershipApplication


def is_reviewer(user):
    return user.is_authenticated and (user.is_superuser or user.groups.filter(name=REVIEWERS_GROUP).exists())


def reviewer_required(view):
    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not is_reviewer(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@login_required
def home(request):
    application = MembershipApplication.objects.filter(user=request.user).first()
    membership = Membership.objects.filter(user=request.user).first()
    answer_form = ApplicationAnswerForm(request.POST or None)
    answering = request.method == "POST" and application and application.status == ApplicationStatus.INFO_REQUESTED
    if answering and answer_form.is_valid():
        services.application_answer(application=application, text=answer_form.cleaned_data["text"])
        messages.success(request, _("Thank you. Your answer has been sent to the reviewers."))
        return redirect("membership:home")
    return render(
        request,
        "membership/home.html",
        {
            "application": application,
            "membership": membership,
            "answer_form": answer_form,
            "is_vetted": is_vetted_member(request.user),
            "is_reviewer": is_reviewer(request.user),
        },
    )


@login_required
def apply(request):
    if MembershipApplication.objects.filter(user=request.user).exists():
        return redirect("membership:home")
    form = MembershipApplicationForm(request.POST or None, initial={"official_email": request.user.email})
    if request.method == "POST" and form.is_valid():
        services.application_submit(user=request.user, language=get_language(), request=request, **form.cleaned_data)
        messages.success(request, _("Your application has been submitted. Reviewers will look at it soon."))
        return redirect("membership:home")
    return render(
        request,
        "membership/apply.html",
        {"form": form, "heading": _("Apply for membership"), "submit_label": _("Submit application")},
    )


@login_required
def renew(request):
    membership = get_object_or_404(Membership, user=request.user)
    form = RenewalRequestForm(request.POST or None, initial={"role_confirmation": membership.role_confirmation})
    if request.method == "POST" and form.is_valid():
        services.membership_request_renewal(membership=membership, **form.cleaned_data)
        messages.success(request, _("Thank you. A reviewer will renew your membership."))
        return redirect("membership:home")
    return render(
        request,
        "membership/renew.html",
        {
            "form": form,
            "membership": membership,
            "heading": _("Renew your membership"),
            "submit_label": _("Ask for renewal"),
        },
    )


@reviewer_required
def review_queue(request):
    return render(
        request,
        "membership/review_queue.html",
        {
            "applications": selectors.applications_to_review(),
            "renewals": selectors.renewals_to_review(),
            "members": selectors.active_memberships(),
        },
    )


@reviewer_required
def review_application(request, pk):
    application = get_object_or_404(MembershipApplication, pk=pk)
    form = VettingDecisionForm(request.POST or None)
    if request.method == "POST" and application.is_open and form.is_valid():
        if application.decisions.filter(reviewer=request.user, decision="approve").exists():
            form.add_error(None, _("You have approved this application already; a second reviewer must approve it."))
        else:
            services.vetting_decide(
                application=application, reviewer=request.user, request=request, **form.cleaned_data
            )
            messages.success(request, _("Your decision has been recorded."))
            return redirect("membership:review_queue")
    return render(
        request,
        "membership/review_application.html",
        {
            "application": application,
            "form": form,
            "country": country_name(application.country),
            "expertise_labels": labels(ExpertiseArea.choices, application.expertise),
        },
    )


@reviewer_required
@require_POST
def renew_membership(request, pk):
    membership = get_object_or_404(Membership, pk=pk)
    services.membership_renew(membership=membership, reviewer=request.user, request=request)
    messages.success(request, _("The membership has been renewed."))
    return redirect("membership:review_queue")


@reviewer_required
def revoke_membership(request, pk):
    membership = get_object_or_404(Membership, pk=pk)
    form = RevocationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.membership_revoke(
            membership=membership, reviewer=request.user, reason=form.cleaned_data["reason"], request=request
        )
        messages.success(request, _("The membership has been revoked."))
        return redirect("membership:review_queue")
    return render(
        request,
        "membership/revoke.html",
        {"form": form, "membership": membership, "heading": _("Revoke membership"), "submit_label": _("Revoke")},
    )


@login_required
def profile(request):
    expert_profile = get_object_or_404(ExpertProfile, user=request.user)
    form = ExpertProfileForm(request.POST or None, instance=expert_profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("membership:profile")
    return render(
        request,
        "membership/profile.html",
        {"form": form, "heading": _("Your expert profile"), "submit_label": _("Save profile")},
    )


@login_required
def export_data(request):
    data = services.account_export(request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False, default=str), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="my-portal-data.json"'
    return response


@login_required
def delete_account(request):
    form = AccountDeletionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.account_delete(user=user, request=request)
        messages.success(request, _("Your account has been deleted."))
        return redirect("/")
    return render(
        request,
        "membership/delete_account.html",
        {"form": form, "heading": _("Delete your account"), "submit_label": _("Delete my account")},
    )


@vetted_member_required
def directory(request):
    form = DirectorySearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    profiles = selectors.directory_profiles(**{key: value for key, value in filters.items() if value})
    for expert in profiles:
        expert.country_label = country_name(expert.country)
        expert.expertise_labels = labels(ExpertiseArea.choices, expert.expertise)
    return render(request, "membership/directory.html", {"form": form, "profiles": profiles})


def labels(choices, values):
    names = dict(choices)
    return [names[value] for value in values if value in names]
