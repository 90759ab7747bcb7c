from django.urls import path

from advocacy import views

app_name = "advocacy"

urlpatterns = [
    path("", views.index, name="index"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("withdraw/<str:token>/", views.withdraw, name="withdraw"),
    path("news/stop/<str:token>/", views.news_stop, name="news_stop"),
    path("pledges/<int:pledge_id>/answer/", views.pledge_answer, name="pledge_answer"),
    # Slugs may be Arabic: <str:...> rather than <slug:...>.
    path("<str:slug>/", views.detail, name="detail"),
    path("<str:slug>/sign/", views.sign, name="sign"),
    path("<str:slug>/signed/", views.signed, name="signed"),
    path("<str:slug>/signatures/", views.signers, name="signers"),
    path("<str:slug>/letters/<int:action_id>/", views.letter, name="letter"),
    path("<str:slug>/letters/sent/<int:letter_id>/", views.letter_done, name="letter_done"),
    path("<str:slug>/pledges/<int:action_id>/", views.pledge, name="pledge"),
]
