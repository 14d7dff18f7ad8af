"""Which listing fields are tracked, which need a person before a value is removed, and how values compare."""

from __future__ import annotations

from typing import Any

# Fields whose changes become change records, in the order a person reads a listing.
TRACKED_FIELDS = ("name", "phones", "fax", "emails", "address", "opening_hours", "opening_hours_note", "offerings",
                  "impressum_url")
# A value of these fields that vanishes from a working site waits for review instead of being deleted.
REVIEWED_FIELDS = frozenset({"phones", "fax", "emails", "address", "opening_hours", "offerings"})
# Fields that follow another field and are never compared on their own.
DERIVED: dict[str, tuple[str, ...]] = {"opening_hours": ("opening_hours_osm",)}
LIST_FIELDS = frozenset({"phones", "fax", "emails", "offerings"})


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | dict) and not value)


def same(a: Any, b: Any) -> bool:
    """Equal for the directory: both empty, or equal; lists compare without regard to order."""
    if is_empty(a) and is_empty(b):
        return True
    if isinstance(a, list) and isinstance(b, list):
        return sorted(map(_key, a)) == sorted(map(_key, b))
    return bool(a == b)


def only_removed(old: Any, new: Any) -> bool:
    """A list that only lost entries (nothing new, nothing changed): a disappearance, not a change."""
    if not (isinstance(old, list) and isinstance(new, list)):
        return False
    old_keys = {_key(v) for v in old}
    return all(_key(v) in old_keys for v in new) and len({_key(v) for v in new}) < len(old_keys)


def _key(value: Any) -> str:
    return repr(value)
