"""Full-text search over initiatives.

PostgreSQL: each initiative carries a tsvector built with the text search configuration of its
own language (Arabic, French or English stemming) plus a language-neutral 'simple' copy of the
title; a query is parsed with all three configurations, so an inflected Arabic word finds its
stem whatever the interface language. Trigram similarity on the title catches typos. Both use
GIN indexes (migration 0002). SQLite, for a first run only, falls back to substring matching.
"""

from django.db import connection
from django.db.models import BooleanField, F, FloatField, Q, QuerySet, Value
from django.db.models.expressions import RawSQL

CONFIGS = {"ar": "arabic", "fr": "french", "en": "english"}

_REFRESH_SQL = """
UPDATE engagement_initiative SET search_vector =
    setweight(to_tsvector('simple', coalesce(title, '')), 'A')
    || setweight(to_tsvector(c.cfg, coalesce(title, '')), 'A')
    || setweight(to_tsvector(c.cfg, coalesce(summary, '')), 'B')
    || setweight(to_tsvector(c.cfg, coalesce(city, '')), 'B')
    || setweight(to_tsvector(c.cfg, coalesce(description, '')), 'C')
FROM (SELECT id AS initiative_id,
             CASE language WHEN 'ar' THEN 'arabic'::regconfig
                           WHEN 'fr' THEN 'french'::regconfig
                           WHEN 'en' THEN 'english'::regconfig
                           ELSE 'simple'::regconfig END AS cfg
      FROM engagement_initiative WHERE id = ANY(%s)) AS c
WHERE engagement_initiative.id = c.initiative_id
"""

# The query in every configuration: OR-ed, so a word matches in whichever language stems it.
_TSQUERY = (
    "(websearch_to_tsquery('arabic', %s) || websearch_to_tsquery('french', %s)"
    " || websearch_to_tsquery('english', %s) || websearch_to_tsquery('simple', %s))"
)


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


def search_refresh(initiative_ids: list[int]) -> None:
    if not is_postgres() or not initiative_ids:
        return
    with connection.cursor() as cursor:
        cursor.execute(_REFRESH_SQL, [list(initiative_ids)])


def search_filter(queryset: QuerySet, text: str) -> QuerySet:
    """Initiatives matching `text`, annotated with `search_rank` (higher is better)."""
    text = text.strip()[:200]
    if not text:
        return queryset.annotate(search_rank=Value(0.0, output_field=FloatField()))
    if not is_postgres():
        return queryset.filter(
            Q(title__icontains=text)
            | Q(summary__icontains=text)
            | Q(description__icontains=text)
            | Q(city__icontains=text)
        ).annotate(search_rank=Value(0.0, output_field=FloatField()))
    params = [text] * 4
    # `<%` is word similarity above pg_trgm.word_similarity_threshold (set per connection in
    # settings): the one form of it that the trigram GIN index answers.
    # RawSQL with parameters only: the user's text is never formatted into the SQL.
    matches = RawSQL(  # noqa: S611  # nosec B611
        f"(engagement_initiative.search_vector @@ {_TSQUERY})"
        " OR (%s <%% engagement_initiative.title)",
        [*params, text],
        output_field=BooleanField(),
    )
    rank = RawSQL(  # noqa: S611  # nosec B611
        f"ts_rank(engagement_initiative.search_vector, {_TSQUERY})"
        " + word_similarity(%s, engagement_initiative.title)",
        [*params, text],
        output_field=FloatField(),
    )
    return (
        queryset.filter(matches)
        .annotate(search_rank=rank)
        .order_by(F("search_rank").desc(nulls_last=True), "-created_at")
    )
