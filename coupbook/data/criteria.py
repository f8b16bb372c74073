"""Which onset classes a case's coding allows, by the course's defining criteria.

docs/framework.md (§2, §4, §5) names three defining criteria (position, origin, target) and two
tests (by illegal means? in the open?).  From them follow the classes an event can have:

- not overt (a plot stopped before it acted) or legal (a constitutional procedure): no class;
- target ``other-branches``: only the executive itself acts so, and that is a **self-coup**;
- target ``military-leadership``: an insider or a force in the state's service (hybrid) defying
  its own commanders is a **mutiny**;
- an insider or hybrid against the sitting ``executive``: a **coup**;
- an ``outsider`` against the executive or the state: an **uprising** or a **rebellion**.

Origin, speed, violence and outcome never decide a class, so they do not appear here.  The data
validation (``class-follows-criteria``) and the consistency test of tables, charts and quiz keys
both use :func:`allowed_classes`.
"""

from __future__ import annotations

from collections.abc import Mapping

CLASSES = ("coup", "self-coup", "mutiny", "uprising", "rebellion")
INSIDE = {"insider", "hybrid"}


def allowed_classes(case: Mapping) -> tuple[set[str], str]:
    """The classes the coding of ``case`` allows, and the rule that says so (for error messages).

    ``case`` needs ``position``, ``target``, ``illegal``, ``overt`` and ``actor`` (as in cases.csv).
    An empty set means the coding itself is contradictory or describes no challenge at all.
    """
    position, target = case["position"], case["target"]
    illegal, overt, actor = case["illegal"], case["overt"], case["actor"]
    if overt == "no":
        return set(), "overt no: a plot stopped before it acted is not a coup attempt or any other onset (§5, step 4)"
    if illegal == "no":
        return set(), "illegal no: a constitutional procedure is neither coup nor rebellion (§5, step 3)"
    if target == "other-branches":
        if actor != "incumbent":
            return set(), "target other-branches is used only when the executive itself acts (actor incumbent) (§2)"
        return {"self-coup"}, "the executive acting against the other branches => self-coup"
    if actor == "incumbent":
        return set(), "an incumbent executive can only target the other branches (a self-coup)"
    if target == "military-leadership":
        if position not in INSIDE:
            return set(), "target military-leadership needs an insider or a force in the state's service (§2)"
        return {"mutiny"}, f"position {position} + target military-leadership => mutiny"
    if position == "outsider":
        if target not in {"executive", "state"}:
            return set(), f"an outsider cannot have target {target}"
        return {"uprising", "rebellion"}, f"position outsider + target {target} => uprising or rebellion"
    if target == "executive":
        return {"coup"}, f"position {position} + target executive + illegal + overt => coup"
    return set(), f"position {position} with target {target} fits no class: re-check steps 1 and 2 (§5)"


def contradiction(case: Mapping) -> str | None:
    """None if ``case['course_class']`` follows from the criteria, else a sentence saying why not."""
    allowed, rule = allowed_classes(case)
    if not allowed:
        return f"the coding describes no class: {rule}"
    if case["course_class"] not in allowed:
        return f"course_class {case['course_class']!r} contradicts the criteria: {rule}"
    return None
