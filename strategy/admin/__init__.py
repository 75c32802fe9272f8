"""The back office of the strategies: the co-construction workspace, its per-role limits and its workflow."""

from strategy.admin import actions, beneficiaries, concertation, structure  # noqa: F401  (registers the models)
