"""Reading the relation fields: members and suggestions a relation points to."""


def related_objects(relations):
    """The live targets of a RelationList (broken or deleted targets are skipped)."""
    objects = []
    for relation in relations or ():
        target = getattr(relation, "to_object", None)
        if target is not None:
            objects.append(target)
    return objects


def linked_userids(members):
    """The site logins linked to CommitteeMember objects."""
    return sorted({m.userid for m in members if getattr(m, "userid", None)})
