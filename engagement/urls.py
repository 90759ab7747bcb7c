from django.urls import path

from engagement import views

app_name = "engagement"

urlpatterns = [
    path("", views.browse, name="index"),
    path("map/", views.browse_map, name="map"),
    path("map.geojson", views.browse_geojson, name="geojson"),
    path("mine/", views.mine, name="mine"),
    path("new/", views.create, name="create"),
    # Slugs may be Arabic: <str:...> rather than <slug:...>.
    path("<str:slug>/", views.detail, name="detail"),
    path("<str:slug>/edit/", views.edit, name="edit"),
    path("<str:slug>/join/", views.join, name="join"),
    path("<str:slug>/leave/", views.leave, name="leave"),
    path("<str:slug>/invite/<str:token>/", views.invite, name="invite"),
    path("<str:slug>/invite-renew/", views.invite_renew, name="invite_renew"),
    path("<str:slug>/members/", views.members, name="members"),
    path("<str:slug>/members/<int:membership_id>/", views.member_action, name="member_action"),
    path("<str:slug>/updates/new/", views.update_create, name="update_create"),
    path("<str:slug>/needs/new/", views.need_form, name="need_create"),
    path("<str:slug>/needs/<int:need_id>/", views.need_form, name="need_edit"),
    path("<str:slug>/events/new/", views.event_form, name="event_create"),
    path("<str:slug>/events/<int:event_id>/", views.event_detail, name="event"),
    path("<str:slug>/events/<int:event_id>/edit/", views.event_form, name="event_edit"),
    path("<str:slug>/events/<int:event_id>/rsvp/", views.event_rsvp, name="event_rsvp"),
    path("<str:slug>/events/<int:event_id>.ics", views.event_ics, name="event_ics"),
    path("<str:slug>/calendar.ics", views.initiative_ics, name="calendar"),
]
