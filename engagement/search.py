"""Full-text search over initiatives.

PostgreSQL: each initiative carries a tsvector built with the text search configuration of its
own language (Arabic, French or English stemming) plus a language-neutral 'simple' copy of the
title; a query is parsed with all three configurations, so an inflected Arabic word finds its
stem whatever the interface language. Trigram similarity on the title catches typos. Both use
GIN indexes (migration 0002). SQLite, for a first run only, falls back to substring matching.

Bounded, whatever the number of initiatives: a term is matched on the indexes and at most
CANDIDATES matches (the first the indexes give) are ranked and counted, so a page never ranks or
counts every match of a common word (benchmarks/README.md, the search rows); past the cap the page
says "more than" and asks for more words or a filter.
"""

from django.db import connection
from django.db.models import BooleanField, F, FloatField, Q, QuerySet, Value
from django.db.models.expressions import RawSQL

CONFIGS = {"ar": "arabic", "fr": "french", "en": "english"}
# How many matches are ranked and counted at most: ten pages of results. Ranking costs about
# 10 microseconds a match; at 200 a search stays within 2 x the GIN index's own capped count
# (benchmarks/README.md).
CANDIDATES = 200

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
# A scalar subquery, so that it is computed once per statement (websearch_to_tsquery is only
# STABLE: written inline it is parsed again for every row a scan checks).
_TSQUERY = (
    "(SELECT websearch_to_tsquery('arabic', %s) || websearch_to_tsquery('french', %s)"
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
    # The candidates: an uncorrelated ARRAY(...) is computed once (an InitPlan), where an
    # `IN (... LIMIT n)` may be planned as a subquery run again for every row. Compiled on its
    # own, not as an ORM subquery (humena.core.expressions.InArray): the match condition names
    # the table, which a subquery's aliases would turn into the outer row's.
    candidates = queryset.filter(matches).prefetch_related(None).order_by().values("pk")
    inner, inner_params = candidates[:CANDIDATES].query.get_compiler(using=queryset.db).as_sql()
    # Compiled by the ORM, its parameters kept apart.
    among = RawSQL(  # noqa: S611  # nosec B611
        f"engagement_initiative.id = ANY(ARRAY({inner}))",
        inner_params,
        output_field=BooleanField(),
    )
    return (
        queryset.filter(among)
        .annotate(search_rank=rank)
        .order_by(F("search_rank").desc(nulls_last=True), "-created_at")
    )
