import rules

rules.add_perm("notifications.read_own", rules.is_authenticated)
