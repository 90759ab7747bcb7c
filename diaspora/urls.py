from django.urls import path

from diaspora import views

app_name = "diaspora"

urlpatterns = [
    path("", views.index, name="index"),
    path("profile/", views.my_profile, name="my_profile"),
    path("profile/step/<int:step>/", views.wizard, name="wizard"),
    path("profiles/<uuid:public_id>/", views.profile, name="profile"),
    path("needs-for-me/", views.needs_for_me, name="needs_for_me"),
    path("needs/<int:need_id>/matches/", views.need_matches, name="need_matches"),
    path("introductions/", views.introductions, name="introductions"),
    path(
        "introductions/<int:introduction_id>/answer/",
        views.introduction_respond,
        name="introduction_respond",
    ),
    path("networks/", views.network_list, name="networks"),
    path("networks/new/", views.network_propose, name="network_propose"),
    path("networks/<str:slug>/", views.network_detail, name="network"),
    path("networks/<str:slug>/edit/", views.network_proposal_edit, name="network_edit"),
    path("networks/<str:slug>/join/", views.network_join, name="network_join"),
    path("networks/<str:slug>/leave/", views.network_leave, name="network_leave"),
    path("networks/<str:slug>/members/", views.network_members, name="network_members"),
    path("networks/<str:slug>/updates/new/", views.network_update_create, name="network_update"),
    path(
        "networks/<str:slug>/consultations/new/",
        views.consultation_create,
        name="consultation_create",
    ),
    path("networks/<str:slug>/projects/new/", views.project_propose, name="project_propose"),
    path("consultations/<int:pk>/", views.consultation_detail, name="consultation"),
    path(
        "consultations/<int:pk>/answers.csv", views.consultation_export, name="consultation_export"
    ),
    path("projects/", views.project_list, name="projects"),
    path("projects/<str:slug>/", views.project_detail, name="project"),
]
