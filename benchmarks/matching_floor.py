"""The matching floor: the best hand-written SQL for a need's top 20 candidates, in one statement.

The same scoring as diaspora.selectors (POINTS), the same candidates (consenting, active, not
hidden, not an organiser of the need's initiative), and the same two passes: the FIRST_PASS
strongest in the skill off the (skill, level, years) index set a bar (the 20th score among them
minus the largest possible bonus); only candidates whose skill points reach it are scored.
Languages and introductions are left out: the card's extras, not the ranking.
"""

# The score of a candidate row `T` joined to its language `l` in the need's language.
_SCORE = """(
    10 * T.level + 2 * LEAST(T.years, 10)
    + CASE WHEN l.level >= 1 THEN 20 ELSE 0 END
    + CASE WHEN l.level >= 3 THEN 5 ELSE 0 END
    + CASE WHEN (%(remote)s AND T.work_mode IN ('remote', 'both'))
             OR (T.work_mode IN ('on_site', 'both') AND T.residence_country = %(country)s)
           THEN 15 ELSE 0 END
    + CASE WHEN T.origin_country = %(country)s THEN 10 ELSE 0 END
    + CASE WHEN T.hours_per_month >= 4 THEN 10 ELSE 0 END
)"""

BEST_SQL = """
WITH candidates AS (
    SELECT s.profile_id, s.level, s.years, p.residence_country, p.origin_country, p.work_mode,
           p.hours_per_month
    FROM diaspora_profileskill s
    JOIN diaspora_diasporaprofile p ON p.id = s.profile_id
    JOIN accounts_user u ON u.id = p.user_id
    WHERE s.skill_id = %(skill)s AND p.consent_to_matching AND u.is_active
      AND p.hidden_at IS NULL AND NOT (p.user_id = ANY(ARRAY(
          SELECT user_id FROM engagement_membership
          WHERE initiative_id = %(initiative)s AND role = 'organiser')))
),
first_pass AS MATERIALIZED (
    SELECT * FROM candidates ORDER BY level DESC, years DESC LIMIT 200
),
bar AS MATERIALIZED (
    SELECT COALESCE((
        SELECT FIRST_SCORE AS score FROM first_pass f
        LEFT JOIN diaspora_profilelanguage l
               ON l.profile_id = f.profile_id AND l.language = %(language)s
        ORDER BY score DESC OFFSET 19 LIMIT 1
    ) - 60, 0) AS points
)
SELECT c.profile_id, FINAL_SCORE AS score
FROM candidates c
LEFT JOIN diaspora_profilelanguage l ON l.profile_id = c.profile_id AND l.language = %(language)s
WHERE c.level >= ((SELECT points FROM bar) - 11) / 10
  AND 10 * c.level + 2 * LEAST(c.years, 10) >= (SELECT points FROM bar)
ORDER BY score DESC, c.level DESC, c.years DESC, c.profile_id
LIMIT 20
""".replace("FIRST_SCORE", _SCORE.replace("T.", "f.")).replace(
    "FINAL_SCORE", _SCORE.replace("T.", "c.")
)


def best_params(need) -> dict:
    initiative = need.initiative
    return {
        "initiative": initiative.pk,
        "skill": need.skill_id,
        "remote": need.remote_possible,
        "country": str(initiative.country),
        "language": need.language,
    }
