# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The checks of a campaign's workflow before it starts. Plain Python on
the transitions' (from, to) pairs: O(activities + transitions) time and
memory, no query."""


def zero_delay_cycle(edges):
    """A cycle of ``edges`` (pairs of activity ids), as the list of the
    activity ids it goes through, or None. Given the transitions without
    delay, such a cycle would schedule workitems due at once for ever."""
    successors = {}
    for source, target in edges:
        successors.setdefault(source, []).append(target)
    # iterative depth-first search: white (absent), grey (on the path),
    # black (done); a grey successor closes a cycle
    colour = {}
    for root in sorted(successors):
        if root in colour:
            continue
        path = [root]
        stack = [iter(successors.get(root, ()))]
        colour[root] = 'grey'
        while stack:
            node = next(stack[-1], None)
            if node is None:
                colour[path.pop()] = 'black'
                stack.pop()
            elif colour.get(node) == 'grey':
                return path[path.index(node):]
            elif node not in colour:
                colour[node] = 'grey'
                path.append(node)
                stack.append(iter(successors.get(node, ())))
    return None
