"""iCalendar files: one per event, and a feed per initiative."""

import zoneinfo

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from icalendar import Calendar
from icalendar import Event as IcsEvent

from engagement.models import Event, Initiative


def calendar_for(*, initiative: Initiative, events, request: HttpRequest) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//HuMENA//Initiatives//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", initiative.title)
    for event in events:
        item = IcsEvent()
        item.add("uid", f"event-{event.pk}@humena")
        item.add("summary", event.title)
        # In the event's own zone (with its VTIMEZONE), as people there read it.
        zone = zoneinfo.ZoneInfo(event.time_zone)
        item.add("dtstart", event.starts_at.astimezone(zone).replace(microsecond=0))
        item.add("dtend", event.ends_at.astimezone(zone).replace(microsecond=0))
        item.add("dtstamp", event.updated_at)
        item.add("description", event.description)
        item.add(
            "url",
            request.build_absolute_uri(
                reverse("engagement:event", kwargs={"slug": initiative.slug, "event_id": event.pk})
            ),
        )
        # A city at most: calendar files travel to phones and cloud services.
        if event.mode == Event.Mode.IN_PERSON and event.city:
            item.add("location", event.city)
        item.add("status", "CANCELLED" if event.status == Event.Status.CANCELLED else "CONFIRMED")
        cal.add_component(item)
    cal.add_missing_timezones()
    return cal


def ics_response(cal: Calendar, *, filename: str) -> HttpResponse:
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
