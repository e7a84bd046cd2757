"""Mentions to scene objects: one object per instance, and relations between instances.

A mention says "two dogs"; the scene has ``o1`` and ``o2``. Relations found between mentions
become relations between their instances, group to group.
"""

from __future__ import annotations

from speech2image.language.mentions import Mention
from speech2image.language.relations import MentionRelation
from speech2image.scene import Relation, SceneObject, Skipped

MAX_OBJECTS = 24
"""Most objects in one scene; the mentions past it are skipped as "too many things"."""


def instances(
    mentions: list[Mention], actions: dict[int, str]
) -> tuple[list[SceneObject], list[list[str]], list[Skipped]]:
    """One scene object per instance (at most :data:`MAX_OBJECTS`), the object ids of each
    mention, and the mentions left out for want of room."""
    objects: list[SceneObject] = []
    ids: list[list[str]] = []
    too_many: list[Skipped] = []
    for k, mention in enumerate(mentions):
        these = []
        for _ in range(mention.count):
            if len(objects) >= MAX_OBJECTS:
                break
            object_id = f"o{len(objects) + 1}"
            these.append(object_id)
            objects.append(_scene_object(object_id, mention, actions.get(k), group=k + 1))
        if len(these) < mention.count:
            too_many.append(Skipped(mention.noun, "too many things"))
        ids.append(these)
    return objects, ids, too_many


def _scene_object(object_id: str, mention: Mention, action: str | None, group: int) -> SceneObject:
    return SceneObject(
        id=object_id,
        noun=mention.noun,
        color=mention.color,
        size=mention.size,
        material=mention.material,
        pattern=mention.pattern,
        finish=mention.finish,
        age=mention.age,
        action=action,
        name=mention.name,
        entity=mention.entity,
        group=group,
    )


def instance_relations_of(
    raw_relations: list[MentionRelation], index_of: dict[int, int], ids: list[list[str]]
) -> list[Relation]:
    """Relations between scene objects, from relations between raw mentions."""
    relations: list[Relation] = []
    for r in raw_relations:
        if r.subject not in index_of or r.object not in index_of:
            continue
        subject_ids = ids[index_of[r.subject]]
        object_ids = ids[index_of[r.object]]
        if not subject_ids or not object_ids or subject_ids == object_ids:
            continue
        relations.extend(_instance_relations(subject_ids, r.relation, object_ids))
    return relations


def _instance_relations(
    subject_ids: list[str], relation: str, object_ids: list[str]
) -> list[Relation]:
    """A group-to-group relation between instances: each subject to one of the objects in
    turn ("two dogs chasing two cats": each dog its own cat; three apples in a bowl: all in
    the one bowl), one relation per subject instance; "between two trees" takes two."""
    if relation == "between":
        return [Relation(s, relation, target) for s in subject_ids for target in object_ids[:2]]
    return [
        Relation(s, relation, object_ids[k % len(object_ids)]) for k, s in enumerate(subject_ids)
    ]
