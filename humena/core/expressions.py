"""Query expressions the ORM lacks."""

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import BooleanField, F, Func, QuerySet


class InArray(Func):
    """`<field> = ANY(ARRAY(<subquery>))` (PostgreSQL). The ARRAY of an uncorrelated subquery is
    computed once per statement, where `<field> IN (<subquery> LIMIT n)` may be planned as a
    subquery run again for every row. Aliases are the ORM's own: safe inside other subqueries."""

    template = "(%(expressions)s))"
    arg_joiner = " = ANY("
    output_field = BooleanField()
    conditional = True

    def __init__(self, field: str, queryset: QuerySet):
        super().__init__(F(field), ArraySubquery(queryset))
