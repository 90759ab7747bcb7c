"""URL wiring. Level apps are mounted by dotted string, so the kernel imports none of their code."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from humena.accounts.views import set_language
from humena.core import views as core_views

handler400 = "humena.core.views.bad_request"
handler403 = "humena.core.views.permission_denied"
handler404 = "humena.core.views.page_not_found"
handler500 = "humena.core.views.server_error"

api_v1 = [
    path("", include("humena.accounts.api.urls")),
    path("", include("humena.core.api.urls")),
    path("", include("humena.notifications.api.urls")),
    path("taxonomy/", include("humena.taxonomy.api.urls")),
    path("", include("engagement.api.urls")),
    path("", include("diaspora.api.urls")),
    path("", include("advocacy.api.urls")),
    path("", include("humena.moderation.api.urls")),
]

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The "split" view serves Swagger UI's start-up script as a file: no inline script, so the
    # docs page keeps the site's Content Security Policy.
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
    ),
]

urlpatterns += i18n_patterns(
    path("", core_views.home, name="home"),
    path("accounts/", include("allauth.urls")),
    path("account/", include("humena.accounts.urls")),
    path("notifications/", include("humena.notifications.urls")),
    path("moderation/", include("humena.moderation.urls")),
    path("admin/", admin.site.urls),
    path("initiatives/", include("engagement.urls")),
    path("diaspora/", include("diaspora.urls")),
    path("campaigns/", include("advocacy.urls")),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
